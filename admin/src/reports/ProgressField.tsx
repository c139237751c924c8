import { Box, LinearProgress, Typography } from '@mui/material';
import { useRecordContext } from 'react-admin';

type Progress = { recommendationCount: number; implementedByOwners: number; achievedByInspectors: number; shareImplemented: number; shareAchieved: number };

const percent = (share: number) => `${Math.round(share * 100)}%`;

/** What owners report implemented against what inspectors verified achieved. */
export function ProgressField({ source = 'progress' }: { source?: string; label?: string; sortable?: boolean }) {
  const record = useRecordContext();
  const progress = record?.[source] as Progress | undefined;
  if (!progress) return null;
  const rows = [
    { name: 'Implemented (owners)', share: progress.shareImplemented, count: progress.implementedByOwners, colour: 'info' as const },
    { name: 'Achieved (inspectors)', share: progress.shareAchieved, count: progress.achievedByInspectors, colour: 'success' as const },
  ];
  return (
    <Box sx={{ minWidth: 180, display: 'grid', gap: 0.5 }}>
      {rows.map((row) => (
        <Box key={row.name}>
          <Typography variant="caption">{row.name}: {row.count} of {progress.recommendationCount} ({percent(row.share)})</Typography>
          <LinearProgress variant="determinate" value={row.share * 100} color={row.colour} aria-label={`${row.name}: ${percent(row.share)}`} />
        </Box>
      ))}
    </Box>
  );
}
