import { Edit } from 'react-admin';
import { DayInput } from '../common/DayInput';
import { RecordForm } from '../common/RecordForm';
import { useWriteErrors } from '../common/useWriteErrors';
import { ReportFields } from './ReportFields';

export default function ReportEdit() {
  const onError = useWriteErrors({ form: true });
  return (
    <Edit mutationMode="pessimistic" mutationOptions={{ onError }} redirect="show">
      <RecordForm>
        <ReportFields />
        {/* Set from the inspectorate's days for responses when the report was loaded. */}
        <DayInput source="responsesDueOn" label="Responses due on" />
      </RecordForm>
    </Edit>
  );
}
