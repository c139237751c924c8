import { Edit, SimpleForm } from 'react-admin';
import { useWriteErrors } from '../common/useWriteErrors';
import { ReportFields } from './ReportFields';

export default function ReportEdit() {
  const onError = useWriteErrors();
  return (
    <Edit mutationMode="pessimistic" mutationOptions={{ onError }} redirect="show">
      <SimpleForm>
        <ReportFields />
      </SimpleForm>
    </Edit>
  );
}
