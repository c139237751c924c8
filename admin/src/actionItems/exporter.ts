import { actionStatusLabels, label } from '../common/choices';
import { readableDay } from '../common/dates';
import { csvExporter, pageLink } from '../common/exporter';

/** One row an action, linked to the recommendation page where its plan is kept. */
export const exportActionItems = csvExporter('action-items', [
  ['Action', (r) => r.description],
  ['Recommendation', (r) => r.recommendation?.reference],
  ['Report', (r) => r.recommendation?.report?.title],
  ['Owner', (r) => r.owner?.name],
  ['Lead', (r) => r.leadPerson],
  ['Due', (r) => readableDay(r.dueDate)],
  ['Status', (r) => label(actionStatusLabels, r.status)],
  ['Overdue', (r) => Boolean(r.isOverdue)],
  ['Completed on', (r) => readableDay(r.completedOn)],
  ['Evidence', (r) => r.evidenceCount],
  ['Last changed', (r) => readableDay(r.updatedAt)],
], (r) => pageLink('recommendations', r.recommendation?.id));
