import { Create } from 'react-admin';
import { RecordForm } from '../common/RecordForm';
import { useWriteErrors } from '../common/useWriteErrors';
import { OrganisationInputs } from './OrganisationInputs';

export default function OrganisationCreate() {
  const onError = useWriteErrors({ form: true });
  return (
    <Create redirect="show" mutationOptions={{ onError }}>
      <RecordForm><OrganisationInputs /></RecordForm>
    </Create>
  );
}
