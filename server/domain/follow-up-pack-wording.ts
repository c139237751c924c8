import type { PackFigures } from './follow-up-pack-types.ts';
import { label, recommendationStatusLabels } from './enum-labels.ts';
import { readableDay } from './locale.ts';

/**
 * How the follow-up pack reads, in the PDF and on the app's print page alike. Pure (types and
 * locale.ts only) so the admin app shares it; dates may come as Date or, over JSON, as strings.
 */

type Day = Date | string | null;

/** The cover's figures, in the order they are shown. */
export const PACK_FIGURES: [keyof PackFigures, string][] = [
  ['recommendations', 'Recommendations'],
  ['implementedByOwners', 'Reported implemented by owners'],
  ['assessedByInspectors', 'Assessed by inspectors'],
  ['achievedByInspectors', 'Found achieved by inspectors'],
  ['overstatedByOwners', 'Overstated by owner (reported implemented, found not achieved)'],
  ['repeats', 'Repeat earlier recommendations'],
  ['overdueRecommendations', 'Overdue recommendations'],
  ['actionItems', 'Actions in the plan'],
  ['overdueActionItems', 'Overdue actions'],
  ['slippedDates', 'Target and due dates moved later'],
  ['evidence', 'Pieces of evidence'],
  ['unverifiedEvidence', 'Evidence not yet verified'],
];

/** The owner's reported status and since when: "Implemented (reported) since 12 Sept 2023" (the label may carry brackets of its own). */
export const reportedStatusSince = (status: string, since: Day): string => `${label(recommendationStatusLabels, status)} since ${readableDay(since)}`;

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

/**
 * A target or due date with how far it has slipped: "30 Sep 2024", or "31 Mar 2025 (first set
 * for 30 Sep 2024: moved twice, 182 days later)".
 */
export function describeSlippage(dates: { firstDate: Day; currentDate: Day; days: number | null; moves: unknown[] }): string {
  const current = dates.currentDate ? readableDay(dates.currentDate) : 'none set';
  if (dates.moves.length === 0 || !dates.firstDate || readableDay(dates.firstDate) === current) {
    return dates.moves.length === 0 ? current : `${current} (moved ${times(dates.moves.length)}, back to the first date)`;
  }
  const shift = dates.days === null ? '' : dates.days > 0 ? `, ${plural(dates.days, 'day')} later` : dates.days < 0 ? `, ${plural(-dates.days, 'day')} earlier` : '';
  return `${current} (first set for ${readableDay(dates.firstDate)}: moved ${times(dates.moves.length)}${shift})`;
}

const times = (count: number) => (count === 1 ? 'once' : count === 2 ? 'twice' : `${count} times`);

/** The pack's file name: the report's title and the day it was made. */
export function packFileName(pack: { report: { title: string }; preparedAt: Date | string }): string {
  const words = pack.report.title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  // At most 60 characters, cut between words.
  const title = words.length <= 60 ? words : words.slice(0, 61).replace(/-[^-]*$/, '');
  const day = new Date(pack.preparedAt).toISOString().slice(0, 10);
  return `follow-up-pack-${title || 'report'}-${day}.pdf`;
}
