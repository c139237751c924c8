import { Box, Typography } from '@mui/material';
import { Datagrid, FunctionField, ReferenceManyField, type RaRecord } from 'react-admin';
import { verificationLabels } from '../common/choices';
import { readableDay } from '../common/dates';
import { EnumChip, verificationColours } from '../common/EnumChip';
import { Clamped, fitTable } from '../common/listLayout';
import { Section } from '../common/Section';
import { EvidenceSummary } from '../evidence/EvidenceSummary';
import { VerifyButtons } from '../evidence/VerifyButtons';

/** Evidence submitted for the plan, and what inspectors made of it, in columns that fit the page. */
export function EvidenceSection() {
  return (
    <Section title="Evidence and verification">
      <ReferenceManyField reference="evidence" target="recommendationId" sort={{ field: 'submittedAt', order: 'DESC' }} perPage={100}>
        <Datagrid bulkActionButtons={false} rowClick={false} empty={<p>No evidence submitted yet.</p>}
          sx={fitTable({ actionItem: '22%', submittedAt: 140, verification: 120, verificationNote: '18%', verify: 144 })}>
          <FunctionField source="summary" label="Evidence" render={(record: RaRecord) => <EvidenceSummary record={record} lines={4} />} />
          <FunctionField source="actionItem" label="For action" render={(record: RaRecord) => <Clamped text={record.actionItem?.description} lines={3} />} />
          <FunctionField source="submittedAt" label="Submitted" render={(record: RaRecord) => (
            <Box>
              <Typography variant="body2">{readableDay(record.submittedAt)}</Typography>
              <Typography variant="caption" color="text.secondary">{record.submittedBy?.name}</Typography>
            </Box>
          )} />
          <EnumChip source="verification" labels={verificationLabels} colours={verificationColours} label="Verification" />
          <FunctionField source="verificationNote" label="Inspector's note" render={(record: RaRecord) => <Clamped text={record.verificationNote ?? '—'} lines={4} />} />
          <VerifyButtons source="verify" label="" />
        </Datagrid>
      </ReferenceManyField>
    </Section>
  );
}
