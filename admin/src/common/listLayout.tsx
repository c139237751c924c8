import { Link as MuiLink, Typography, useMediaQuery, type SxProps, type Theme } from '@mui/material';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import type { RaRecord } from 'react-admin';
import { shortNameOf } from './naming';

/** Text cut to a number of lines, the whole of it in a tooltip; a caption (a row's second line) is in the secondary colour. */
export function Clamped({ text, lines = 2, variant = 'body2', children }: { text: string | null | undefined; lines?: number; variant?: 'body2' | 'caption'; children?: ReactNode }) {
  return (
    <Typography variant={variant} color={variant === 'caption' ? 'text.secondary' : undefined} component="span" title={text ?? undefined}
      sx={{ display: '-webkit-box', WebkitLineClamp: lines, WebkitBoxOrient: 'vertical', overflow: 'hidden', overflowWrap: 'anywhere' }}>
      {children ?? text}
    </Typography>
  );
}

/** A record's owning organisation in a table's narrow column: its short name, the whole name in a tooltip. */
export function OwnerName({ record }: { record: RaRecord }) {
  return <Clamped text={record.owner?.name}>{shortNameOf(record.owner)}</Clamped>;
}

/**
 * A record's name as a link to its page: a list row is reached with Tab and opened with Enter through
 * it (the row stays clickable for the mouse). Long names are clamped, the whole in a tooltip. What it
 * is (`about`) follows the words shown in its accessible name, never before them: voice control users
 * say what they see.
 */
export function RecordLink({ to, text, lines = 2, about }: { to: string; text: string; lines?: number; about?: string }) {
  return (
    <MuiLink component={Link} to={to} underline="hover" aria-label={about ? `${text}, ${about}` : undefined} onClick={(event) => event.stopPropagation()}
      sx={{ fontWeight: 500, display: 'inline-block', maxWidth: '100%' }}>
      <Clamped text={text} lines={lines} />
    </MuiLink>
  );
}

export const showPath = (resource: string, id: unknown) => `/${resource}/${encodeURIComponent(String(id))}/show`;

/**
 * A Datagrid that fits its box: fixed layout, so the columns share the width given (never more) and
 * long text wraps or clamps inside its cell; `widths` sets columns by their class (column-<source>).
 */
export function fitTable(widths: Record<string, string | number>): SxProps<Theme> {
  return {
    '& .RaDatagrid-table': { tableLayout: 'fixed', width: '100%' },
    '& td': { overflowWrap: 'anywhere', verticalAlign: 'top' },
    '& th': { whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis', verticalAlign: 'bottom' },
    // The tick boxes' column keeps their width: a fixed layout gave it 24 px, and the next header cell covered the select-all box but a corner.
    // (Named with its element, to outrank the small table cell's own 24 px, which is written after this.)
    '& th.MuiTableCell-paddingCheckbox, & td.MuiTableCell-paddingCheckbox': { width: 48 },
    ...Object.fromEntries(Object.entries(widths).map(([column, width]) => [`& .column-${column}`, { width }])),
  };
}

/**
 * A chip read whole: never wider than its column, its label wrapping at a word onto more lines instead
 * of being cut with an ellipsis or pushing the page sideways (a long status, a report's title).
 */
export const wrappingChip = {
  maxWidth: '100%',
  height: 'auto',
  '& .MuiChip-label': { whiteSpace: 'normal', overflowWrap: 'break-word', py: '2px', lineHeight: 1.35 },
} as const;

/** Chips that name a record by its title (a report a report follows up), each a wrapping chip. */
export const titleChips: SxProps<Theme> = { '& .MuiChip-root': wrappingChip };

/** The width classes the lists change their columns at: phone/tablet below md (SimpleList), laptop below xl. */
export function useListWidth() {
  const narrow = useMediaQuery((theme: Theme) => theme.breakpoints.down('md'));
  const laptop = useMediaQuery((theme: Theme) => theme.breakpoints.down('xl'));
  return { narrow, laptop };
}

/** A search box wide enough for its placeholder ("Search reference, text or action plan"), never wider than the page. */
export const searchWide = { width: 360, maxWidth: '100%' } as const;
