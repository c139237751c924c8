import PublicIcon from '@mui/icons-material/Public';
import PublicOffIcon from '@mui/icons-material/PublicOff';
import { Button, Typography } from '@mui/material';
import { useRecordContext } from 'react-admin';
import { RecordedSwitch } from '../common/RecordedSwitch';

/**
 * For inspectors of its inspectorate and administrators: put the report on its public page, or take it
 * off (the page exists only while the server's public view is on). Nothing else is ever public.
 */
export function PublicPageButton() {
  const record = useRecordContext();
  if (!record) return null;
  const isPublic = record.isPublic === true;
  // The server says where its page is, when there is one: marked public, and the server's public view on.
  const link = record.publicPagePath ? (
    <Button size="small" startIcon={<PublicIcon />} href={String(record.publicPagePath)} target="_blank" rel="noreferrer">Public page</Button>
  ) : isPublic && record.viewerCanPublish ? (
    <Typography variant="caption" color="text.secondary" sx={{ alignSelf: 'center' }}>Marked public (the server’s public view is off)</Typography>
  ) : null;
  if (!record.viewerCanPublish) return link || null;
  return (
    <>
      {link}
      <RecordedSwitch
        resource="reports" operation="publish" on={isPublic}
        turnOn={{
          button: 'Make public', icon: <PublicIcon />, title: 'Show the report on its public page?', done: 'Shown on its public page',
          explanation: 'Anyone may then read, without signing in, its recommendations not marked internal, the addressees’ responses, the reported status and the inspectors’ verdicts — never notes, evidence, discussion, history or people’s names. The page exists only while the server’s public view is on.',
        }}
        turnOff={{
          button: 'Make not public', icon: <PublicOffIcon />, title: 'Take the report off its public page?', done: 'Taken off its public page',
          explanation: 'Its public page will answer “not found” from now on.',
        }}
        reason={{ source: 'comment', label: 'Why (kept in history; optional)' }}
      />
    </>
  );
}
