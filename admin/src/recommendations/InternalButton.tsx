import VisibilityOffIcon from '@mui/icons-material/VisibilityOff';
import { Button } from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Confirm, useDataProvider, useNotify, useRecordContext, useRefresh } from 'react-admin';
import { useWriteErrors } from '../common/useWriteErrors';
import type { TrackerDataProvider } from '../providers/dataProvider';
import { recommendationInternalQuery, setRecommendationInternalMutation } from '../reports/publicationQueries';

type Marking = { id: string; isInternal: boolean; version: number; report: { viewerCanPublish: boolean } };

/** For those who may publish its report: keep a recommendation off the report's public page, or show it there again. */
export function InternalButton() {
  const record = useRecordContext();
  const dataProvider = useDataProvider<TrackerDataProvider>();
  const queryClient = useQueryClient();
  const notify = useNotify();
  const refresh = useRefresh();
  const onError = useWriteErrors();
  const [asking, setAsking] = useState(false);
  const key = ['recommendationInternal', record?.id, record?.version];
  const { data } = useQuery({
    queryKey: key,
    enabled: Boolean(record?.id),
    queryFn: async () => (await dataProvider.query<{ node: Marking }>(recommendationInternalQuery, { id: record!.id })).node,
  });
  if (!data?.report.viewerCanPublish) return null;
  const change = async () => {
    setAsking(false);
    try {
      await dataProvider.query(setRecommendationInternalMutation, { input: { id: data.id, version: data.version, isInternal: !data.isInternal } });
      notify(data.isInternal ? 'It may show on the public page' : 'Kept off the public page', { type: 'success' });
      await queryClient.invalidateQueries({ queryKey: ['recommendationInternal'] });
      refresh();
    } catch (error) {
      onError(error);
    }
  };
  return (
    <>
      <Button size="small" startIcon={<VisibilityOffIcon />} onClick={() => setAsking(true)}>
        {data.isInternal ? 'Internal: show publicly' : 'Mark internal'}
      </Button>
      <Confirm
        isOpen={asking}
        title={data.isInternal ? 'Show it on the report’s public page?' : 'Keep it off the report’s public page?'}
        content={data.isInternal
          ? 'When the report is public, its public page will show this recommendation, its responses, status and verdict.'
          : 'Even when the report is public, its public page will leave this recommendation out.'}
        confirm={data.isInternal ? 'Show publicly' : 'Mark internal'}
        onConfirm={change}
        onClose={() => setAsking(false)}
      />
    </>
  );
}
