import type { TransactionClient } from '../db/client.ts';
import { repeatedUnmetSql } from './recommendation-rules.ts';

/**
 * Facts derived from other rows, stored on the recommendation so that lists,
 * filters and the dashboard read them without walking chains or assessments:
 * latestAssessmentId / latestVerdict / latestVerdictAt, repeatDepth / firstMadeOn (through
 * confirmed repeat links) and isRepeatedUnmet. Every write that can change them
 * calls `refreshDerivedFacts` in its own transaction, for the recommendations it
 * touched; loaders call it once for everything.
 */

export async function refreshDerivedFacts(tx: TransactionClient, recommendationIds: number[] | 'all'): Promise<void> {
  const all = recommendationIds === 'all';
  const ids = all ? [] : [...new Set(recommendationIds)];
  if (!all && ids.length === 0) return;
  const only = (column: string) => (all ? 'true' : `${column} = ANY($1::int[])`);
  const params = all ? [] : [ids];

  await tx.$executeRawUnsafe(
    `UPDATE "Recommendation" r SET "latestAssessmentId" = latest.id, "latestVerdict" = latest.verdict, "latestVerdictAt" = latest."createdAt"
     FROM (
       SELECT rec.id AS "recommendationId", a.id, a.verdict, a."createdAt"
       FROM "Recommendation" rec
       LEFT JOIN LATERAL (
         SELECT id, verdict, "createdAt" FROM "Assessment" WHERE "recommendationId" = rec.id
         ORDER BY "assessedOn" DESC, id DESC LIMIT 1
       ) a ON true
       WHERE ${only('rec.id')}
     ) latest
     WHERE r.id = latest."recommendationId"
       AND r."latestAssessmentId" IS DISTINCT FROM latest.id`,
    ...params,
  );

  // Chains: from each root (no confirmed earlier link) down through confirmed links.
  // For a subset, start from the roots of their chains so descendants follow too.
  await tx.$executeRawUnsafe(
    `WITH RECURSIVE up AS (
       SELECT id, "repeatsId", "repeatConfirmed" FROM "Recommendation" WHERE ${only('id')}
       UNION
       SELECT p.id, p."repeatsId", p."repeatConfirmed" FROM "Recommendation" p
       JOIN up ON up."repeatConfirmed" AND p.id = up."repeatsId"
     ),
     chain AS (
       SELECT r.id, 0 AS depth, report."publishedOn" AS first
       FROM up JOIN "Recommendation" r ON r.id = up.id JOIN "Report" report ON report.id = r."reportId"
       WHERE NOT (up."repeatConfirmed" AND up."repeatsId" IS NOT NULL)
       UNION ALL
       SELECT c.id, chain.depth + 1, chain.first
       FROM "Recommendation" c JOIN chain ON c."repeatsId" = chain.id AND c."repeatConfirmed"
     )
     UPDATE "Recommendation" r SET "repeatDepth" = chain.depth, "firstMadeOn" = chain.first
     FROM chain
     WHERE r.id = chain.id
       AND (r."repeatDepth" IS DISTINCT FROM chain.depth OR r."firstMadeOn" IS DISTINCT FROM chain.first)`,
    ...params,
  );

  // Repeated and unmet (recommendation-rules.ts): a change to one recommendation's verdict
  // changes the answer for those that repeat it. The rule's SQL holds no parameters.
  await tx.$executeRawUnsafe(
    `UPDATE "Recommendation" r SET "isRepeatedUnmet" = x.value
     FROM (
       SELECT c.id, ${repeatedUnmetSql('c', 'p').text} AS value
       FROM "Recommendation" c LEFT JOIN "Recommendation" p ON p.id = c."repeatsId"
       WHERE ${all ? 'true' : `(c.id = ANY($1::int[]) OR c."repeatsId" = ANY($1::int[]))`}
     ) x
     WHERE r.id = x.id AND r."isRepeatedUnmet" IS DISTINCT FROM x.value`,
    ...params,
  );
}

/**
 * Organisation paths for the subtrees rooted at the given organisations, or all:
 * every ancestor's id, zero-padded so that sorting by path gives tree order.
 */
export async function refreshOrganisationPaths(tx: TransactionClient, rootIds: number[] | 'all'): Promise<void> {
  const all = rootIds === 'all';
  await tx.$executeRawUnsafe(
    `WITH RECURSIVE tree AS (
       SELECT o.id, coalesce(parent.path, '/') || lpad(o.id::text, 10, '0') || '/' AS path
       FROM "Organisation" o LEFT JOIN "Organisation" parent ON parent.id = o."parentId"
       WHERE ${all ? 'o."parentId" IS NULL' : 'o.id = ANY($1::int[])'}
       UNION ALL
       SELECT o.id, tree.path || lpad(o.id::text, 10, '0') || '/' FROM "Organisation" o JOIN tree ON o."parentId" = tree.id
     )
     UPDATE "Organisation" o SET path = tree.path FROM tree WHERE o.id = tree.id AND o.path <> tree.path`,
    ...(all ? [] : [rootIds]),
  );
}
