import { actionItemFields } from '../providers/fields.ts';

type Org = { id: string; name: string; shortName: string | null };

export type DashboardActionItem = {
  id: string; description: string; dueDate: string | null; status: string; isOverdue: boolean; evidenceCount: number; owner: Org;
  recommendation: { id: string; reference: string; report: { title: string; publishedOn: string | null } };
};

export type DashboardData = {
  staleDays: number;
  recommendationCount: number;
  openRecommendationCount: number;
  overdueRecommendationCount: number;
  repeatedUnmetCount: number;
  staleCount: number;
  missingResponseCount: number;
  lateResponseCount: number;
  openPriorityCount: number;
  actionItemCount: number;
  openActionItemCount: number;
  overdueActionItemCount: number;
  awaitingEvidenceCount: number;
  byOwner: { owner: Org; notStarted: number; inProgress: number; implemented: number; notPlanned: number; overdue: number; total: number }[];
  ownerCount: number;
  overdueByOwner: { owner: Org; overdueRecommendations: number; overdueActionItems: number; overdue: number }[];
  overdueOwnerCount: number;
  reportedVsVerified: { gap: string; count: number }[];
  progressByReport: { report: { id: string; title: string; publishedOn: string }; progress: { recommendationCount: number; shareImplemented: number; shareAchieved: number } }[];
  repeatedUnmet: { id: string; reference: string; text: string; firstMadeOn: string | null; yearsOpen: number | null; repeatCount: number; owner: Org; report: { id: string; title: string; publishedOn: string | null } }[];
  overdueActionItems: DashboardActionItem[];
  openActionItems: DashboardActionItem[];
};

// Both lists of action items ask for the same fields, so the server reads them in one statement.
export const dashboardQuery = `query Dashboard($organisationId: ID) {
  dashboard(organisationId: $organisationId, listSize: 8) {
    staleDays recommendationCount openRecommendationCount overdueRecommendationCount repeatedUnmetCount staleCount
    missingResponseCount lateResponseCount openPriorityCount
    actionItemCount openActionItemCount overdueActionItemCount awaitingEvidenceCount
    byOwner { owner { id name shortName } notStarted inProgress implemented notPlanned overdue total }
    ownerCount
    overdueByOwner { owner { id name shortName } overdueRecommendations overdueActionItems overdue }
    overdueOwnerCount
    reportedVsVerified { gap count }
    progressByReport { report { id title publishedOn } progress { recommendationCount shareImplemented shareAchieved } }
    repeatedUnmet { id reference text firstMadeOn yearsOpen repeatCount owner { id name shortName } report { id title publishedOn } }
    overdueActionItems { ${actionItemFields} }
    openActionItems { ${actionItemFields} }
  }
}`;
