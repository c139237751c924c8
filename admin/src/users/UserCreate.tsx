import { Create, SimpleForm } from 'react-admin';
import { useWriteErrors } from '../common/useWriteErrors';
import { UserInputs } from './UserInputs';

export default function UserCreate() {
  const onError = useWriteErrors();
  return (
    <Create redirect="list" mutationOptions={{ onError }}>
      <SimpleForm defaultValues={{ role: 'VIEWER' }}><UserInputs /></SimpleForm>
    </Create>
  );
}
