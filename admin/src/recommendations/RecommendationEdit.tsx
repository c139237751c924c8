import {
  AutocompleteArrayInput, AutocompleteInput, Edit, ReferenceArrayInput, ReferenceInput, SimpleForm, TextInput, required,
} from 'react-admin';
import { DayInput } from '../common/DayInput';
import { useWriteErrors } from '../common/useWriteErrors';

/** The recommendation's details; a moved target date asks for the reason, which history keeps. */
export default function RecommendationEdit() {
  const onError = useWriteErrors();
  return (
    <Edit mutationMode="pessimistic" mutationOptions={{ onError }} redirect="show">
      <SimpleForm>
        <TextInput source="reference" validate={required()} />
        <TextInput source="text" label="Recommendation" multiline minRows={3} validate={required()} fullWidth />
        <ReferenceInput source="ownerId" reference="organisations">
          <AutocompleteInput label="Owner" optionText="name" validate={required()} />
        </ReferenceInput>
        <ReferenceArrayInput source="addresseeIds" reference="organisations">
          <AutocompleteArrayInput label="Addressed to" optionText="name" fullWidth />
        </ReferenceArrayInput>
        <ReferenceArrayInput source="themeIds" reference="themes" perPage={100}>
          <AutocompleteArrayInput label="Themes" optionText="name" fullWidth />
        </ReferenceArrayInput>
        <DayInput source="targetDate" label="Target date" />
        <TextInput source="targetDateReason" label="Why the target date moves (kept in history)" multiline fullWidth
          helperText="Needed when an existing target date changes" />
      </SimpleForm>
    </Edit>
  );
}
