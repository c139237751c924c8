import { prisma } from '../db/client.ts';
import type { Recommendation, Report } from '../db/generated/prisma/client.ts';

export type LineageEntry = Recommendation & { report: Report };

/**
 * The chains of repeats of several recommendations at once: for each, every
 * recommendation from its chain's root down through all later repeats, earliest
 * report first. Two statements however many recommendations are asked for.
 */
export async function loadLineages(ids: readonly number[]): Promise<LineageEntry[][]> {
  const members = await prisma.$queryRaw<{ start: number; id: number }[]>`
    WITH RECURSIVE up AS (
      SELECT id AS start, id, "repeatsId" FROM "Recommendation" WHERE id = ANY(${[...ids]}::int[])
      UNION SELECT up.start, r.id, r."repeatsId" FROM "Recommendation" r JOIN up ON r.id = up."repeatsId"
    ), down AS (
      SELECT start, id FROM up WHERE "repeatsId" IS NULL
      UNION SELECT down.start, r.id FROM "Recommendation" r JOIN down ON r."repeatsId" = down.id
    ) SELECT start, id FROM down`;
  const rows = await prisma.recommendation.findMany({
    where: { id: { in: [...new Set(members.map((member) => member.id))] } },
    include: { report: true },
  });
  const byId = new Map(rows.map((row) => [row.id, row]));
  const order = (a: LineageEntry, b: LineageEntry) =>
    a.report.publishedOn.getTime() - b.report.publishedOn.getTime() || a.position - b.position || a.id - b.id;
  return ids.map((id) =>
    members
      .filter((member) => member.start === id)
      .map((member) => byId.get(member.id)!)
      .sort(order),
  );
}
