import { CardContent, Link as MuiLink, Typography } from '@mui/material';
import { Link } from 'react-router-dom';
import { FunctionField, Labeled, Show, SimpleShowLayout, TextField, useRecordContext, type RaRecord } from 'react-admin';
import { actionStatusLabels, label } from '../common/choices';
import { readableDay } from '../common/dates';
import { listLink } from '../dashboard/links';
import { DiscussionSection } from '../discussion/DiscussionSection';
import { WithdrawnNotice } from '../recommendations/WithdrawRecommendation';
import { AfreshForEachRecord } from '../common/AfreshForEachRecord';
import { ActionTitle, PlanOf } from './ActionItemEdit';

const day = (value: unknown) => (typeof value === 'string' && value ? readableDay(value) : '—');

/** Its evidence, as a link to the evidence list of this action: a count alone sent nobody anywhere. */
function EvidenceLink() {
  const record = useRecordContext();
  if (!record) return null;
  const count = Number(record.evidenceCount ?? 0);
  return (
    <Typography variant="body2">
      {count === 0 ? 'None submitted yet' : (
        <MuiLink component={Link} to={listLink('evidence', { actionItemId: record.id })} underline="hover">
          {count === 1 ? '1 item of evidence' : `${count} items of evidence`}
        </MuiLink>
      )}
    </Typography>
  );
}

function Details() {
  const record = useRecordContext();
  if (!record) return null;
  return (
    <SimpleShowLayout>
      <WithdrawnNotice recommendation={record.recommendation} />
      <PlanOf recommendation={record.recommendation} />
      <TextField source="description" label="Action" />
      <FunctionField label="Owner" render={(rec: RaRecord) => rec.owner?.name ?? '—'} />
      <TextField source="leadPerson" label="Lead" emptyText="—" />
      <FunctionField label="Due" render={(rec: RaRecord) => `${day(rec.dueDate)}${rec.isOverdue ? ' (overdue)' : ''}`} />
      <FunctionField label="Status" render={(rec: RaRecord) => `${label(actionStatusLabels, rec.status)}${rec.completedOn ? ` on ${day(rec.completedOn)}` : ''}`} />
      <Labeled label="Evidence"><EvidenceLink /></Labeled>
    </SimpleShowLayout>
  );
}

/**
 * An action's page for those who may change no action (viewers): what it is, whose, when due and how
 * far on, its evidence and its discussion. Those who may change actions open the edit route, read
 * only where the action is not theirs.
 */
export default function ActionItemShow() {
  return (
    // No toolbar: there is nothing here for a viewer to do, and an empty one left a gap above the page.
    <Show title={<ActionTitle />} actions={false}>
      <AfreshForEachRecord>
        <Details />
        <CardContent>
          <DiscussionSection on="ActionItem" />
        </CardContent>
      </AfreshForEachRecord>
    </Show>
  );
}
