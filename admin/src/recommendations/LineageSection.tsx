import { Box, Chip, List, ListItem, ListItemButton, ListItemText, Typography } from '@mui/material';
import { Link } from 'react-router-dom';
import { useRecordContext } from 'react-admin';
import { label, verdictLabels, recommendationStatusLabels } from '../common/choices';
import { ValueChip, verdictColours } from '../common/EnumChip';
import { Section } from '../common/Section';
import { RepeatLinkActions } from './RepeatLinkActions';
import { reportName } from '../common/naming';

type Entry = { id: string; reference: string; status: string; latestVerdict: string | null; text: string; report: { id: string; title: string; publishedOn: string } };

/** The chain of repeats across reports, earliest first, with each version's verdict. */
export function LineageSection() {
  const record = useRecordContext();
  const lineage = (record?.lineage ?? []) as Entry[];
  const later = ((record?.repeatedBy ?? []) as Entry[]).filter((entry) => !lineage.some((l) => l.id === entry.id));
  const entries = [...lineage, ...later];
  if (!record) return null;
  return (
    <Section title="Lineage across reports" actions={<RepeatLinkActions />}>
      {entries.length <= 1 ? (
        <Typography variant="body2">Not linked to any recommendation of an earlier or later report.</Typography>
      ) : (
        <List dense aria-label="Versions of this recommendation, earliest first">
          {entries.map((entry, index) => {
            const current = entry.id === record.id;
            const text = (
              <ListItemText
                primary={`${reportName(entry.report)} — ${entry.reference}${current ? ' (this recommendation)' : ''}`}
                secondary={entry.text}
                // The other versions are links, and look it: coloured and underlined, as links are everywhere.
                primaryTypographyProps={{ sx: current ? { fontWeight: 500 } : { color: 'primary.main', textDecoration: 'underline', textUnderlineOffset: '2px' } }}
                secondaryTypographyProps={{ sx: { display: '-webkit-box', WebkitLineClamp: 2, WebkitBoxOrient: 'vertical', overflow: 'hidden' } }}
              />
            );
            return (
              <ListItem key={entry.id} disablePadding secondaryAction={entry.latestVerdict
                ? <ValueChip value={entry.latestVerdict} labels={verdictLabels} colours={verdictColours} />
                : <Chip size="small" variant="outlined" label={`Not assessed (${label(recommendationStatusLabels, entry.status)})`} />
              } sx={{ borderLeft: 4, borderColor: current ? 'primary.main' : 'divider', pl: 1, mb: 0.5, pr: 24 }}>
                {current ? <Box sx={{ pl: 2, py: 0.5 }}>{text}</Box> : (
                  <ListItemButton component={Link} to={`/recommendations/${encodeURIComponent(entry.id)}/show`} aria-label={`Open ${entry.reference} of ${entry.report.title} (${index + 1} of ${entries.length})`}>
                    {text}
                  </ListItemButton>
                )}
              </ListItem>
            );
          })}
        </List>
      )}
    </Section>
  );
}
