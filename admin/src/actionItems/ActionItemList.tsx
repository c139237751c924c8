import ScheduleIcon from '@mui/icons-material/Schedule';
import { Card, CardContent } from '@mui/material';
import {
  AutocompleteInput, BooleanInput, Datagrid, DateField, ExportButton, FilterButton, FilterList, FilterListItem, List, NumberField, ReferenceField,
  ReferenceInput, SearchInput, SelectArrayInput, TextField, TopToolbar, useCanAccess, useGetIdentity,
} from 'react-admin';
import { actionStatusChoices, actionStatusLabels } from '../common/choices';
import { actionStatusColours, EnumChip } from '../common/EnumChip';
import type { Identity } from '../providers/authProvider';
import { ActionItemRowActions } from './ActionItemRowActions';
import { BulkCompleteButton } from './BulkCompleteButton';

const filters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Search description or lead" />,
  <ReferenceInput key="ownerId" source="ownerId" reference="organisations"><AutocompleteInput label="Owner (and those under it)" optionText="name" /></ReferenceInput>,
  <SelectArrayInput key="statuses" source="statuses" label="Status" choices={actionStatusChoices} />,
  <BooleanInput key="overdue" source="overdue" label="Overdue" />,
];

const open = ['PLANNED', 'IN_PROGRESS', 'BLOCKED'];

/** The "my organisation" and "overdue" views, one click each. */
function Views() {
  const { data: identity } = useGetIdentity();
  const organisation = (identity as Identity | undefined)?.organisation;
  return (
    <Card sx={{ order: -1, mr: 2, mt: 8, width: 220, flexShrink: 0, display: { xs: 'none', md: 'block' } }}>
      <CardContent>
        <FilterList label="Views" icon={<ScheduleIcon />}>
          {organisation && <FilterListItem label={`My organisation (${organisation.shortName ?? organisation.name})`} value={{ ownerId: organisation.id, statuses: open }} />}
          <FilterListItem label="Overdue" value={{ overdue: true }} />
          <FilterListItem label="Open" value={{ statuses: open }} />
          <FilterListItem label="Without evidence" value={{ hasEvidence: false }} />
        </FilterList>
      </CardContent>
    </Card>
  );
}

export default function ActionItemList() {
  const { canAccess: canComplete } = useCanAccess({ action: 'edit', resource: 'actionItems', record: undefined });
  return (
    <List filters={filters} aside={<Views />} sort={{ field: 'dueDate', order: 'ASC' }} title="Action items"
      actions={<TopToolbar><FilterButton /><ExportButton /></TopToolbar>}>
      <Datagrid rowClick={false} bulkActionButtons={canComplete ? <BulkCompleteButton /> : false}>
        <TextField source="description" />
        <ReferenceField source="recommendation.id" reference="recommendations" label="Recommendation" link="show" sortable={false} />
        <TextField source="owner.name" label="Owner" sortBy="owner.name" />
        <TextField source="leadPerson" label="Lead" emptyText="—" sortable={false} />
        <DateField source="dueDate" label="Due" />
        <EnumChip source="status" labels={actionStatusLabels} colours={actionStatusColours} label="Status" sortBy="status" />
        <NumberField source="evidenceCount" label="Evidence" sortable={false} />
        <ActionItemRowActions label="" />
      </Datagrid>
    </List>
  );
}
