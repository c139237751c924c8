import { Alert, CardContent, Link as MuiLink, Typography } from '@mui/material';
import { Link } from 'react-router-dom';
import { Edit, useRecordContext } from 'react-admin';
import { DiscussionSection } from '../discussion/DiscussionSection';
import { showPath } from '../common/listLayout';
import { RecordForm } from '../common/RecordForm';
import { useWriteErrors } from '../common/useWriteErrors';
import { WithdrawnNotice } from '../recommendations/WithdrawRecommendation';
import { ActionItemInputs } from './ActionItemInputs';
import { recommendationName } from '../common/naming';
import { AfreshForEachRecord } from '../common/AfreshForEachRecord';

/**
 * The action, as a form for whoever may change it; read only, with no Save, for anyone else, as the
 * server's answer for this action says (another organisation's, or one under a withdrawn recommendation).
 */
function ActionItemForm() {
  const record = useRecordContext();
  if (!record) return null;
  const editable = record.viewerCanEdit === true;
  return (
    <RecordForm toolbar={editable ? undefined : false}>
      <WithdrawnNotice recommendation={record.recommendation} />
      {/* A greyed form without a word read as broken: it says so and whose it is (a withdrawn recommendation says so
          above). Who may change it is the server's rule alone (manageActionItem), not restated here to drift. */}
      {!editable && !record.recommendation?.withdrawnAt && (
        <Alert severity="info" sx={{ mb: 2 }}>
          Read only: you cannot change this action of {record.owner?.name ?? 'another organisation'}.
        </Alert>
      )}
      <PlanOf recommendation={record.recommendation} />
      <ActionItemInputs editing disabled={!editable} />
    </RecordForm>
  );
}

type PlannedFor = { id: string; reference: string; report?: { title: string; publishedOn: string } } | null | undefined;

/** Whose plan the action is on: the recommendation, a link to its page, and its report. */
export function PlanOf({ recommendation }: { recommendation: PlannedFor }) {
  if (!recommendation) return null;
  return (
    <Typography variant="body2" component="div" sx={{ mb: 2 }}>
      On the action plan of recommendation{' '}
      <MuiLink component={Link} to={showPath('recommendations', recommendation.id)} underline="hover" sx={{ fontWeight: 500 }}>
        {recommendationName(recommendation)}
      </MuiLink>
      {recommendation.report?.title ? ` of ${recommendation.report.title}` : ''}
    </Typography>
  );
}

/** The page's title: the action, whether or not the person may change it. */
export function ActionTitle() {
  const record = useRecordContext();
  return <>{record ? `Action: ${String(record.description)}` : 'Action'}</>;
}

export default function ActionItemEdit() {
  const onError = useWriteErrors({ form: true });
  return (
    <Edit title={<ActionTitle />} actions={false} mutationMode="pessimistic" mutationOptions={{ onError }} redirect="list">
      <AfreshForEachRecord>
        <ActionItemForm />
        <CardContent>
          <DiscussionSection on="ActionItem" />
        </CardContent>
      </AfreshForEachRecord>
    </Edit>
  );
}
