import { Card, CardContent } from '@mui/material';
import { EditButton, Show, TopToolbar, useRecordContext, useCanAccess } from 'react-admin';
import { DiscussionSection } from '../discussion/DiscussionSection';
import { ActionPlanSection } from './ActionPlanSection';
import { AssessmentsSection } from './AssessmentsSection';
import { EvidenceSection } from './EvidenceSection';
import { HistorySection } from '../common/HistorySection';
import { LineageSection } from './LineageSection';
import { RecommendationSummary } from './RecommendationSummary';
import { RepeatCandidatesSection } from './RepeatCandidatesSection';
import { PriorityButton } from './Priority';
import { InternalButton } from './InternalButton';
import { WithdrawButton, WithdrawnNotice } from './WithdrawRecommendation';
import { AfreshForEachRecord } from '../common/AfreshForEachRecord';

function Actions() {
  const record = useRecordContext();
  const { canAccess } = useCanAccess({ action: 'edit', resource: 'recommendations', record });
  return <TopToolbar><PriorityButton />{canAccess && <EditButton label="Edit details" />}<InternalButton /><WithdrawButton /></TopToolbar>;
}

function Title() {
  const record = useRecordContext();
  return <span>{record ? `Recommendation ${record.reference}` : 'Recommendation'}</span>;
}

export default function RecommendationShow() {
  return (
    <Show actions={<Actions />} title={<Title />} component="div">
      <AfreshForEachRecord>
        <Card>
          <CardContent>
            <WithdrawnNotice />
            <RecommendationSummary />
            <LineageSection />
            <RepeatCandidatesSection />
          </CardContent>
        </Card>
        <Card sx={{ mt: 2 }}>
          <CardContent>
            <ActionPlanSection />
            <EvidenceSection />
            <AssessmentsSection />
          </CardContent>
        </Card>
        {/* The discussion shares the history's card: for a viewer, who may not read it, a card of its own stood empty. */}
        <Card sx={{ mt: 2 }}>
          <CardContent>
            <DiscussionSection on="Recommendation" />
            <HistorySection target="recommendationId" />
          </CardContent>
        </Card>
      </AfreshForEachRecord>
    </Show>
  );
}
