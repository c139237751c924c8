import { CardContent, Chip, Link as MuiLink, Stack, Typography } from '@mui/material';
import { Link } from 'react-router-dom';
import { DateField, FunctionField, Labeled, Show, SimpleShowLayout, TextField, useRecordContext, type RaRecord } from 'react-admin';
import { actionStatusLabels } from '../common/choices';
import { actionStatusColours, EnumChip } from '../common/EnumChip';
import { listLink } from '../dashboard/links';
import { DiscussionSection } from '../discussion/DiscussionSection';
import { WithdrawnNotice } from '../recommendations/WithdrawRecommendation';
import { AfreshForEachRecord } from '../common/AfreshForEachRecord';
import { ActionTitle, PlanOf } from './ActionItemEdit';
import { ActionItemRowActions } from './ActionItemRowActions';

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
      <TextField source="owner.name" label="Owner" />
      <TextField source="leadPerson" label="Lead" emptyText="—" />
      {/* The due date and status as the action items list shows them. */}
      <FunctionField label="Due" render={(rec: RaRecord) => (
        <Stack direction="row" spacing={1} alignItems="center">
          <DateField source="dueDate" emptyText="—" />
          {rec.isOverdue && <Chip size="small" color="warning" label="Overdue" />}
        </Stack>
      )} />
      <EnumChip source="status" labels={actionStatusLabels} colours={actionStatusColours} label="Status" />
      <DateField source="completedOn" label="Completed on" emptyText="—" />
      <Labeled label="Evidence"><EvidenceLink /></Labeled>
      {/* What the person may do with it, as in its recommendation's action plan: nothing, for a viewer. */}
      <ActionItemRowActions withWords />
    </SimpleShowLayout>
  );
}

/**
 * An action's page: what it is, whose, when due and how far on, its evidence and its discussion, with
 * the buttons to edit, complete or add evidence to it for those who may. Viewers, and others on an
 * action they may not change, open it here; My work opens it here for everyone (useActionItemPath).
 */
export default function ActionItemShow() {
  return (
    // No toolbar: its buttons are in the page, and an empty one left a gap above it.
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
