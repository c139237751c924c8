import { CardContent } from '@mui/material';
import { Edit } from 'react-admin';
import { DiscussionSection } from '../discussion/DiscussionSection';
import { RecordForm } from '../common/RecordForm';
import { useWriteErrors } from '../common/useWriteErrors';
import { ActionItemInputs } from './ActionItemInputs';

export default function ActionItemEdit() {
  const onError = useWriteErrors({ form: true });
  return (
    <Edit mutationMode="pessimistic" mutationOptions={{ onError }} redirect="list">
      <RecordForm>
        <ActionItemInputs editing />
      </RecordForm>
      <CardContent>
        <DiscussionSection on="ActionItem" />
      </CardContent>
    </Edit>
  );
}
