import { CreateButton, Datagrid, DateField, ExportButton, FunctionField, List, SearchInput, SelectArrayInput, SelectField, TextField, TopToolbar } from 'react-admin';
import { useMediaQuery, type Theme } from '@mui/material';
import { reportKindChoices } from '../common/choices';
import { ProgressField } from './ProgressField';

const filters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Search titles and summaries" />,
  <SelectArrayInput key="kinds" source="kinds" label="Kinds" choices={reportKindChoices} />,
];

function Actions() {
  return (
    <TopToolbar>
      <CreateButton label="New report" />
      <ExportButton />
    </TopToolbar>
  );
}

export default function ReportList() {
  // At tablet width the kind and inspectorate give way, so the table fits without scrolling sideways.
  const narrow = useMediaQuery((theme: Theme) => theme.breakpoints.down('md'));
  return (
    <List filters={filters} actions={<Actions />} sort={{ field: 'publishedOn', order: 'DESC' }} title="Reports">
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="title" />
        {!narrow && <SelectField source="kind" choices={reportKindChoices} />}
        <DateField source="publishedOn" label="Published" />
        {!narrow && <TextField source="inspectorate.name" label="Inspectorate" sortable={false} />}
        <FunctionField label="Recommendations" sortable={false} render={(record) => record.progress?.recommendationCount ?? 0} />
        <ProgressField label="Progress" sortable={false} />
      </Datagrid>
    </List>
  );
}
