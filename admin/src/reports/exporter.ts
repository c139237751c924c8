import { label, reportKindLabels } from '../common/choices';
import { readableDay } from '../common/dates';
import { csvExporter, pageLink } from '../common/exporter';

const percent = (share: unknown) => (typeof share === 'number' ? `${Math.round(share * 100)}%` : '');

/** One row a report, with its progress as owners report it and as inspectors found it. */
export const exportReports = csvExporter('reports', [
  ['Title', (r) => r.title],
  ['Kind', (r) => label(reportKindLabels, r.kind)],
  ['Published', (r) => readableDay(r.publishedOn)],
  ['Inspectorate', (r) => r.inspectorate?.name],
  ['Follows up', (r) => (r.followsUp ?? []).map((f: { title: string }) => f.title)],
  ['Recommendations', (r) => r.progress?.recommendationCount],
  ['Implemented (owners say)', (r) => percent(r.progress?.shareImplemented)],
  ['Achieved (inspectors found)', (r) => percent(r.progress?.shareAchieved)],
  ['Published at', (r) => r.url],
], (r) => pageLink('reports', r.id));
