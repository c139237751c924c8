import { Box, Chip, List, ListItem, ListItemButton, ListItemText, Typography } from '@mui/material';
import { Link } from 'react-router-dom';
import { useRecordContext } from 'react-admin';
import { label, NO_VERDICT, verdictLabels, recommendationStatusLabels } from '../common/choices';
import { ValueChip, verdictColours } from '../common/EnumChip';
import { Section } from '../common/Section';
import { RepeatLinkActions } from './RepeatLinkActions';
import { recommendationName, reportName } from '../common/naming';

type Entry = {
  id: string; reference: string; status: string; latestVerdict: string | null; text: string;
  report: { id: string; title: string; publishedOn: string }; repeats?: { id: string } | null;
};
type Placed = Entry & { depth: number; repeatsName: string | null };

/**
 * The chain as a tree, earliest first: each version under the one it repeats, so that two later
 * recommendations repeating one earlier one stand side by side, not one after the other as if the
 * second repeated the first. Versions of one depth keep the date order they came in.
 */
function asTree(entries: Entry[]): Placed[] {
  const ids = new Set(entries.map((entry) => entry.id));
  const parentOf = (entry: Entry) => (entry.repeats && ids.has(entry.repeats.id) ? entry.repeats.id : null);
  const byId = new Map(entries.map((entry) => [entry.id, entry]));
  const placed: Placed[] = [];
  const visit = (entry: Entry, depth: number) => {
    const parent = parentOf(entry);
    placed.push({ ...entry, depth, repeatsName: parent ? recommendationName(byId.get(parent)) : null });
    for (const child of entries) if (parentOf(child) === entry.id) visit(child, depth + 1);
  };
  for (const root of entries) if (parentOf(root) === null) visit(root, 0);
  return placed;
}

/** The chain of repeats across reports, earliest first, with each version's verdict. */
export function LineageSection() {
  const record = useRecordContext();
  const lineage = (record?.lineage ?? []) as Entry[];
  const later = ((record?.repeatedBy ?? []) as Entry[]).filter((entry) => !lineage.some((l) => l.id === entry.id));
  const entries = asTree([...lineage, ...later]);
  // Drawn as a tree only where it branches: a single line of repeats reads as a list.
  const branches = entries.some((entry, index) => index > 0 && entry.depth <= entries[index - 1]!.depth);
  if (!record) return null;
  return (
    <Section title="Lineage across reports" actions={<RepeatLinkActions />}>
      {entries.length <= 1 ? (
        <Typography variant="body2">Not linked to any recommendation of an earlier or later report.</Typography>
      ) : (
        <List dense aria-label="Versions of this recommendation, earliest first">
          {entries.map((entry) => {
            const current = entry.id === record.id;
            const text = (
              <ListItemText
                primary={`${reportName(entry.report)} — ${entry.reference}${branches && entry.repeatsName ? `, repeating ${entry.repeatsName}` : ''}${current ? ' (this recommendation)' : ''}`}
                secondary={entry.text}
                // The other versions are links, and look it: coloured and underlined, as links are everywhere.
                primaryTypographyProps={{ sx: current ? { fontWeight: 500 } : { color: 'primary.main', textDecoration: 'underline', textUnderlineOffset: '2px' } }}
                secondaryTypographyProps={{ sx: { display: '-webkit-box', WebkitLineClamp: 2, WebkitBoxOrient: 'vertical', overflow: 'hidden' } }}
              />
            );
            // The verdict beside the text, in the row's flow: placed over the row's end (a list item's
            // secondary action), a long one ("Not yet assessed · Implemented (reported)") covered the text.
            return (
              <ListItem key={entry.id} disablePadding sx={{ borderLeft: 4, borderColor: current ? 'primary.main' : 'divider', pl: 1, ml: branches ? Math.min(entry.depth, 4) * 3 : 0, width: 'auto', mb: 0.5, pr: 1, gap: 1 }}>
                <Box sx={{ flex: 1, minWidth: 0 }}>
                  {current ? <Box sx={{ pl: 2, py: 0.5 }}>{text}</Box> : (
                    <ListItemButton component={Link} to={`/recommendations/${encodeURIComponent(entry.id)}/show`}>
                      {text}
                    </ListItemButton>
                  )}
                </Box>
                <Box sx={{ flexShrink: 0 }}>
                  {entry.latestVerdict
                    ? <ValueChip value={entry.latestVerdict} labels={verdictLabels} colours={verdictColours} />
                    : <Chip size="small" variant="outlined" label={`${NO_VERDICT} · ${label(recommendationStatusLabels, entry.status)}`} />}
                </Box>
              </ListItem>
            );
          })}
        </List>
      )}
    </Section>
  );
}
