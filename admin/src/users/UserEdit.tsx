import { Edit, SimpleForm } from 'react-admin';
import { useWriteErrors } from '../common/useWriteErrors';
import { UserInputs } from './UserInputs';

export default function UserEdit() {
  const onError = useWriteErrors();
  return (
    <Edit mutationMode="pessimistic" mutationOptions={{ onError }} redirect="list">
      <SimpleForm><UserInputs editing /></SimpleForm>
    </Edit>
  );
}
