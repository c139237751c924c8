import {
  AddItemButton, ArrayInput, AutocompleteArrayInput, AutocompleteInput, Create, ReferenceArrayInput, ReferenceInput, SimpleForm,
  SimpleFormIterator, TextInput, required,
} from 'react-admin';
import { DayInput } from '../common/DayInput';
import { useWriteErrors } from '../common/useWriteErrors';
import { ReportFields } from './ReportFields';

const inspectorates = { kinds: ['INSPECTORATE'] };

/** A new report with all its recommendations, saved in one step. */
export default function ReportCreate() {
  const onError = useWriteErrors({ form: true });
  return (
    <Create redirect="show" mutationOptions={{ onError }} title="New report">
      <SimpleForm defaultValues={{ kind: 'THEMATIC', recommendations: [{}] }}>
        <ReportFields />
        <ReferenceInput source="inspectorateId" reference="organisations" filter={inspectorates}>
          <AutocompleteInput label="Inspectorate" optionText="name" validate={required()} />
        </ReferenceInput>
        <ArrayInput source="recommendations" label="Recommendations, in the order printed">
          <SimpleFormIterator fullWidth addButton={<AddItemButton label="Add recommendation" />} sx={{ "& .RaSimpleFormIterator-line": { borderBottom: 1, borderColor: "divider", py: 1 } }}>
            <TextInput source="reference" label="Reference" helperText='As printed, e.g. "R3"' validate={required()} />
            <TextInput source="text" label="Recommendation" multiline minRows={2} validate={required()} fullWidth />
            <ReferenceInput source="ownerId" reference="organisations">
              <AutocompleteInput label="Owner" optionText="name" validate={required()} fullWidth />
            </ReferenceInput>
            <ReferenceArrayInput source="addresseeIds" reference="organisations">
              <AutocompleteArrayInput label="Also addressed to" optionText="name" fullWidth />
            </ReferenceArrayInput>
            <ReferenceArrayInput source="themeIds" reference="themes" perPage={100}>
              <AutocompleteArrayInput label="Themes" optionText="name" fullWidth />
            </ReferenceArrayInput>
            <DayInput source="targetDate" label="Target date" />
            <ReferenceInput source="repeatsId" reference="recommendations">
              <AutocompleteInput label="Repeats (earlier recommendation)" optionText={(r) => `${r.reference} · ${r.report?.title ?? ''}`} fullWidth />
            </ReferenceInput>
          </SimpleFormIterator>
        </ArrayInput>
      </SimpleForm>
    </Create>
  );
}
