import { Create } from 'react-admin';
import { RecordForm } from '../common/RecordForm';
import { useWriteErrors } from '../common/useWriteErrors';
import { UserInputs } from './UserInputs';

export default function UserCreate() {
  const onError = useWriteErrors({ form: true });
  return (
    <Create redirect="list" mutationOptions={{ onError }}>
      <RecordForm defaultValues={{ role: 'VIEWER' }}><UserInputs /></RecordForm>
    </Create>
  );
}
