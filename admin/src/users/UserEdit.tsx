import { Edit } from 'react-admin';
import { RecordForm } from '../common/RecordForm';
import { useWriteErrors } from '../common/useWriteErrors';
import { UserInputs } from './UserInputs';

export default function UserEdit() {
  const onError = useWriteErrors({ form: true });
  return (
    <Edit mutationMode="pessimistic" mutationOptions={{ onError }} redirect="list">
      <RecordForm><UserInputs editing /></RecordForm>
    </Edit>
  );
}
