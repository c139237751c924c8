import { Box, Button, Stack, Typography } from '@mui/material';
import type { ChangeEvent } from 'react';
import {
  BooleanInput, Datagrid, ExportButton, FilterButton, FunctionField, List, SearchInput, SelectArrayInput, TopToolbar, useListContext,
  type BooleanInputProps, type RaRecord, type SelectArrayInputProps,
} from 'react-admin';
import { useFormContext } from 'react-hook-form';
import { strengthChoices, verificationChoices, verificationLabels } from '../common/choices';
import { readableDay } from '../common/dates';
import { EnumChip, verificationColours } from '../common/EnumChip';
import { Clamped, fitTable, RecordLink, showPath, useListWidth } from '../common/listLayout';
import { exportEvidence } from './exporter';
import { EvidenceSummary } from './EvidenceSummary';
import { VerifyButtons } from './VerifyButtons';
import { recommendationName, shortNameOf } from '../common/naming';

/*
 * "Awaiting verification" and a choice of verification states exclude each other (evidence accepted is
 * not awaiting): picking states turns the toggle off, and turning it on clears the states. Together they
 * matched nothing, and the queue said "No results" whatever state was picked.
 */
function AwaitingVerificationInput(props: BooleanInputProps) {
  const { setValue } = useFormContext();
  return <BooleanInput {...props} onChange={(event: ChangeEvent<HTMLInputElement>) => {
    if (event.target.checked) setValue('verifications', undefined);
  }} />;
}

function VerificationsInput(props: SelectArrayInputProps) {
  const { setValue } = useFormContext();
  return <SelectArrayInput {...props} onChange={(event: ChangeEvent<HTMLInputElement> | RaRecord) => {
    const picked = (event as ChangeEvent<HTMLInputElement>).target?.value;
    if (Array.isArray(picked) && picked.length > 0) setValue('awaitingVerification', undefined);
  }} />;
}

const filters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Search summaries" />,
  // What can still be verified: a withdrawn recommendation's unverified evidence takes no verdict.
  <AwaitingVerificationInput key="awaitingVerification" source="awaitingVerification" label="Awaiting verification" />,
  <VerificationsInput key="verifications" source="verifications" label="Verification" choices={verificationChoices} alwaysOn />,
  <SelectArrayInput key="strengths" source="strengths" label="Strength" choices={strengthChoices} />,
];


/** An empty queue says it is done, not that a filter went wrong; other filters that match nothing say so. */
function QueueEmpty() {
  const { filterValues, setFilters } = useListContext();
  const onlyAwaiting = Object.keys(filterValues).every((key) => key === 'awaitingVerification') && filterValues.awaitingVerification === true;
  return (
    <Box sx={{ p: 2 }}>
      <Typography variant="body2">
        {onlyAwaiting ? 'Nothing is waiting for verification: all the evidence submitted has been accepted or found insufficient.' : 'No evidence matches these filters.'}
      </Typography>
      {!onlyAwaiting && <Button size="small" sx={{ mt: 1 }} onClick={() => setFilters({ awaitingVerification: true }, { awaitingVerification: true })}>Show the evidence awaiting verification</Button>}
    </Box>
  );
}

/**
 * The inspectors' queue: evidence awaiting verification (on recommendations that stand), oldest
 * first. The columns share the window's width, so Accept and Insufficient are always in view; what
 * each piece backs is named briefly, whole in tooltips.
 */
export default function EvidenceQueue() {
  const { narrow } = useListWidth();
  return (
    <List filters={filters} filterDefaultValues={{ awaitingVerification: true }} sort={{ field: 'submittedAt', order: 'ASC' }} title="Evidence queue"
      exporter={exportEvidence} actions={<TopToolbar><FilterButton /><ExportButton /></TopToolbar>}>
      <Datagrid rowClick={false} bulkActionButtons={false} size="small" empty={<QueueEmpty />}
        sx={fitTable({ actionItem: narrow ? '30%' : '26%', submittedAt: 132, verification: 120, verify: 144 })}>
        <FunctionField source="summary" label="Evidence" sortable={false} render={(record: RaRecord) => <EvidenceSummary record={record} lines={3} />} />
        <FunctionField source="actionItem" label="Backs the action" sortable={false} render={(record: RaRecord) => (
          <Stack spacing={0.25}>
            <Clamped text={record.actionItem?.description} />
            <Typography variant="caption" color="text.secondary" component="div" sx={{ display: 'flex', gap: 0.5, flexWrap: 'wrap' }}>
              <RecordLink to={showPath('recommendations', record.actionItem?.recommendation?.id)} lines={1}
                text={recommendationName(record.actionItem?.recommendation)}
                about={`recommendation of ${record.actionItem?.recommendation?.report?.title ?? 'its report'}`} />
              {!narrow && <span title={record.actionItem?.owner?.name}>· {shortNameOf(record.actionItem?.owner)}</span>}
            </Typography>
          </Stack>
        )} />
        {!narrow && (
          <FunctionField source="submittedAt" label="Submitted" render={(record: RaRecord) => (
            <Box>
              <Typography variant="body2">{readableDay(record.submittedAt)}</Typography>
              <Typography variant="caption" color="text.secondary">{record.submittedBy?.name}</Typography>
            </Box>
          )} />
        )}
        <EnumChip source="verification" labels={verificationLabels} colours={verificationColours} label="Verification" sortBy="verification" />
        <VerifyButtons source="verify" label="" />
      </Datagrid>
    </List>
  );
}
