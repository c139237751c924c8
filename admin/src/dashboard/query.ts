import { actionItemFields } from '../providers/fields.ts';

type Org = { id: string; name: string; shortName: string | null };

export type DashboardData = {
  recommendationCount: number;
  overdueRecommendationCount: number;
  repeatedUnmetCount: number;
  overdueActionItemCount: number;
  staleCount: number;
  byOwner: { owner: Org; notStarted: number; inProgress: number; implemented: number; notPlanned: number; overdue: number; total: number }[];
  reportedVsVerified: { gap: string; count: number }[];
  progressByReport: { report: { id: string; title: string; publishedOn: string }; progress: { recommendationCount: number; shareImplemented: number; shareAchieved: number } }[];
  repeatedUnmet: { id: string; reference: string; text: string; firstMadeOn: string | null; yearsOpen: number | null; repeatCount: number; owner: Org; report: { id: string; title: string } }[];
  overdueActionItems: { id: string; description: string; dueDate: string | null; owner: Org; recommendation: { id: string; reference: string; report: { title: string } } }[];
};

export const dashboardQuery = `query Dashboard($organisationId: ID) {
  dashboard(organisationId: $organisationId, listSize: 8) {
    recommendationCount overdueRecommendationCount repeatedUnmetCount overdueActionItemCount staleCount
    byOwner { owner { id name shortName } notStarted inProgress implemented notPlanned overdue total }
    reportedVsVerified { gap count }
    progressByReport { report { id title publishedOn } progress { recommendationCount shareImplemented shareAchieved } }
    repeatedUnmet { id reference text firstMadeOn yearsOpen repeatCount owner { id name shortName } report { id title } }
    overdueActionItems { ${actionItemFields} }
  }
}`;
