import { csvExporter, pageLink } from '../common/exporter';
import { GAP_HEADING, gapText, label, recommendationStatusLabels, verdictText } from '../common/choices';
import { readableDay } from '../common/dates';

/** One row a recommendation, with the derived facts a reader of the spreadsheet wants. */
export const exportRecommendations = csvExporter('recommendations', [
  ['Report', (r) => r.report?.title],
  ['Published', (r) => readableDay(r.report?.publishedOn)],
  ['Reference', (r) => r.reference],
  ['Recommendation', (r) => r.text],
  ['Owner', (r) => r.owner?.name],
  ['Addressed to', (r) => (r.addressees ?? []).map((a: { organisation: { name: string } }) => a.organisation.name)],
  ['Themes', (r) => (r.themes ?? []).map((t: { name: string }) => t.name)],
  ['Status (reported)', (r) => label(recommendationStatusLabels, r.status)],
  ['Latest verdict', (r) => verdictText(r.latestVerdict)],
  [GAP_HEADING, (r) => gapText(r.reportedVsVerified, r.latestVerdict)],
  ['Target date', (r) => readableDay(r.targetDate)],
  ['Overdue', (r) => Boolean(r.isOverdue)],
  ['Times made before', (r) => r.repeatCount],
  ['First made on', (r) => readableDay(r.firstMadeOn)],
  ['Years open', (r) => r.yearsOpen],
  ['Repeated and unmet', (r) => Boolean(r.isRepeatedUnmet)],
  ["Days since last update", (r) => r.daysSinceUpdate],
], (r) => pageLink('recommendations', r.id));
