import { CardContent } from '@mui/material';
import { Edit, useRecordContext } from 'react-admin';
import { DiscussionSection } from '../discussion/DiscussionSection';
import { RecordForm } from '../common/RecordForm';
import { useWriteErrors } from '../common/useWriteErrors';
import { WithdrawnNotice } from '../recommendations/WithdrawRecommendation';
import { ActionItemInputs } from './ActionItemInputs';

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
      <ActionItemInputs editing disabled={!editable} />
    </RecordForm>
  );
}

export default function ActionItemEdit() {
  const onError = useWriteErrors({ form: true });
  return (
    <Edit mutationMode="pessimistic" mutationOptions={{ onError }} redirect="list">
      <ActionItemForm />
      <CardContent>
        <DiscussionSection on="ActionItem" />
      </CardContent>
    </Edit>
  );
}
