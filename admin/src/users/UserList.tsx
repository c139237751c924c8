import { BooleanField, Datagrid, EmailField, FunctionField, List, ReferenceInput, AutocompleteInput, SearchInput, SelectArrayInput, SelectField, TextField, type RaRecord } from 'react-admin';
import { RecordLink, showPath, searchWide } from '../common/listLayout';
import { exportUsers } from './exporter';
import { roleChoices } from '../common/choices';

const filters = [
  <SearchInput key="q" source="q" alwaysOn sx={searchWide} placeholder="Search name or email" />,
  <SelectArrayInput key="roles" source="roles" label="Roles" choices={roleChoices} />,
  <ReferenceInput key="organisationId" source="organisationId" reference="organisations"><AutocompleteInput label="Organisation" optionText="name" /></ReferenceInput>,
];

/** People who sign in, and their roles. */
export default function UserList() {
  return (
    <List filters={filters} title="Users and roles" exporter={exportUsers}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <FunctionField source="name" label="Name" sortable={false} render={(record: RaRecord) => <RecordLink to={showPath('users', record.id)} text={record.name} />} />
        <EmailField source="email" sortable={false} />
        <SelectField source="role" choices={roleChoices} sortable={false} />
        <TextField source="organisation.name" label="Organisation" emptyText="—" sortable={false} />
        <BooleanField source="active" sortable={false} />
      </Datagrid>
    </List>
  );
}
