import { Datagrid, List, SearchInput, TextField } from 'react-admin';

export default function ThemeList() {
  return (
    <List filters={[<SearchInput key="q" source="q" alwaysOn />]} perPage={50} exporter={false} title="Themes">
      <Datagrid rowClick={false} bulkActionButtons={false}>
        <TextField source="name" sortable={false} />
        <TextField source="description" emptyText="—" sortable={false} />
      </Datagrid>
    </List>
  );
}
