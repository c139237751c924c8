import { Edit, FormDataConsumer, NumberInput, maxValue, minValue, required } from 'react-admin';
import { RecordForm } from '../common/RecordForm';
import { useWriteErrors } from '../common/useWriteErrors';
import { OrganisationInputs } from './OrganisationInputs';

export default function OrganisationEdit() {
  const onError = useWriteErrors({ form: true });
  return (
    <Edit mutationMode="pessimistic" mutationOptions={{ onError }} redirect="show">
      <RecordForm>
        <OrganisationInputs />
        {/* Only an inspectorate publishes reports, so only its setting means anything. */}
        <FormDataConsumer>
          {({ formData }) => formData.kind === 'INSPECTORATE' && (
            <NumberInput source="responseDays" label="Days after publication that responses are due" helperText="Reports loaded from now on take this; each report’s own due date can be changed on the report."
              validate={[required(), minValue(1), maxValue(730)]} step={1} />
          )}
        </FormDataConsumer>
      </RecordForm>
    </Edit>
  );
}
