import { Box, Typography } from '@mui/material';
import {
  ArrayField, Datagrid, DateField, EditButton, FunctionField, Labeled, ReferenceManyField, RichTextField, SelectField, Show,
  SimpleShowLayout, SingleFieldList, TextField, TopToolbar, UrlField, ChipField, Pagination,
} from 'react-admin';
import { recommendationStatusLabels, reportKindChoices, verdictLabels } from '../common/choices';
import { EnumChip, statusColours, verdictColours } from '../common/EnumChip';
import { FollowUpPackButton } from './FollowUpPackButton';
import { PriorityBadge } from '../recommendations/Priority';
import { ProgressField } from './ProgressField';
import { PublicPageButton } from './PublicPageButton';
import { RecommendationIntakeButtons } from './LoadRecommendations';

function Actions() {
  return (
    <TopToolbar>
      <RecommendationIntakeButtons />
      <PublicPageButton />
      <FollowUpPackButton />
      <EditButton />
    </TopToolbar>
  );
}

export default function ReportShow() {
  return (
    <Show actions={<Actions />}>
      <SimpleShowLayout>
        <TextField source="title" variant="h6" />
        <Box sx={{ display: 'flex', gap: 4, flexWrap: 'wrap' }}>
          <Labeled><SelectField source="kind" choices={reportKindChoices} /></Labeled>
          <Labeled label="Published"><DateField source="publishedOn" /></Labeled>
          <Labeled label="Responses due"><DateField source="responsesDueOn" emptyText="No due date" /></Labeled>
          <Labeled label="Inspectorate"><TextField source="inspectorate.name" /></Labeled>
          <Labeled label="Link"><UrlField source="url" target="_blank" rel="noreferrer" emptyText="—" /></Labeled>
        </Box>
        <RichTextField source="summary" stripTags />
        <Labeled label="Progress"><ProgressField /></Labeled>
        <ArrayField source="followsUp" label="Follows up">
          <SingleFieldList linkType={false} empty={<Typography variant="body2">No earlier reports</Typography>}>
            <ChipField source="title" size="small" />
          </SingleFieldList>
        </ArrayField>
        <ReferenceManyField label="Recommendations" reference="recommendations" target="reportId" sort={{ field: 'reference', order: 'ASC' }} perPage={50} pagination={<Pagination />}>
          <Datagrid rowClick="show" bulkActionButtons={false}>
            <FunctionField source="reference" label="Reference" render={(record) => <>{record.reference}<PriorityBadge record={record} compact /></>} />
            <FunctionField label="Recommendation" render={(record) => <Typography variant="body2" sx={{ maxWidth: 520 }}>{record.text}</Typography>} />
            <TextField source="owner.name" label="Owner" />
            <EnumChip source="status" labels={recommendationStatusLabels} colours={statusColours} label="Status" />
            <EnumChip source="latestVerdict" labels={verdictLabels} colours={verdictColours} label="Verdict" />
            <DateField source="targetDate" label="Target" />
          </Datagrid>
        </ReferenceManyField>
      </SimpleShowLayout>
    </Show>
  );
}
