import type { TransactionClient } from '../db/client.ts';
import { readableDay } from './locale.ts';

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
