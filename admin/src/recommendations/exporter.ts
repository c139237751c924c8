import { downloadCSV, type RaRecord } from 'react-admin';
import { readableDay } from '../common/dates';
import { label, recommendationStatusLabels, verdictLabels, gapLabels } from '../common/choices';

const csvCell = (value: unknown) => {
  const text = value == null ? '' : String(value);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** One row a recommendation, with the derived facts a reader of the spreadsheet wants. */
export function exportRecommendations(records: RaRecord[]) {
  const columns: [string, (r: RaRecord) => unknown][] = [
    ['Report', (r) => r.report?.title],
    ['Published', (r) => readableDay(r.report?.publishedOn)],
    ['Reference', (r) => r.reference],
    ['Recommendation', (r) => r.text],
    ['Owner', (r) => r.owner?.name],
    ['Themes', (r) => (r.themes ?? []).map((t: { name: string }) => t.name).join('; ')],
    ['Status (reported)', (r) => label(recommendationStatusLabels, r.status)],
    ['Latest verdict', (r) => label(verdictLabels, r.latestVerdict)],
    ['Reported vs verified', (r) => label(gapLabels, r.reportedVsVerified)],
    ['Target date', (r) => readableDay(r.targetDate)],
    ['Overdue', (r) => (r.isOverdue ? 'yes' : 'no')],
    ['Times made before', (r) => r.repeatCount],
    ['First made on', (r) => readableDay(r.firstMadeOn)],
    ['Years open', (r) => r.yearsOpen],
    ['Repeated and unmet', (r) => (r.isRepeatedUnmet ? 'yes' : 'no')],
    ['Days since update', (r) => r.daysSinceUpdate],
  ];
  const lines = [columns.map(([name]) => csvCell(name)).join(','), ...records.map((record) => columns.map(([, get]) => csvCell(get(record))).join(','))];
  downloadCSV(lines.join('\n'), 'recommendations');
}
