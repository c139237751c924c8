import { Alert, Box, Card, CardContent, FormControlLabel, Link, Radio, RadioGroup, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Title, useDataProvider, useNotify } from 'react-admin';
import { digestFrequencyLabels } from '../common/choices';
import { readableDay } from '../common/dates';
import { Clamped } from '../common/listLayout';
import { recommendationInReport, shortNameOf } from '../common/naming';
import type { TrackerDataProvider } from '../providers/dataProvider';
import { myWorkQuery, setDigestFrequencyMutation, type DigestFrequency, type WorkItem } from './queries';

/** Sections in the order the digest lists them, with the heading each has there. */
/** `when` heads the date column: what the section's date is. */
const SECTIONS: { section: WorkItem['section']; heading: string; empty: string; when: string }[] = [
  { section: 'OVERDUE', heading: 'Overdue', empty: 'Nothing of your organisation’s is overdue.', when: 'Target or due' },
  { section: 'DUE_SOON', heading: 'Due in the next 14 days', empty: 'Nothing is due in the next 14 days.', when: 'Target or due' },
  { section: 'ESCALATED', heading: 'Escalated from organisations under yours', empty: 'No action under your organisation is long overdue.', when: 'Due' },
  { section: 'TO_ASSESS', heading: 'Reported implemented, waiting for your assessment', empty: 'No recommendation reported implemented is waiting.', when: 'Reported implemented' },
  { section: 'TO_VERIFY', heading: 'Evidence waiting for your verification', empty: 'No evidence is waiting.', when: 'Submitted' },
  { section: 'MENTIONED', heading: 'Comments that mention you', empty: 'No new comments mention you.', when: 'Written' },
];
/** The sections of an inspector's work; a leader's are the others. */
const FOR_INSPECTORS: WorkItem['section'][] = ['TO_ASSESS', 'TO_VERIFY'];
const RECORD_WORDS: Record<WorkItem['record'], string> = { RECOMMENDATION: 'Recommendation', ACTION_ITEM: 'Action', EVIDENCE: 'Evidence', COMMENT: 'Comment' };
const FREQUENCY_HELP: Record<DigestFrequency, string> = {
  DAILY: 'every morning there is something to see to',
  WEEKLY: 'on Monday mornings',
  NONE: 'never: this page only',
};

/**
 * Where an item opens: an action in its page, where it is completed or given evidence (its form
 * offered neither), anything else in its recommendation.
 */
const linkOf = (item: WorkItem) =>
  item.record === 'ACTION_ITEM' ? `#/actionItems/${encodeURIComponent(item.recordId)}/show` : `#/recommendations/${encodeURIComponent(item.recommendationId)}/show`;

function WorkTable({ heading, when, items }: { heading: string; when: string; items: WorkItem[] }) {
  return (
    <Box component="section" aria-label={heading}>
      <Typography variant="h6" component="h2" gutterBottom>{heading} ({items.length})</Typography>
      <Box sx={{ overflowX: 'auto' }}>
        <Table size="small" aria-label={heading}>
          <TableHead>
            <TableRow>
              <TableCell>What</TableCell><TableCell>Recommendation</TableCell><TableCell>Owner</TableCell><TableCell>{when}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {items.map((item) => (
              <TableRow key={`${item.record}-${item.recordId}`}>
                <TableCell sx={{ minWidth: 240 }}>
                  <Typography variant="caption" color="text.secondary" component="div">{RECORD_WORDS[item.record]}</Typography>
                  <Link href={linkOf(item)}>{item.title}</Link>
                </TableCell>
                {/* Its reference and report's year first, then the title, cut to two lines (whole in the tooltip): at the end of the title the reference stood on its third line. */}
                <TableCell><Clamped text={recommendationInReport({ reference: item.reference, report: { title: item.reportTitle, publishedOn: item.reportPublishedOn } })} /></TableCell>
                {/* The short name, as the lists' owner column (the whole in the tooltip): a whole name took three lines at 800 px; wide enough for "Cardiff and Vale PDU" on two. */}
                <TableCell sx={{ minWidth: '9em' }}><Clamped text={item.organisation}>{shortNameOf({ name: item.organisation, shortName: item.organisationShortName })}</Clamped></TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  {readableDay(item.date) || '—'}
                  {item.daysOverdue ? <Typography variant="caption" color="error" component="div">{item.daysOverdue} days overdue</Typography> : null}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Box>
    </Box>
  );
}

/** The person's choice of reminder emails, saved as soon as it is changed. */
function ReminderChoice({ frequency }: { frequency: DigestFrequency }) {
  const dataProvider = useDataProvider<TrackerDataProvider>();
  const queryClient = useQueryClient();
  const notify = useNotify();
  // Shown chosen at once; put back if the server refuses.
  const [value, setValue] = useState(frequency);
  const { mutate, isPending } = useMutation({
    mutationFn: (chosen: DigestFrequency) => dataProvider.query(setDigestFrequencyMutation, { frequency: chosen }),
    onSuccess: (_data, chosen) => {
      notify(`Email reminders: ${digestFrequencyLabels[chosen]!.toLowerCase()}`, { type: 'success' });
      void queryClient.invalidateQueries({ queryKey: ['myWork'] });
    },
    onError: (error) => {
      setValue(frequency);
      notify((error as Error).message, { type: 'error' });
    },
  });
  return (
    <Box component="section" aria-labelledby="reminder-choice">
      <Typography variant="h6" component="h2" id="reminder-choice">Email reminders</Typography>
      <Typography variant="body2" gutterBottom>The items on this page are emailed to you as a digest, when there are any. Send them:</Typography>
      <RadioGroup row aria-labelledby="reminder-choice" value={value} onChange={(event) => {
        setValue(event.target.value as DigestFrequency);
        mutate(event.target.value as DigestFrequency);
      }}>
        {(['DAILY', 'WEEKLY', 'NONE'] as const).map((value) => (
          <FormControlLabel key={value} value={value} disabled={isPending} control={<Radio />} label={`${digestFrequencyLabels[value]} (${FREQUENCY_HELP[value]})`} />
        ))}
      </RadioGroup>
    </Box>
  );
}

/** What the signed-in person has to see to: the same items as their reminder digest, each linked to its record. */
export default function MyWork() {
  const dataProvider = useDataProvider<TrackerDataProvider>();
  const { data, error, isPending } = useQuery({
    queryKey: ['myWork'],
    queryFn: () => dataProvider.query<{ myWork: WorkItem[]; me: { role: string; digestFrequency: DigestFrequency | null } | null }>(myWorkQuery),
  });
  const role = data?.me?.role;
  const sections = SECTIONS.filter(({ section }) => section === 'MENTIONED' || (role === 'INSPECTOR' ? FOR_INSPECTORS.includes(section) : role === 'LEADER' ? !FOR_INSPECTORS.includes(section) : false));
  return (
    <Card sx={{ mt: 2 }}>
      <Title title="My work" />
      <CardContent sx={{ display: 'grid', gap: 3 }}>
        <Typography variant="h5" component="h1">My work</Typography>
        {error && <Alert severity="error">{(error as Error).message}</Alert>}
        {data?.me?.digestFrequency && <ReminderChoice frequency={data.me.digestFrequency} />}
        {!isPending && !error && role !== 'LEADER' && role !== 'INSPECTOR' && (
          <Typography variant="body2">Work is listed here for leaders (their organisation’s overdue and coming items) and inspectors (recommendations to assess and evidence to verify); comments that mention you appear for everyone.</Typography>
        )}
        {sections.map(({ section, heading, empty, when }) => {
          const items = (data?.myWork ?? []).filter((item) => item.section === section);
          return items.length ? <WorkTable key={section} heading={heading} when={when} items={items} /> : (
            <Box key={section} component="section" aria-label={heading}>
              <Typography variant="h6" component="h2">{heading} (0)</Typography>
              <Typography variant="body2" color="text.secondary">{empty}</Typography>
            </Box>
          );
        })}
      </CardContent>
    </Card>
  );
}
