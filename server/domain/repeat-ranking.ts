import type { PrismaClient, TransactionClient } from '../db/client.ts';

/** A recommendation's text and setting, saved or not, whose earlier repeats are sought. */
export type RepeatDraft = {
  text: string;
  reference?: string | null;
  publishedOn: Date;
  addresseeIds: number[];
  themeIds?: number[];
  excludeRecommendationId?: number;
  excludeReportId?: number;
};

export type RankedCandidate = { recommendationId: number; score: number; reasons: string[] };

export type RankingClient = PrismaClient | TransactionClient;

/**
 * Earlier recommendations the draft probably repeats, best first.
 */
export async function rankRepeatCandidates(
  db: RankingClient,
  draft: RepeatDraft,
  options: { first?: number; minimumScore?: number } = {},
): Promise<RankedCandidate[]> {
  const first = options.first ?? 10;
  const minimumScore = options.minimumScore ?? 0.2;
  // The nearest texts first, by trigram distance: the GiST index hands them over in that
  // order and the scan stops at the page, however many texts there are or however low the
  // minimum; those below the minimum are then left out.
  const rows = await db.$queryRaw<{ recommendationId: number; score: number }[]>`
    SELECT id AS "recommendationId", score FROM (
      SELECT r.id, similarity(r.text, ${draft.text})::float8 AS score
      FROM "Recommendation" r JOIN "Report" report ON report.id = r."reportId"
      WHERE report."publishedOn" < ${draft.publishedOn}::date
        AND r.id <> ${draft.excludeRecommendationId ?? -1}
        AND r."reportId" <> ${draft.excludeReportId ?? -1}
      ORDER BY r.text <-> ${draft.text}
      LIMIT ${first}
    ) nearest
    WHERE score >= ${minimumScore}
    ORDER BY score DESC, id ASC`;
  return rows.map((row) => ({ ...row, reasons: ['similar text'] }));
}
