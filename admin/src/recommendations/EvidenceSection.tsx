import { Box, Typography } from '@mui/material';
import { Datagrid, FunctionField, ReferenceManyField, type RaRecord } from 'react-admin';
import { verificationLabels } from '../common/choices';
import { readableDay } from '../common/dates';
import { EnumChip, verificationColours } from '../common/EnumChip';
import { Clamped, fitTable, useListWidth } from '../common/listLayout';
import { Section } from '../common/Section';
import { EvidenceSummary } from '../evidence/EvidenceSummary';
import { VerifyButtons } from '../evidence/VerifyButtons';

/** Evidence submitted for the plan, and what inspectors made of it, in columns that fit the page. */
export function EvidenceSection() {
  // Below a laptop's width the action, sender and inspector's note go under the evidence and its verification,
  // so the evidence keeps a readable measure (at 800 px six columns left it one letter wide).
  const { narrow } = useListWidth();
  const submitted = (record: RaRecord) => (
    <Box>
      <Typography variant="body2">{readableDay(record.submittedAt)}</Typography>
      <Typography variant="caption" color="text.secondary">{record.submittedBy?.name}</Typography>
    </Box>
  );
  return (
    <Section title="Evidence and verification">
      <ReferenceManyField reference="evidence" target="recommendationId" sort={{ field: 'submittedAt', order: 'DESC' }} perPage={100}>
        <Datagrid bulkActionButtons={false} rowClick={false} empty={<p>No evidence submitted yet.</p>}
          sx={fitTable(narrow
            ? { verification: 180, verify: 132 }
            : { actionItem: '22%', submittedAt: 140, verification: 120, verificationNote: '18%', verify: 144 })}>
          <FunctionField source="summary" label="Evidence" render={(record: RaRecord) => (
            <Box>
              <EvidenceSummary record={record} lines={4} />
              {narrow && (
                <Typography variant="caption" color="text.secondary" component="p">
                  For “{record.actionItem?.description}” · sent {readableDay(record.submittedAt)} by {record.submittedBy?.name}
                </Typography>
              )}
            </Box>
          )} />
          {!narrow && <FunctionField source="actionItem" label="For action" render={(record: RaRecord) => <Clamped text={record.actionItem?.description} lines={3} />} />}
          {!narrow && <FunctionField source="submittedAt" label="Submitted" render={submitted} />}
          {narrow ? (
            <FunctionField source="verification" label="Verification" render={(record: RaRecord) => (
              <Box>
                <EnumChip source="verification" labels={verificationLabels} colours={verificationColours} />
                {record.verificationNote && <Clamped text={record.verificationNote} lines={4} />}
              </Box>
            )} />
          ) : <EnumChip source="verification" labels={verificationLabels} colours={verificationColours} label="Verification" />}
          {!narrow && <FunctionField source="verificationNote" label="Inspector's note" render={(record: RaRecord) => <Clamped text={record.verificationNote ?? '—'} lines={4} />} />}
          <VerifyButtons source="verify" label="" />
        </Datagrid>
      </ReferenceManyField>
    </Section>
  );
}
