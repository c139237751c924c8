import { Box, Chip } from '@mui/material';
import { Datagrid, type RaRecord, FunctionField, List, Pagination, SearchInput, SelectArrayInput, SelectField, TextField } from 'react-admin';
import { RecordLink, showPath } from '../common/listLayout';
import { organisationKindChoices } from '../common/choices';

const filters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Search names" />,
  <SelectArrayInput key="kinds" source="kinds" label="Kinds" choices={organisationKindChoices} />,
];

/** Organisations in tree order, each indented under the body it belongs to. */
export default function OrganisationTree() {
  return (
    <List filters={filters} sort={{ field: 'depth', order: 'ASC' }} perPage={100} exporter={false} title="Organisations"
      pagination={<Pagination rowsPerPageOptions={[25, 50, 100]} />}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <FunctionField label="Name" sortBy="name" render={(record: RaRecord) => (
          <Box component="span" sx={{ pl: record.depth * 3, display: 'inline-block' }}>
            {record.depth > 0 ? '└ ' : ''}<RecordLink to={showPath('organisations', record.id)} text={record.name} lines={1} />
            {/* Deactivated bodies stay in the tree (their records do), marked so nobody gives them new work. */}
            {record.active === false && <Chip label="Inactive" size="small" variant="outlined" sx={{ ml: 1 }} />}
          </Box>
        )} />
        <TextField source="shortName" label="Short name" emptyText="—" sortable={false} />
        <SelectField source="kind" choices={organisationKindChoices} />
        <TextField source="parent.name" label="Belongs to" emptyText="—" sortable={false} />
      </Datagrid>
    </List>
  );
}
