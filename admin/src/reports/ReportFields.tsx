import { ReferenceArrayInput, AutocompleteArrayInput, SelectInput, TextInput, required } from 'react-admin';
import { DayInput } from '../common/DayInput';
import { reportKindChoices } from '../common/choices';
import { titleChips } from '../common/listLayout';

/** The report's own details, shared by create and edit. */
export function ReportFields() {
  return (
    <>
      <TextInput source="title" validate={required()} fullWidth />
      <SelectInput source="kind" choices={reportKindChoices} validate={required()} />
      <DayInput source="publishedOn" label="Published on" validate={required()} />
      <TextInput source="url" label="Link to the published report" type="url" fullWidth />
      <TextInput source="summary" multiline minRows={3} fullWidth />
      <ReferenceArrayInput source="followsUpIds" reference="reports">
        <AutocompleteArrayInput label="Follows up (earlier reports)" optionText="title" fullWidth sx={titleChips} />
      </ReferenceArrayInput>
    </>
  );
}
