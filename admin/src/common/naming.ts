import { yearOf } from './dates.ts';

type NamedReport = { title?: string | null; publishedOn?: string | null } | null | undefined;
// `id` too, so that a react-admin record (an id and any fields) is taken as one.
type NamedRecommendation = { id?: unknown; reference?: string | null; report?: NamedReport } | null | undefined;

/** A report as lists and charts name it: its year, then its title ("2024 · Prisons inspection"). */
export function reportName(report: NamedReport): string {
  const year = yearOf(report?.publishedOn);
  return year ? `${year} · ${report?.title ?? ''}` : (report?.title ?? '');
}

/** A recommendation as links to it name it: its reference and its report's year ("R3 (2024)"). */
export function recommendationName(recommendation: NamedRecommendation): string {
  const year = yearOf(recommendation?.report?.publishedOn);
  return year ? `${recommendation?.reference ?? ''} (${year})` : (recommendation?.reference ?? '');
}

/** A recommendation named with its whole report, where the report is not on screen ("R3, 2024 · Prisons inspection"). */
export function recommendationInReport(recommendation: NamedRecommendation): string {
  return `${recommendation?.reference ?? ''}, ${reportName(recommendation?.report)}`;
}

type NamedOrganisation = { name?: string | null; shortName?: string | null } | null | undefined;

/** An organisation where space is short (a table's column, a chart's axis, a card's line): its short name, else its name. */
export function shortNameOf(organisation: NamedOrganisation): string {
  return organisation?.shortName || organisation?.name || '';
}

/**
 * An organisation as choices name it: its name and short name, unless the name says it already
 * ("Probation Service London", not "… London (London)"). A name ending in brackets takes the short
 * name inside them ("National Probation Service (NPS, until 2021)", not "… (until 2021) (NPS)").
 */
export function organisationName({ name, shortName }: { name: string; shortName?: string | null }): string {
  if (!shortName || name.includes(shortName)) return name;
  const bracketed = /^(.*\S)\s*\(([^()]*)\)$/.exec(name);
  return bracketed ? `${bracketed[1]} (${shortName}, ${bracketed[2]})` : `${name} (${shortName})`;
}
