import type { TransactionClient } from '../db/client.ts';
import { badField } from '../errors.ts';

/**
 * The rules of repeat links: a recommendation repeats one made in a strictly
 * earlier report, so chains run backwards in time and cannot form a cycle.
 */
export async function checkRepeatLink(
  tx: TransactionClient,
  recommendation: { id?: number; reportPublishedOn: Date },
  repeatsId: number,
  field: (string | number)[],
): Promise<number> {
  if (recommendation.id === repeatsId) throw badField(field, 'a recommendation cannot repeat itself');
  const earlier = await tx.recommendation.findUnique({
    where: { id: repeatsId },
    select: { id: true, report: { select: { publishedOn: true } } },
  });
  if (!earlier) throw badField(field, 'no such recommendation');
  if (earlier.report.publishedOn.getTime() >= recommendation.reportPublishedOn.getTime()) {
    throw badField(field, 'a recommendation can only repeat one from an earlier report');
  }
  if (recommendation.id !== undefined) {
    // Dates already rule cycles out; this guards against data loaded around the rules.
    const [cycle] = await tx.$queryRaw<{ found: boolean }[]>`
      WITH RECURSIVE up AS (
        SELECT id, "repeatsId" FROM "Recommendation" WHERE id = ${repeatsId}
        UNION SELECT r.id, r."repeatsId" FROM "Recommendation" r JOIN up ON r.id = up."repeatsId"
      ) SELECT EXISTS (SELECT 1 FROM up WHERE id = ${recommendation.id}) AS found`;
    if (cycle?.found) throw badField(field, 'this link would make a cycle of repeats');
  }
  return earlier.id;
}

/** How alike two recommendations' texts are (pg_trgm), kept with a link made from the candidates. */
export async function textSimilarity(tx: TransactionClient, a: number, b: number): Promise<number> {
  const [row] = await tx.$queryRaw<{ score: number }[]>`
    SELECT similarity(x.text, y.text)::float8 AS score FROM "Recommendation" x, "Recommendation" y
    WHERE x.id = ${a} AND y.id = ${b}`;
  return row?.score ?? 0;
}

/**
 * Keeps an inspector's decision on a proposed repeat: confirmations and rejections together
 * measure the ranking on real work, and a rejected candidate is not proposed again
 * (repeat-ranking.ts). Where the ranking placed the candidate is kept when the caller knows it.
 */
export async function recordRepeatDecision(
  tx: TransactionClient,
  actor: { userId: number },
  decision: { recommendationId: number; candidateId: number; decision: 'CONFIRMED' | 'REJECTED'; rank?: number | null; score?: number | null },
): Promise<void> {
  await tx.repeatDecision.create({
    data: {
      recommendationId: decision.recommendationId,
      candidateId: decision.candidateId,
      decision: decision.decision,
      rank: decision.rank ?? null,
      score: decision.score ?? null,
      decidedById: actor.userId,
    },
  });
}
