import { BooleanField, DateField, EmailField, SelectField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { roleChoices } from '../common/choices';

export default function UserShow() {
  return (
    <Show>
      <SimpleShowLayout>
        <TextField source="name" />
        <EmailField source="email" />
        <SelectField source="role" choices={roleChoices} />
        <TextField source="organisation.name" label="Organisation" emptyText="—" />
        <BooleanField source="active" label="May sign in" />
        <DateField source="createdAt" label="Account made" />
      </SimpleShowLayout>
    </Show>
  );
}
