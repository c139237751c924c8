import { Box, Chip, Stack, Typography } from '@mui/material';
import {
  ArrayField, Datagrid, DateField, EditButton, FunctionField, Labeled, ReferenceManyField, ResourceContextProvider, RichTextField, SelectField, Show,
  SimpleShowLayout, SingleFieldList, TextField, TopToolbar, UrlField, ChipField, Pagination,
  type RaRecord,
} from 'react-admin';
import { reportKindChoices, verdictText } from '../common/choices';
import { LatestVerdict, RecommendationStatus } from '../common/EnumChip';
import { PriorityBadge } from '../recommendations/Priority';
import { FollowUpPackButton } from './FollowUpPackButton';
import { ProgressField } from './ProgressField';
import { PublicPageButton } from './PublicPageButton';
import { RecommendationIntakeButtons } from './LoadRecommendations';
import { Clamped, fitTable, OwnerName, RecordLink, showPath, titleChips, useListWidth } from '../common/listLayout';
import { readableDay } from '../common/dates';
import { AfreshForEachRecord } from '../common/AfreshForEachRecord';

function Actions() {
  return (
    <TopToolbar>
      <RecommendationIntakeButtons />
      <FollowUpPackButton />
      <PublicPageButton />
      <EditButton />
    </TopToolbar>
  );
}

export default function ReportShow() {
  const { narrow } = useListWidth();
  return (
    <Show actions={<Actions />}>
      <AfreshForEachRecord>
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
          {/* Each earlier report it follows up opens from its chip. */}
          <ArrayField source="followsUp" label="Follows up">
            <ResourceContextProvider value="reports">
              <SingleFieldList linkType="show" sx={titleChips} empty={<Typography variant="body2">No earlier reports</Typography>}>
                <ChipField source="title" size="small" clickable />
              </SingleFieldList>
            </ResourceContextProvider>
          </ArrayField>
          <ReferenceManyField label="Recommendations" reference="recommendations" target="reportId" sort={{ field: 'reference', order: 'ASC' }} perPage={50} pagination={<Pagination />}>
            <Datagrid rowClick="show" bulkActionButtons={false}
              sx={fitTable({ reference: 136, status: 136, ...(narrow ? {} : { owner: 110, latestVerdict: 136, targetDate: 110 }) })}>
              <FunctionField source="reference" label="Reference" render={(record) => <><RecordLink to={showPath('recommendations', record.id)} text={record.reference} lines={1} about="recommendation" /><PriorityBadge record={record} compact /></>} />
              <FunctionField source="text" label="Recommendation" render={(record) => (
                <>
                  <Clamped text={record.text} lines={4} />
                  {/* At 800 px the owner, verdict and target go under the text, so nothing scrolls sideways. */}
                  {narrow && (
                    <Typography variant="caption" color="text.secondary" component="p">
                      {[record.owner?.name, verdictText(record.latestVerdict), record.targetDate ? `${record.isOverdue ? 'overdue since' : 'target'} ${readableDay(record.targetDate)}` : null].filter(Boolean).join(' · ')}
                    </Typography>
                  )}
                </>
              )} />
              {/* Short names, as the recommendations list has them: the recommendation's own words get the width. */}
              {!narrow && <FunctionField source="owner" label="Owner" sortBy="owner.name" render={(record: RaRecord) => <OwnerName record={record} />} />}
              <FunctionField source="status" label="Status" render={() => <RecommendationStatus />} />
              {/* As the recommendations list shows them: no verdict says so, and a target passed is overdue. */}
              {!narrow && <FunctionField source="latestVerdict" label="Verdict" render={() => <LatestVerdict />} />}
              {!narrow && <FunctionField source="targetDate" label="Target" render={(record) => (
                <Stack spacing={0.5} alignItems="flex-start">
                  <DateField source="targetDate" emptyText="—" />
                  {record.isOverdue && <Chip size="small" color="warning" label="Overdue" />}
                </Stack>
              )} />}
            </Datagrid>
          </ReferenceManyField>
        </SimpleShowLayout>
      </AfreshForEachRecord>
    </Show>
  );
}
