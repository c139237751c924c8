import { within } from './links.ts';
import type { DashboardData } from './query.ts';

/** A figure and the list it counts: the list's filter is the same rule the server counted with. */
export type Figure = {
  label: string;
  value: number;
  resource: 'recommendations' | 'actionItems';
  filter: Record<string, unknown>;
  sort?: { field: string; order: 'ASC' | 'DESC' };
  /** Shown in red when above zero. */
  alert?: boolean;
};

/** The recommendation figures, each a link to exactly the list it counts (test/db/dashboard.test.ts holds them to it). */
export function recommendationFigures(data: DashboardData, scope: string | undefined): Figure[] {
  const owner = within(scope);
  return [
    { label: 'Recommendations', value: data.recommendationCount, resource: 'recommendations', filter: owner },
    { label: 'Open', value: data.openRecommendationCount, resource: 'recommendations', filter: { ...owner, open: true } },
    { label: 'Overdue', value: data.overdueRecommendationCount, resource: 'recommendations', filter: { ...owner, overdue: true }, sort: { field: 'targetDate', order: 'ASC' }, alert: true },
    { label: 'Repeated and unmet', value: data.repeatedUnmetCount, resource: 'recommendations', filter: { ...owner, repeatedUnmet: true }, alert: true },
    {
      label: `Untouched for ${data.staleDays} days`, value: data.staleCount, resource: 'recommendations',
      filter: { ...owner, untouchedForDays: data.staleDays }, sort: { field: 'updatedAt', order: 'ASC' },
    },
    { label: 'Overdue action items', value: data.overdueActionItemCount, resource: 'actionItems', filter: { ...owner, overdue: true }, sort: { field: 'dueDate', order: 'ASC' }, alert: true },
  ];
}

/** Follow-up: responses missing or late against their reports' due dates, and the open priorities. */
export function followUpFigures(data: DashboardData, scope: string | undefined): Figure[] {
  const owner = within(scope);
  return [
    { label: 'Responses missing', value: data.missingResponseCount, resource: 'recommendations', filter: { ...owner, responseTimeliness: ['MISSING'] }, alert: true },
    { label: 'Responded late', value: data.lateResponseCount, resource: 'recommendations', filter: { ...owner, responseTimeliness: ['LATE'] } },
    { label: 'Open priorities', value: data.openPriorityCount, resource: 'recommendations', filter: { ...owner, priority: true, open: true } },
  ];
}

/** An organisation's own work: the action items it owns, whoever owns the recommendations they serve. */
export function actionItemFigures(data: DashboardData, scope: string | undefined): Figure[] {
  const owner = within(scope);
  return [
    { label: 'Action items to do', value: data.openActionItemCount, resource: 'actionItems', filter: { ...owner, open: true }, sort: { field: 'dueDate', order: 'ASC' } },
    { label: 'Overdue', value: data.overdueActionItemCount, resource: 'actionItems', filter: { ...owner, overdue: true }, sort: { field: 'dueDate', order: 'ASC' }, alert: true },
    { label: 'Evidence to submit', value: data.awaitingEvidenceCount, resource: 'actionItems', filter: { ...owner, awaitingEvidence: true }, sort: { field: 'dueDate', order: 'ASC' }, alert: true },
  ];
}

/** One organisation's overdue recommendations and action items: its own, not those of the organisations under it. */
export function ownerOverdueFigures(row: DashboardData['overdueByOwner'][number]): Figure[] {
  const owner = { ownerId: row.owner.id, includeDescendants: false };
  return [
    { label: `overdue recommendations of ${row.owner.name}`, value: row.overdueRecommendations, resource: 'recommendations', filter: { ...owner, overdue: true }, sort: { field: 'targetDate', order: 'ASC' }, alert: true },
    { label: `overdue action items of ${row.owner.name}`, value: row.overdueActionItems, resource: 'actionItems', filter: { ...owner, overdue: true }, sort: { field: 'dueDate', order: 'ASC' }, alert: true },
  ];
}
