import { Edit, SimpleForm } from 'react-admin';
import { useWriteErrors } from '../common/useWriteErrors';
import { OrganisationInputs } from './OrganisationInputs';

export default function OrganisationEdit() {
  const onError = useWriteErrors();
  return (
    <Edit mutationMode="pessimistic" mutationOptions={{ onError }} redirect="show">
      <SimpleForm><OrganisationInputs /></SimpleForm>
    </Edit>
  );
}
