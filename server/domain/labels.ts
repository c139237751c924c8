import type { TransactionClient } from '../db/client.ts';
import type { Prisma } from '../db/generated/prisma/client.ts';
import { readableDay } from './locale.ts';

/**
 * What names a recommendation where its report is not on screen (my work, the digest, mentions):
 * its reference with its report's title and year, since two reports both have an "R5".
 */
export const recommendationInReportSelect = {
  id: true, reference: true, report: { select: { title: true, publishedOn: true } },
} satisfies Prisma.RecommendationSelect;

/** What names an owning organisation in a list: its short name, with the whole name beside it. */
export const ownerNameSelect = { name: true, shortName: true } satisfies Prisma.OrganisationSelect;

/**
 * How history names the records a change points at: what a person reads in a
 * timeline, fixed at the time of the change (names may change later; history
 * says what was true then).
 */
export async function recommendationLabel(tx: TransactionClient, id: number | null | undefined): Promise<string | null> {
  if (!id) return null;
  const rec = await tx.recommendation.findUnique({ where: { id }, select: { reference: true, report: { select: { publishedOn: true } } } });
  return rec ? `${rec.reference} (report of ${readableDay(rec.report.publishedOn)})` : `#${id}`;
}

export async function organisationLabels(tx: TransactionClient, ids: (number | null | undefined)[]): Promise<string> {
  const wanted = ids.filter((id): id is number => typeof id === 'number');
  if (wanted.length === 0) return '';
  const rows = await tx.organisation.findMany({ where: { id: { in: wanted } }, select: { id: true, name: true, shortName: true } });
  const byId = new Map(rows.map((row) => [row.id, row.shortName ?? row.name]));
  return wanted.map((id) => byId.get(id) ?? `#${id}`).join(', ');
}

export async function themeLabels(tx: TransactionClient, ids: number[]): Promise<string> {
  if (ids.length === 0) return '';
  const rows = await tx.theme.findMany({ where: { id: { in: ids } }, select: { name: true }, orderBy: { name: 'asc' } });
  return rows.map((row) => row.name).join(', ');
}
