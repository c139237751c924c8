import {
  AutocompleteArrayInput, AutocompleteInput, Edit, ReferenceArrayInput, ReferenceInput, TextInput, required,
} from 'react-admin';
import { DayInput } from '../common/DayInput';
import { RecordForm } from '../common/RecordForm';
import { useWriteErrors } from '../common/useWriteErrors';

/** An inactive organisation takes no new work: it is not offered (those already named stay shown). */
const activeOnly = { active: true };

/** The recommendation's details; a moved target date asks for the reason, which history keeps. */
export default function RecommendationEdit() {
  const onError = useWriteErrors({ form: true });
  return (
    <Edit mutationMode="pessimistic" mutationOptions={{ onError }} redirect="show">
      <RecordForm>
        <TextInput source="reference" validate={required()} />
        <TextInput source="text" label="Recommendation" multiline minRows={3} validate={required()} fullWidth />
        <ReferenceInput source="ownerId" reference="organisations" filter={activeOnly}>
          <AutocompleteInput label="Owner" optionText="name" validate={required()} />
        </ReferenceInput>
        <ReferenceArrayInput source="addresseeIds" reference="organisations" filter={activeOnly}>
          <AutocompleteArrayInput label="Addressed to" optionText="name" fullWidth />
        </ReferenceArrayInput>
        <ReferenceArrayInput source="themeIds" reference="themes" perPage={100}>
          <AutocompleteArrayInput label="Themes" optionText="name" fullWidth />
        </ReferenceArrayInput>
        <DayInput source="targetDate" label="Target date" />
        <TextInput source="targetDateReason" label="Why the target date moves (kept in history)" multiline fullWidth
          helperText="Needed when an existing target date changes" />
      </RecordForm>
    </Edit>
  );
}
