import { Create, SimpleForm } from 'react-admin';
import { useWriteErrors } from '../common/useWriteErrors';
import { OrganisationInputs } from './OrganisationInputs';

export default function OrganisationCreate() {
  const onError = useWriteErrors();
  return (
    <Create redirect="show" mutationOptions={{ onError }}>
      <SimpleForm><OrganisationInputs /></SimpleForm>
    </Create>
  );
}
