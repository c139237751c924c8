import PublicIcon from '@mui/icons-material/Public';
import PublicOffIcon from '@mui/icons-material/PublicOff';
import { Button } from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Confirm, useDataProvider, useNotify, useRecordContext, useRefresh } from 'react-admin';
import { useState } from 'react';
import { useWriteErrors } from '../common/useWriteErrors';
import type { TrackerDataProvider } from '../providers/dataProvider';
import { reportPublicationQuery, setReportPublicMutation } from './publicationQueries';


type Publication = { id: string; isPublic: boolean; viewerCanPublish: boolean; version: number };

/** The report's number, as its public page's address uses it. */
const reportNumber = (id: string) => atob(id).split(':')[1];

/**
 * For inspectors of its inspectorate and administrators: put the report on its public page, or take it
 * off (the page exists only while the server's public view is on). Nothing else is ever public.
 */
export function PublicPageButton() {
  const record = useRecordContext();
  const dataProvider = useDataProvider<TrackerDataProvider>();
  const queryClient = useQueryClient();
  const notify = useNotify();
  const refresh = useRefresh();
  const onError = useWriteErrors();
  const [asking, setAsking] = useState(false);
  const key = ['reportPublication', record?.id];
  const { data } = useQuery({
    queryKey: key,
    enabled: Boolean(record?.id),
    queryFn: async () => (await dataProvider.query<{ node: Publication }>(reportPublicationQuery, { id: record!.id })).node,
  });
  if (!data?.viewerCanPublish) {
    return data?.isPublic ? <Button size="small" startIcon={<PublicIcon />} href={`/public/reports/${reportNumber(data.id)}`} target="_blank" rel="noreferrer">Public page</Button> : null;
  }
  const change = async () => {
    setAsking(false);
    try {
      await dataProvider.query(setReportPublicMutation, { input: { id: data.id, version: data.version, isPublic: !data.isPublic } });
      notify(data.isPublic ? 'Taken off its public page' : 'Shown on its public page', { type: 'success' });
      await queryClient.invalidateQueries({ queryKey: key });
      refresh();
    } catch (error) {
      onError(error);
    }
  };
  return (
    <>
      {data.isPublic && <Button size="small" href={`/public/reports/${reportNumber(data.id)}`} target="_blank" rel="noreferrer">Public page</Button>}
      <Button size="small" startIcon={data.isPublic ? <PublicOffIcon /> : <PublicIcon />} onClick={() => setAsking(true)}>
        {data.isPublic ? 'Make not public' : 'Make public'}
      </Button>
      <Confirm
        isOpen={asking}
        title={data.isPublic ? 'Take the report off its public page?' : 'Show the report on its public page?'}
        content={data.isPublic
          ? 'Its public page will answer “not found” from now on.'
          : 'Anyone may then read, without signing in, its recommendations not marked internal, the addressees’ responses, the reported status and the inspectors’ verdicts — never notes, evidence, discussion, history or people’s names. The page exists only while the server’s public view is on.'}
        confirm={data.isPublic ? 'Make not public' : 'Make public'}
        onConfirm={change}
        onClose={() => setAsking(false)}
      />
    </>
  );
}
