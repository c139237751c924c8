import { Prisma } from '../db/generated/prisma/client.ts';
import type { TransactionClient } from '../db/client.ts';
import { addDays } from './dates.ts';
import { respondedLateSql } from './recommendation-rules.ts';

/** The day a report's responses are due when loaded: its publication plus its inspectorate's responseDays. */
export function responsesDueOnFor(publishedOn: Date, responseDays: number): Date {
  return addDays(publishedOn, responseDays);
}

/**
 * Keeps RecommendationAddressee.respondedLate (stored so that lists filter on it) for a report's
 * addressees after its due date changes, from the one rule in recommendation-rules.ts.
 */
export async function refreshRespondedLate(tx: TransactionClient, reportId: number): Promise<void> {
  await tx.$executeRaw(Prisma.sql`
    UPDATE "RecommendationAddressee" ra SET "respondedLate" = ${respondedLateSql('ra', 'report')}
    FROM "Recommendation" r JOIN "Report" report ON report.id = r."reportId"
    WHERE r.id = ra."recommendationId" AND r."reportId" = ${reportId}
      AND ra."respondedLate" IS DISTINCT FROM ${respondedLateSql('ra', 'report')}`);
}
