import { Chip, Stack, Typography, type ChipProps } from '@mui/material';
import { useRecordContext } from 'react-admin';
import { label, NO_VERDICT, recommendationStatusLabels, verdictLabels } from './choices';
import { wrappingChip } from './listLayout';

type Props = {
  source: string;
  labels: Record<string, string>;
  colours?: Record<string, ChipProps['color']>;
  label?: string;
  sortable?: boolean;
  sortBy?: string;
};

const wholeLabel = { ...wrappingChip, alignSelf: 'flex-start', minHeight: 24 } as const;

/** An enum value as a labelled chip, coloured by meaning: the one look of a status or a verdict wherever it is shown. */
export function ValueChip({ value, labels, colours = {} }: { value: string; labels: Record<string, string>; colours?: Props['colours'] }) {
  // Never wider than its column, and read whole: a label longer than the column wraps at a word
  // ("Implemented (reported)" on two lines in the list at 1280 px) instead of being cut with an ellipsis;
  // as wide as its label, not stretched to the width of the field's caption above it.
  return <Chip size="small" label={label(labels, value)} color={colours[value] ?? 'default'} variant="outlined" sx={wholeLabel} />;
}

/** The record's enum value (at `source`) as a ValueChip. */
export function EnumChip({ source, labels, colours = {} }: Props) {
  const record = useRecordContext();
  const value = record?.[source];
  if (typeof value !== 'string') return null;
  return <ValueChip value={value} labels={labels} colours={colours} />;
}

export const statusColours: Record<string, ChipProps['color']> = { IMPLEMENTED: 'success', IN_PROGRESS: 'info', NOT_STARTED: 'warning', NOT_PLANNED: 'default' };
/** Inspectors' verdicts by colour, the one mapping every verdict chip takes (lists, pages, lineage). */
export const verdictColours: Record<string, ChipProps['color']> = { ACHIEVED: 'success', PARTLY_ACHIEVED: 'warning', NOT_ACHIEVED: 'error', NO_LONGER_APPLICABLE: 'default' };
export const verificationColours: Record<string, ChipProps['color']> = { ACCEPTED: 'success', INSUFFICIENT: 'error', UNVERIFIED: 'warning' };
export const actionStatusColours: Record<string, ChipProps['color']> = { COMPLETED: 'success', IN_PROGRESS: 'info', BLOCKED: 'error', PLANNED: 'default' };

/** The record's latest verdict as a chip; none yet says so in the words every screen and the pack use. */
export function LatestVerdict() {
  const record = useRecordContext();
  if (!record) return null;
  return record.latestVerdict
    ? <EnumChip source="latestVerdict" labels={verdictLabels} colours={verdictColours} />
    : <Typography variant="body2" color="text.secondary">{NO_VERDICT}</Typography>;
}

/**
 * A recommendation's status, and under it "Withdrawn" when it is: the status stays as it was when it was
 * withdrawn, and lists and the report's page showed a withdrawn one like any other open one.
 */
export function RecommendationStatus() {
  const record = useRecordContext();
  if (!record) return null;
  return (
    <Stack spacing={0.5} alignItems="flex-start">
      <EnumChip source="status" labels={recommendationStatusLabels} colours={statusColours} />
      {record.withdrawnAt && <Chip size="small" label="Withdrawn" sx={wholeLabel} />}
    </Stack>
  );
}
