import { AutocompleteInput, BooleanInput, PasswordInput, ReferenceInput, SelectInput, TextInput, email, minLength, required } from 'react-admin';
import { roleChoices } from '../common/choices';

/** A user account; a new password ends the user's sessions. */
export function UserInputs({ editing = false }: { editing?: boolean }) {
  return (
    <>
      <TextInput source="name" label="Full name" validate={required()} fullWidth />
      <TextInput source="email" type="email" validate={[required(), email()]} disabled={editing} fullWidth
        helperText={editing ? 'Used to sign in; it cannot be changed here' : 'Used to sign in'} />
      <SelectInput source="role" choices={roleChoices} validate={required()} />
      <ReferenceInput source="organisationId" reference="organisations">
        <AutocompleteInput label="Organisation (required for leaders)" optionText="name" fullWidth />
      </ReferenceInput>
      <PasswordInput source="password" label={editing ? 'New password (ends their sessions)' : 'First password'} validate={editing ? minLength(12) : [required(), minLength(12)]}
        helperText="At least 12 characters" autoComplete="new-password" />
      {editing && <BooleanInput source="active" label="May sign in" />}
    </>
  );
}
