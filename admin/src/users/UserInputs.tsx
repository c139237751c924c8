import { AutocompleteInput, BooleanInput, PasswordInput, ReferenceInput, SelectInput, TextInput, email, minLength, required } from 'react-admin';
import { roleChoices } from '../common/choices';

/**
 * A user account. A new password signs them out everywhere, and their API tokens keep working;
 * taking away "may sign in" signs them out and revokes their API tokens for good.
 */
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
        helperText={editing ? 'At least 12 characters. Signs them out everywhere; their API tokens keep working (revoke them under API tokens if the account may have been misused).' : 'At least 12 characters'}
        autoComplete="new-password" />
      {editing && (
        <BooleanInput source="active" label="May sign in"
          helperText="Turning this off signs them out and revokes their API tokens; turning it on again does not bring the tokens back." />
      )}
    </>
  );
}
