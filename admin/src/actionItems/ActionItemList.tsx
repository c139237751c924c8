import ScheduleIcon from '@mui/icons-material/Schedule';
import { Box, Chip, Stack, Typography } from '@mui/material';
import {
  AutocompleteInput, BooleanInput, Datagrid, DateField, ExportButton, FilterButton, FunctionField, List, NumberField,
  ReferenceInput, SearchInput, SelectArrayInput, TopToolbar, useCanAccess, useGetIdentity, useListContext, type RaRecord,
} from 'react-admin';
import { actionStatusChoices, actionStatusLabels } from '../common/choices';
import { actionStatusColours, EnumChip } from '../common/EnumChip';
import { Clamped, fitTable, OwnerName, RecordLink, showPath, useListWidth, searchWide } from '../common/listLayout';
import type { Identity } from '../providers/authProvider';
import { ActionItemRowActions } from './ActionItemRowActions';
import { BulkCompleteButton } from './BulkCompleteButton';
import { exportActionItems } from './exporter';
import { useActionItemPath } from './useActionItemPath';
import { recommendationName, shortNameOf } from '../common/naming';

/** The recommendation an action serves, opened from its row. */
function RecommendationLink({ record }: { record: RaRecord }) {
  return (
    <RecordLink to={showPath('recommendations', record.recommendation?.id)} text={recommendationName(record.recommendation)} lines={1}
      about={`recommendation of ${record.recommendation?.report?.title ?? 'its report'}, for action ${String(record.description)}`} />
  );
}

const filters = [
  <SearchInput key="q" source="q" alwaysOn sx={searchWide} placeholder="Search description or lead" />,
  <ReferenceInput key="ownerId" source="ownerId" reference="organisations"><AutocompleteInput label="Owner (and those under it)" optionText="name" /></ReferenceInput>,
  <SelectArrayInput key="statuses" source="statuses" label="Status" choices={actionStatusChoices} />,
  <BooleanInput key="overdue" source="overdue" label="Overdue" />,
  // The dashboard's "to do" and "evidence to submit" figures open the list with these: shown while they apply.
  <BooleanInput key="open" source="open" label="To do" />,
  <BooleanInput key="awaitingEvidence" source="awaitingEvidence" label="Evidence to submit" />,
];

const open = ['PLANNED', 'IN_PROGRESS', 'BLOCKED'];

/**
 * The "my organisation" and "overdue" views, one click each, as chips above the list (a side panel
 * would take the width the columns need). A chip is pressed while its view is the list's filter.
 */
function Views() {
  const { data: identity } = useGetIdentity();
  const { filterValues, setFilters } = useListContext();
  const organisation = (identity as Identity | undefined)?.organisation;
  const views = [
    ...(organisation ? [{ label: `My organisation (${shortNameOf(organisation)})`, value: { ownerId: organisation.id, statuses: open } }] : []),
    { label: 'Overdue', value: { overdue: true } },
    { label: 'Open', value: { statuses: open } },
    { label: 'Without evidence', value: { hasEvidence: false } },
  ];
  const chosen = (value: Record<string, unknown>) => JSON.stringify(value) === JSON.stringify(filterValues);
  return (
    <Stack direction="row" spacing={1} useFlexGap flexWrap="wrap" alignItems="center" sx={{ px: 2, py: 1 }} role="group" aria-label="Views">
      <ScheduleIcon fontSize="small" color="action" />
      {views.map((view) => (
        <Chip key={view.label} label={view.label} size="small" clickable color={chosen(view.value) ? 'primary' : 'default'}
          variant={chosen(view.value) ? 'filled' : 'outlined'} aria-pressed={chosen(view.value)}
          onClick={() => setFilters(chosen(view.value) ? {} : view.value, {})} />
      ))}
    </Stack>
  );
}


/**
 * The columns share the window's width (fixed layout). A row opens the action's page (its details
 * and discussion); its description is the link to it for the keyboard. The recommendation is named by
 * its reference and year, a link to its page, with the report's title in the tooltip (not repeated in
 * every row). Below the widest screens the recommendation goes under the description (and at 800 px
 * the owner and lead too): a column of its own, as wide as its heading, left a laptop's descriptions
 * a few words a line, cut after three.
 */
export default function ActionItemList() {
  const { canAccess: canComplete } = useCanAccess({ action: 'edit', resource: 'actionItems', record: undefined });
  const { pathOf } = useActionItemPath();
  const { narrow, laptop } = useListWidth();
  return (
    <List filters={filters} sort={{ field: 'dueDate', order: 'ASC' }} title="Action items" exporter={exportActionItems}
      actions={<TopToolbar><FilterButton /><ExportButton /></TopToolbar>}>
      <Views />
      <Datagrid rowClick={(id, _resource, record) => pathOf(id, record)} bulkActionButtons={canComplete && !narrow ? <BulkCompleteButton /> : false} size="small"
        // Only rows the person may complete take a tick: the server's answer for each action, and not already closed.
        isRowSelectable={(record: RaRecord) => record.viewerCanEdit === true && !['COMPLETED', 'CANCELLED'].includes(String(record.status))}
        sx={fitTable(narrow ? { dueDate: 104, status: 128, actions: 128 } : { recommendation: 170, owner: 160, dueDate: 110, status: 128, evidenceCount: 96, actions: 128 })}>
        <FunctionField source="description" label="Action" render={(record: RaRecord) => (
          <>
            <RecordLink to={pathOf(record.id, record)} text={record.description} lines={3} />
            {/* Below the widest screens its recommendation goes under it, and at 800 px whose action it is too, as in
                a recommendation's action plan, rather than out of sight or in columns that leave the description a word a line. */}
            {laptop && (
              <Typography variant="caption" color="text.secondary" component="p" data-testid="action-context">
                {/* In the caption's own size, on its line: at the link's it stood above the words beside it. */}
                <Box component="span" sx={{ '& a, & .MuiTypography-root': { font: 'inherit', display: 'inline' } }}><RecommendationLink record={record} /></Box>
                {narrow && [' ', shortNameOf(record.owner), record.leadPerson].filter(Boolean).join(' · ')}
              </Typography>
            )}
          </>
        )} />
        {!laptop && <FunctionField source="recommendation" label="Recommendation" sortable={false} render={(record: RaRecord) => <RecommendationLink record={record} />} />}
        {!narrow && (
          <FunctionField source="owner" label="Owner · lead" sortBy="owner.name" render={(record: RaRecord) => (
            <Box>
              <OwnerName record={record} />
              {record.leadPerson && <Clamped text={record.leadPerson} variant="caption" />}
            </Box>
          )} />
        )}
        <FunctionField source="dueDate" label="Due" sortBy="dueDate" render={(record: RaRecord) => (
          <Stack spacing={0.5} alignItems="flex-start">
            <DateField source="dueDate" emptyText="—" />
            {record.isOverdue && <Chip size="small" color="warning" label="Overdue" />}
          </Stack>
        )} />
        <EnumChip source="status" labels={actionStatusLabels} colours={actionStatusColours} label="Status" sortBy="status" />
        {!narrow && <NumberField source="evidenceCount" label="Evidence" sortable={false} />}
        <ActionItemRowActions source="actions" label="" />
      </Datagrid>
    </List>
  );
}
