import { Typography } from '@mui/material';
import { BooleanField, Datagrid, DateField, ExportButton, FunctionField, List, NumberField, TextField, TopToolbar, FilterButton } from 'react-admin';
import { recommendationStatusLabels, verdictLabels } from '../common/choices';
import { EnumChip, statusColours, verdictColours } from '../common/EnumChip';
import { exportRecommendations } from './exporter';
import { recommendationFilters, RecommendationSidebar } from './RecommendationFilters';

const clamp = (lines: number, maxWidth: number) => ({ maxWidth, display: '-webkit-box', WebkitLineClamp: lines, WebkitBoxOrient: 'vertical', overflow: 'hidden' }) as const;

function Actions() {
  return (
    <TopToolbar>
      <FilterButton />
      <ExportButton maxResults={5000} />
    </TopToolbar>
  );
}

export default function RecommendationList() {
  return (
    <List
      filters={recommendationFilters}
      aside={<RecommendationSidebar />}
      actions={<Actions />}
      exporter={exportRecommendations}
      sort={{ field: 'report.publishedOn', order: 'DESC' }}
      title="Recommendations"
    >
      <Datagrid rowClick="show" bulkActionButtons={false} size="small">
        <TextField source="reference" />
        <FunctionField label="Report" sortBy="report.publishedOn" render={(record) => (
          <Typography variant="body2" sx={clamp(2, 200)} title={record.report?.title}>{record.report?.publishedOn?.slice(0, 4)} · {record.report?.title}</Typography>
        )} />
        <FunctionField
          label="Recommendation"
          render={(record) => (
            <Typography variant="body2" sx={clamp(3, 380)}>{record.text}</Typography>
          )}
        />
        <FunctionField label="Owner" sortBy="owner.name" render={(record) => <span title={record.owner?.name}>{record.owner?.shortName ?? record.owner?.name}</span>} />
        <EnumChip source="status" labels={recommendationStatusLabels} colours={statusColours} label="Status" sortBy="status" />
        <EnumChip source="latestVerdict" labels={verdictLabels} colours={verdictColours} label="Verdict" sortBy="latestVerdict" />
        <DateField source="targetDate" label="Target" />
        <BooleanField source="isOverdue" label="Overdue" sortable={false} />
        <NumberField source="repeatCount" label="Made before" />
      </Datagrid>
    </List>
  );
}
