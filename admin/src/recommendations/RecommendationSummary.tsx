import { Box, Chip, Stack, Typography } from '@mui/material';
import { DateField, Labeled, ReferenceField, TextField, useRecordContext } from 'react-admin';
import { GAP_HEADING, gapText, recommendationStatusLabels } from '../common/choices';
import { readableDay } from '../common/dates';
import { EnumChip, LatestVerdict, statusColours } from '../common/EnumChip';
import { AddresseeResponses } from './AddresseeResponses';
import { ChangeStatusButton } from './ChangeStatusButton';
import { PriorityBadge } from './Priority';

/** What the recommendation asks, who owns it, what they report and what inspectors found. */
export function RecommendationSummary() {
  const record = useRecordContext();
  if (!record) return null;
  return (
    <Box sx={{ display: 'grid', gap: 2 }}>
      <Box>
        {/* The report's title as written: in capitals (an overline) a long one wrapped at 800 px with a line's height between its lines. */}
        <Typography variant="body2" component="p" color="text.secondary" sx={{ mb: 0.5 }}>
          <ReferenceField source="reportId" reference="reports" link="show" /> · published {readableDay(record.report?.publishedOn)}
        </Typography>
        <Typography variant="h5" component="h1">Recommendation {record.reference}</Typography>
        <Typography variant="body1" sx={{ mt: 1, maxWidth: 900 }}>{record.text}</Typography>
      </Box>
      <Stack direction="row" spacing={1} useFlexGap flexWrap="wrap" alignItems="center">
        <PriorityBadge size="medium" />
        {record.isRepeatedUnmet && <Chip color="error" label="Repeated and unmet" />}
        {record.isOverdue && <Chip color="warning" label="Overdue" />}
        {record.repeatCount > 0 && <Chip variant="outlined" label={`Made ${record.repeatCount} time${record.repeatCount > 1 ? 's' : ''} before`} />}
        {(record.themes ?? []).map((theme: { id: string; name: string }) => <Chip key={theme.id} size="small" label={theme.name} />)}
      </Stack>
      <Box sx={{ display: 'flex', gap: 4, flexWrap: 'wrap', alignItems: 'flex-start' }}>
        <Labeled label="Status (reported by owner)">
          <Stack direction="row" spacing={1} alignItems="center">
            <EnumChip source="status" labels={recommendationStatusLabels} colours={statusColours} />
            <ChangeStatusButton />
          </Stack>
        </Labeled>
        <Labeled label="Latest verdict (inspectors)"><LatestVerdict /></Labeled>
        <Labeled label={GAP_HEADING}>
          <Typography variant="body2">
            {gapText(record.reportedVsVerified, record.latestVerdict)}
          </Typography>
        </Labeled>
        <Labeled label="Owner"><TextField source="owner.name" /></Labeled>
        <Labeled label="Target date"><DateField source="targetDate" emptyText="None" /></Labeled>
        <Labeled label="First made on"><DateField source="firstMadeOn" emptyText="—" /></Labeled>
        <Labeled label="Years open"><TextField source="yearsOpen" emptyText="—" /></Labeled>
        <Labeled label="Days since last update"><TextField source="daysSinceUpdate" /></Labeled>
      </Box>
      {record.isPriority && record.priorityReason && (
        <Typography variant="body2" sx={{ maxWidth: 900 }}><strong>Why it is a priority:</strong> {record.priorityReason}</Typography>
      )}
      <AddresseeResponses />
    </Box>
  );
}
