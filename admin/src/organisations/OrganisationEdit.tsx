import { Edit } from 'react-admin';
import { RecordForm } from '../common/RecordForm';
import { useWriteErrors } from '../common/useWriteErrors';
import { OrganisationInputs } from './OrganisationInputs';

export default function OrganisationEdit() {
  const onError = useWriteErrors({ form: true });
  return (
    <Edit mutationMode="pessimistic" mutationOptions={{ onError }} redirect="show">
      <RecordForm><OrganisationInputs /></RecordForm>
    </Edit>
  );
}
