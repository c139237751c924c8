import { Typography } from '@mui/material';
import { BooleanField, Datagrid, DateField, ExportButton, FunctionField, List, NumberField, TextField, TopToolbar, FilterButton } from 'react-admin';
import { recommendationStatusLabels, verdictLabels } from '../common/choices';
import { EnumChip, statusColours, verdictColours } from '../common/EnumChip';
import { exportRecommendations } from './exporter';
import { recommendationFilters, RecommendationSidebar } from './RecommendationFilters';

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
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="reference" />
        <TextField source="report.title" label="Report" sortBy="report.publishedOn" />
        <FunctionField
          label="Recommendation"
          render={(record) => (
            <Typography variant="body2" sx={{ maxWidth: 420, display: '-webkit-box', WebkitLineClamp: 3, WebkitBoxOrient: 'vertical', overflow: 'hidden' }}>
              {record.text}
            </Typography>
          )}
        />
        <TextField source="owner.name" label="Owner" sortBy="owner.name" />
        <EnumChip source="status" labels={recommendationStatusLabels} colours={statusColours} label="Status" sortBy="status" />
        <EnumChip source="latestVerdict" labels={verdictLabels} colours={verdictColours} label="Verdict" sortBy="latestVerdict" />
        <DateField source="targetDate" label="Target" />
        <BooleanField source="isOverdue" label="Overdue" sortable={false} />
        <NumberField source="repeatCount" label="Made before" />
      </Datagrid>
    </List>
  );
}
