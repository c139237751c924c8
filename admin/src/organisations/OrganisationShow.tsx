import { BooleanField, Datagrid, EditButton, FunctionField, ReferenceManyField, SelectField, Show, SimpleShowLayout, TextField, TopToolbar, ReferenceField } from 'react-admin';
import { ActiveToggleButton } from '../common/ActiveToggleButton';
import { organisationKindChoices, recommendationStatusLabels } from '../common/choices';
import { EnumChip, statusColours } from '../common/EnumChip';
import { HistorySection } from '../common/HistorySection';
import { AfreshForEachRecord } from '../common/AfreshForEachRecord';

/**
 * An organisation is deactivated, never removed: reports, plans and history name it. Inactive, it
 * is no longer offered as an owner and the server refuses it new work.
 */
function Actions() {
  return (
    <TopToolbar>
      <EditButton />
      <ActiveToggleButton
        what="Organisation"
        deactivating="It will no longer be offered as an owner, and no new actions or recommendations can be given to it. Its recommendations, actions, users, evidence and history all stay as they are, and it can be reactivated."
        reactivating="It can be given new work again."
      />
    </TopToolbar>
  );
}

export default function OrganisationShow() {
  return (
    <Show actions={<Actions />}>
      <AfreshForEachRecord>
        <SimpleShowLayout>
          <TextField source="name" />
          <BooleanField source="active" label="Takes new work" />
          <TextField source="shortName" label="Short name" emptyText="—" />
          <FunctionField label="Former names" render={(record: { formerNames?: string[] }) => (record.formerNames?.length ? record.formerNames.join('; ') : '—')} />
          <SelectField source="kind" choices={organisationKindChoices} />
          <FunctionField label="Responses due" render={(record: { kind?: string; responseDays?: number }) =>
            record.kind === 'INSPECTORATE' ? `${record.responseDays} days after a report is published` : '—'} />
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
          {/* Its own changes (renamed, moved in the tree, deactivated), for everyone who reads the records. */}
          <HistorySection target="organisationId" />
        </SimpleShowLayout>
      </AfreshForEachRecord>
    </Show>
  );
}
