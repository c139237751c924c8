import { CreateButton, Datagrid, DateField, ExportButton, FunctionField, List, SearchInput, SelectArrayInput, SelectField, TextField, TopToolbar, type RaRecord } from 'react-admin';
import { RecordLink, showPath, searchWide } from '../common/listLayout';
import { exportReports } from './exporter';
import { useMediaQuery, type Theme } from '@mui/material';
import { reportKindChoices, responseTimelinessChoices } from '../common/choices';
import { ProgressField } from './ProgressField';

const filters = [
  <SearchInput key="q" source="q" alwaysOn sx={searchWide} placeholder="Search titles and summaries" />,
  <SelectArrayInput key="kinds" source="kinds" label="Kinds" choices={reportKindChoices} />,
  <SelectArrayInput key="responseTimeliness" source="responseTimeliness" label="Responses" choices={responseTimelinessChoices} />,
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
    <List filters={filters} actions={<Actions />} sort={{ field: 'publishedOn', order: 'DESC' }} title="Reports" exporter={exportReports}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <FunctionField source="title" label="Title" render={(record: RaRecord) => <RecordLink to={showPath('reports', record.id)} text={record.title} lines={3} />} />
        {!narrow && <SelectField source="kind" choices={reportKindChoices} />}
        <DateField source="publishedOn" label="Published" />
        {!narrow && <DateField source="responsesDueOn" label="Responses due" sortable={false} emptyText="—" />}
        {!narrow && <TextField source="inspectorate.name" label="Inspectorate" sortable={false} />}
        <FunctionField label="Recommendations" sortable={false} render={(record: RaRecord) => record.progress?.recommendationCount ?? 0} />
        <ProgressField label="Progress" sortable={false} />
      </Datagrid>
    </List>
  );
}
