import { Datagrid, ReferenceManyField, SelectField, Show, SimpleShowLayout, TextField, ReferenceField } from 'react-admin';
import { organisationKindChoices, recommendationStatusLabels } from '../common/choices';
import { EnumChip, statusColours } from '../common/EnumChip';

export default function OrganisationShow() {
  return (
    <Show>
      <SimpleShowLayout>
        <TextField source="name" />
        <TextField source="shortName" label="Short name" emptyText="—" />
        <SelectField source="kind" choices={organisationKindChoices} />
        <ReferenceField source="parentId" reference="organisations" label="Belongs to" emptyText="—" />
        <ReferenceManyField label="Bodies under it" reference="organisations" target="parentId">
          <Datagrid rowClick="show" bulkActionButtons={false} empty={<p>None</p>}>
            <TextField source="name" />
            <SelectField source="kind" choices={organisationKindChoices} />
          </Datagrid>
        </ReferenceManyField>
        <ReferenceManyField label="Recommendations it owns (and those under it)" reference="recommendations" target="ownerId" perPage={25}>
          <Datagrid rowClick="show" bulkActionButtons={false} empty={<p>None</p>}>
            <TextField source="reference" />
            <TextField source="report.title" label="Report" />
            <TextField source="owner.name" label="Owner" />
            <EnumChip source="status" labels={recommendationStatusLabels} colours={statusColours} label="Status" />
          </Datagrid>
        </ReferenceManyField>
      </SimpleShowLayout>
    </Show>
  );
}
