import { Chip, type ChipProps } from '@mui/material';
import { useRecordContext } from 'react-admin';
import { label } from './choices';

type Props = {
  source: string;
  labels: Record<string, string>;
  colours?: Record<string, ChipProps['color']>;
  label?: string;
  sortable?: boolean;
  sortBy?: string;
};

/** An enum value as a labelled chip, coloured by meaning. */
export function EnumChip({ source, labels, colours = {} }: Props) {
  const record = useRecordContext();
  const value = record?.[source];
  if (typeof value !== 'string') return null;
  // Never wider than its column: a narrow column shows the start of the label, the whole in the tooltip.
  return <Chip size="small" label={label(labels, value)} title={label(labels, value)} color={colours[value] ?? 'default'} variant="outlined" sx={{ maxWidth: '100%' }} />;
}

export const statusColours: Record<string, ChipProps['color']> = { IMPLEMENTED: 'success', IN_PROGRESS: 'info', NOT_STARTED: 'warning', NOT_PLANNED: 'default' };
export const verdictColours: Record<string, ChipProps['color']> = { ACHIEVED: 'success', PARTLY_ACHIEVED: 'warning', NOT_ACHIEVED: 'error' };
export const verificationColours: Record<string, ChipProps['color']> = { ACCEPTED: 'success', INSUFFICIENT: 'error', UNVERIFIED: 'warning' };
export const actionStatusColours: Record<string, ChipProps['color']> = { COMPLETED: 'success', IN_PROGRESS: 'info', BLOCKED: 'error', PLANNED: 'default' };
