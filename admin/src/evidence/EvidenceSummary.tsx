import { Box, Link, Typography } from '@mui/material';
import type { RaRecord } from 'react-admin';
import { label, strengthLabels } from '../common/choices';
import { Clamped } from '../common/listLayout';
import { EvidenceFiles } from './EvidenceFiles';

/** A piece of evidence as lists show it: its summary, its strength, a link to it and its files; the queue and a recommendation's page alike. */
export function EvidenceSummary({ record, lines }: { record: RaRecord; lines: number }) {
  return (
    <Box>
      <Clamped text={record.summary} lines={lines} />
      <Typography variant="caption" color="text.secondary" component="p">
        {label(strengthLabels, record.strength)}
        {record.url && <> · <Link href={record.url} target="_blank" rel="noreferrer">open the evidence</Link></>}
      </Typography>
      <EvidenceFiles record={record} />
    </Box>
  );
}
