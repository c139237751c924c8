import { BooleanField, Datagrid, EmailField, List, ReferenceInput, AutocompleteInput, SearchInput, SelectArrayInput, SelectField, TextField } from 'react-admin';
import { roleChoices } from '../common/choices';

const filters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Search name or email" />,
  <SelectArrayInput key="roles" source="roles" label="Roles" choices={roleChoices} />,
  <ReferenceInput key="organisationId" source="organisationId" reference="organisations"><AutocompleteInput label="Organisation" optionText="name" /></ReferenceInput>,
];

/** People who sign in, and their roles. */
export default function UserList() {
  return (
    <List filters={filters} title="Users and roles">
      <Datagrid rowClick="edit" bulkActionButtons={false}>
        <TextField source="name" sortable={false} />
        <EmailField source="email" sortable={false} />
        <SelectField source="role" choices={roleChoices} sortable={false} />
        <TextField source="organisation.name" label="Organisation" emptyText="—" sortable={false} />
        <BooleanField source="active" sortable={false} />
      </Datagrid>
    </List>
  );
}
