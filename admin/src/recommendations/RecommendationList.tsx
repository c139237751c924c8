import { Box, Chip, Stack, Typography } from '@mui/material';
import { Datagrid, DateField, ExportButton, FilterButton, FunctionField, List, SimpleList, SortButton, TopToolbar, type RaRecord } from 'react-admin';
import { label, recommendationStatusLabels, verdictText } from '../common/choices';
import { readableDay } from '../common/dates';
import { LatestVerdict, RecommendationStatus } from '../common/EnumChip';
import { Clamped, fitTable, OwnerName, RecordLink, showPath, useListWidth } from '../common/listLayout';
import { exportRecommendations } from './exporter';
import { PriorityBadge } from './Priority';
import { recommendationFilters, RecommendationSidebar } from './RecommendationFilters';
import { recommendationName, reportName, shortNameOf } from '../common/naming';

/** What the cards can be sorted by: the table's sortable columns, whose headings sort it at wider widths. */
const CARD_SORTS = ['report.publishedOn', 'reference', 'owner.name', 'status', 'targetDate'];

function Actions() {
  const { narrow } = useListWidth();
  return (
    <TopToolbar>
      {narrow && <SortButton fields={CARD_SORTS} label="tracker.sort.by" />}
      <FilterButton />
      <ExportButton maxResults={5000} />
    </TopToolbar>
  );
}


/** On a phone or a tablet, one card a recommendation (each a link). */
function Cards() {
  return (
    <SimpleList
      linkType="show"
      // What the table's columns say, in words: whose report (two R1s are told apart by it), the owner, the
      // status and verdict (or that there is none), and how often it was made before.
      primaryText={(record) => <Clamped text={`${recommendationName(record)} · ${record.text}`} lines={3} />}
      secondaryText={(record) => [
        record.isPriority ? 'Priority' : null,
        shortNameOf(record.owner),
        label(recommendationStatusLabels, record.status),
        record.withdrawnAt ? 'withdrawn' : null,
        `verdict: ${verdictText(record.latestVerdict)}`,
        record.repeatCount > 0 ? `made ${record.repeatCount}× before` : null,
      ].filter(Boolean).join(' · ')}
      tertiaryText={(record) => (record.isOverdue ? `overdue since ${readableDay(record.targetDate)}` : readableDay(record.targetDate))}
    />
  );
}

/**
 * The columns share the width of the window (fixed layout): text clamps with the whole in a tooltip,
 * the status and the verdict share a column, the overdue flag sits under the target date.
 */
function Table() {
  return (
    <Datagrid rowClick="show" bulkActionButtons={false} size="small"
      sx={fitTable({ reference: 96, report: '18%', owner: 110, status: 172, targetDate: 104 })}>
      <FunctionField source="reference" label="Ref." render={(record: RaRecord) => (
        <Box>
          <RecordLink to={showPath('recommendations', record.id)} text={record.reference} about={`recommendation of ${record.report?.title ?? 'its report'}`} />
          {record.repeatCount > 0 && <Typography variant="caption" color="error" sx={{ display: 'block' }} title="Times made in earlier reports">made {record.repeatCount}× before</Typography>}
          <PriorityBadge record={record} compact />
        </Box>
      )} />
      <FunctionField source="report" label="Report" sortBy="report.publishedOn" render={(record: RaRecord) => <Clamped text={reportName(record.report)} />} />
      <FunctionField source="text" label="Recommendation" sortable={false} render={(record: RaRecord) => <Clamped text={record.text} lines={3} />} />
      <FunctionField source="owner" label="Owner" sortBy="owner.name" render={(record: RaRecord) => <OwnerName record={record} />} />
      <FunctionField source="status" label="Status · verdict" sortBy="status" render={() => (
        <Stack spacing={0.5} alignItems="flex-start">
          <RecommendationStatus />
          <LatestVerdict />
        </Stack>
      )} />
      <FunctionField source="targetDate" label="Target" sortBy="targetDate" render={(record: RaRecord) => (
        <Stack spacing={0.5} alignItems="flex-start">
          <DateField source="targetDate" emptyText="—" />
          {record.isOverdue && <Chip size="small" color="warning" label="Overdue" />}
        </Stack>
      )} />
    </Datagrid>
  );
}

export default function RecommendationList() {
  const { narrow } = useListWidth();
  return (
    <List
      filters={recommendationFilters}
      aside={<RecommendationSidebar />}
      actions={<Actions />}
      exporter={exportRecommendations}
      sort={{ field: 'report.publishedOn', order: 'DESC' }}
      title="Recommendations"
    >
      {narrow ? <Cards /> : <Table />}
    </List>
  );
}
