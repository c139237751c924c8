import { Edit } from 'react-admin';
import { RecordForm } from '../common/RecordForm';
import { useWriteErrors } from '../common/useWriteErrors';
import { ReportFields } from './ReportFields';

export default function ReportEdit() {
  const onError = useWriteErrors({ form: true });
  return (
    <Edit mutationMode="pessimistic" mutationOptions={{ onError }} redirect="show">
      <RecordForm>
        <ReportFields />
      </RecordForm>
    </Edit>
  );
}
