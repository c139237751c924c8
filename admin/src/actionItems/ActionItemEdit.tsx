import { Edit } from 'react-admin';
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
    </Edit>
  );
}
