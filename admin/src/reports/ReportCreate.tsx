import {
  AddItemButton, ArrayInput, AutocompleteArrayInput, AutocompleteInput, Create, DateInput, ReferenceArrayInput, ReferenceInput, SimpleForm,
  SimpleFormIterator, TextInput, required,
} from 'react-admin';
import { useWriteErrors } from '../common/useWriteErrors';
import { ReportFields } from './ReportFields';

const inspectorates = { kinds: ['INSPECTORATE'] };

/** A new report with all its recommendations, saved in one step. */
export default function ReportCreate() {
  const onError = useWriteErrors();
  return (
    <Create redirect="show" mutationOptions={{ onError }} title="New report">
      <SimpleForm defaultValues={{ kind: 'THEMATIC', recommendations: [{}] }}>
        <ReportFields />
        <ReferenceInput source="inspectorateId" reference="organisations" filter={inspectorates}>
          <AutocompleteInput label="Inspectorate" optionText="name" validate={required()} />
        </ReferenceInput>
        <ArrayInput source="recommendations" label="Recommendations, in the order printed">
          <SimpleFormIterator inline addButton={<AddItemButton label="Add recommendation" />}>
            <TextInput source="reference" label="Reference" helperText='As printed, e.g. "R3"' validate={required()} sx={{ width: 120 }} />
            <TextInput source="text" label="Recommendation" multiline minRows={2} validate={required()} sx={{ minWidth: 360 }} />
            <ReferenceInput source="ownerId" reference="organisations">
              <AutocompleteInput label="Owner" optionText="name" validate={required()} sx={{ minWidth: 240 }} />
            </ReferenceInput>
            <ReferenceArrayInput source="addresseeIds" reference="organisations">
              <AutocompleteArrayInput label="Also addressed to" optionText="name" sx={{ minWidth: 240 }} />
            </ReferenceArrayInput>
            <ReferenceArrayInput source="themeIds" reference="themes" perPage={100}>
              <AutocompleteArrayInput label="Themes" optionText="name" sx={{ minWidth: 200 }} />
            </ReferenceArrayInput>
            <DateInput source="targetDate" label="Target date" />
            <ReferenceInput source="repeatsId" reference="recommendations">
              <AutocompleteInput label="Repeats (earlier recommendation)" optionText={(r) => `${r.reference} · ${r.report?.title ?? ''}`} sx={{ minWidth: 280 }} />
            </ReferenceInput>
          </SimpleFormIterator>
        </ArrayInput>
      </SimpleForm>
    </Create>
  );
}
