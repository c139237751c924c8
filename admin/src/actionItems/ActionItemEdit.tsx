import { Edit, SimpleForm } from 'react-admin';
import { useWriteErrors } from '../common/useWriteErrors';
import { ActionItemInputs } from './ActionItemInputs';

export default function ActionItemEdit() {
  const onError = useWriteErrors();
  return (
    <Edit mutationMode="pessimistic" mutationOptions={{ onError }} redirect="list">
      <SimpleForm>
        <ActionItemInputs editing />
      </SimpleForm>
    </Edit>
  );
}
