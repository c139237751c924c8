import { inTransaction, prisma } from '../../server/db/client.ts';
import { refreshDerivedFacts, refreshOrganisationPaths } from '../../server/domain/derived-facts.ts';

const tables = [
  'Organisation', 'Report', 'Recommendation', 'RecommendationAddressee', 'Assessment', 'ActionItem',
  'Evidence', 'Theme', 'HistoryEvent', 'User', '_RecommendationToTheme', '_ReportFollowUp',
] as const;

export async function tableCounts(): Promise<Record<string, number>> {
  const [row] = await prisma.$queryRawUnsafe<Record<string, number>[]>(
    `SELECT ${tables.map((table) => `(SELECT count(*) FROM "${table}")::int AS "${table}"`).join(', ')}`,
  );
  return row!;
}

/**
 * Rules the data must keep whatever loaded it; each query returns the rows
 * that break one, so a failure shows what is wrong.
 */
const rules: Record<string, string> = {
  'a repeat link points to a recommendation of a strictly earlier report': `
    SELECT r.id FROM "Recommendation" r
    JOIN "Recommendation" e ON e.id = r."repeatsId"
    JOIN "Report" rr ON rr.id = r."reportId" JOIN "Report" er ON er.id = e."reportId"
    WHERE er."publishedOn" >= rr."publishedOn"`,
  'a report follows up only earlier reports': `
    SELECT f."B" FROM "_ReportFollowUp" f
    JOIN "Report" earlier ON earlier.id = f."A" JOIN "Report" later ON later.id = f."B"
    WHERE earlier."publishedOn" >= later."publishedOn"`,
  'every recommendation is addressed to its owner': `
    SELECT r.id FROM "Recommendation" r
    WHERE NOT EXISTS (SELECT 1 FROM "RecommendationAddressee" a WHERE a."recommendationId" = r.id AND a."organisationId" = r."ownerId")`,
  'every report publishes through an inspectorate': `
    SELECT r.id FROM "Report" r JOIN "Organisation" o ON o.id = r."inspectorateId" WHERE o.kind <> 'INSPECTORATE'`,
  'every history event names a record that exists, or whose deletion is recorded': `
    SELECT h.id FROM "HistoryEvent" h
    WHERE NOT EXISTS (SELECT 1 FROM "HistoryEvent" d WHERE d.kind = 'DELETED' AND d.subject = h.subject AND d."subjectId" = h."subjectId")
    AND NOT CASE h.subject
      WHEN 'REPORT' THEN EXISTS (SELECT 1 FROM "Report" x WHERE x.id = h."subjectId")
      WHEN 'RECOMMENDATION' THEN EXISTS (SELECT 1 FROM "Recommendation" x WHERE x.id = h."subjectId")
      WHEN 'ACTION_ITEM' THEN EXISTS (SELECT 1 FROM "ActionItem" x WHERE x.id = h."subjectId")
      WHEN 'EVIDENCE' THEN EXISTS (SELECT 1 FROM "Evidence" x WHERE x.id = h."subjectId")
      WHEN 'ASSESSMENT' THEN EXISTS (SELECT 1 FROM "Assessment" x WHERE x.id = h."subjectId")
      ELSE true END`,
  'a change to an account names it (the user, or the token’s owner), and no other change names one': `
    SELECT h.id FROM "HistoryEvent" h LEFT JOIN "ApiToken" t ON h.subject = 'API_TOKEN' AND t.id = h."subjectId"
    WHERE h."accountId" IS DISTINCT FROM CASE h.subject WHEN 'USER' THEN h."subjectId" WHEN 'API_TOKEN' THEN t."userId" END`,
  'every event about an action item names the action': `
    SELECT id FROM "HistoryEvent" WHERE subject = 'ACTION_ITEM' AND "subjectName" IS NULL`,
  'evidence and action items of a recommendation carry its id in history': `
    SELECT h.id FROM "HistoryEvent" h
    LEFT JOIN "ActionItem" a ON h.subject = 'ACTION_ITEM' AND a.id = h."subjectId"
    LEFT JOIN "Evidence" e ON h.subject = 'EVIDENCE' AND e.id = h."subjectId"
    LEFT JOIN "ActionItem" ea ON ea.id = e."actionItemId"
    WHERE coalesce(a."recommendationId", ea."recommendationId", h."recommendationId") IS DISTINCT FROM h."recommendationId"`,
  'a completed action item has a completion date, and only then': `
    SELECT id FROM "ActionItem" WHERE (status = 'COMPLETED') <> ("completedOn" IS NOT NULL)`,
  'verified evidence names its verifier and time, unverified evidence neither': `
    SELECT id FROM "Evidence" WHERE (verification = 'UNVERIFIED') <> ("verifiedById" IS NULL AND "verifiedAt" IS NULL)`,
  'an assessment follows the report that made the recommendation': `
    SELECT a.id FROM "Assessment" a JOIN "Recommendation" r ON r.id = a."recommendationId"
    JOIN "Report" rr ON rr.id = r."reportId" WHERE a."assessedOn" < rr."publishedOn"`,
};

const derivedColumns = `id, "latestAssessmentId", "latestVerdict", "repeatDepth", "firstMadeOn", "isRepeatedUnmet"`;

/** Recomputes every derived fact inside a transaction that is rolled back, and reports differences. */
async function derivedFactsDrift(): Promise<string[]> {
  const stored = await prisma.$queryRawUnsafe<object[]>(`SELECT ${derivedColumns} FROM "Recommendation" ORDER BY id`);
  const paths = await prisma.$queryRawUnsafe<object[]>(`SELECT id, path FROM "Organisation" ORDER BY id`);
  const rollback = new Error('rollback');
  let drift: string[] = [];
  await inTransaction(async (tx) => {
    await refreshOrganisationPaths(tx, 'all');
    await refreshDerivedFacts(tx, 'all');
    const fresh = await tx.$queryRawUnsafe<object[]>(`SELECT ${derivedColumns} FROM "Recommendation" ORDER BY id`);
    const freshPaths = await tx.$queryRawUnsafe<object[]>(`SELECT id, path FROM "Organisation" ORDER BY id`);
    drift = [
      ...fresh.filter((row, i) => JSON.stringify(row) !== JSON.stringify(stored[i])).map((row) => `derived facts stale: ${JSON.stringify(row)}`),
      ...freshPaths.filter((row, i) => JSON.stringify(row) !== JSON.stringify(paths[i])).map((row) => `organisation path stale: ${JSON.stringify(row)}`),
    ].slice(0, 5);
    throw rollback;
  }).catch((error) => {
    if (error !== rollback) throw error;
  });
  return drift;
}

export async function consistencyProblems(): Promise<string[]> {
  const problems: string[] = await derivedFactsDrift();
  for (const [rule, sql] of Object.entries(rules)) {
    const rows = await prisma.$queryRawUnsafe<unknown[]>(`${sql} LIMIT 5`);
    if (rows.length) problems.push(`${rule}: ${JSON.stringify(rows)}`);
  }
  return problems;
}

/**
 * A fingerprint of every row that matters: counts, versions and change times.
 * Equal before and after a refused write means it changed nothing (so a table a write can
 * change belongs here, or a refused write to it would pass unseen).
 */
export async function databaseFingerprint(): Promise<string> {
  const [row] = await prisma.$queryRawUnsafe<Record<string, unknown>[]>(`SELECT
    (SELECT json_build_object('n', count(*), 'v', sum(version), 'u', max("updatedAt")) FROM "Recommendation") AS recommendations,
    (SELECT json_build_object('n', count(*), 'v', sum(version), 'u', max("updatedAt")) FROM "Report") AS reports,
    (SELECT json_build_object('n', count(*), 'v', sum(version), 'u', max("updatedAt")) FROM "ActionItem") AS "actionItems",
    (SELECT json_build_object('n', count(*), 'v', sum(version)) FROM "Evidence") AS evidence,
    (SELECT count(*)::int FROM "Assessment") AS assessments,
    (SELECT count(*)::int FROM "HistoryEvent") AS history,
    (SELECT json_agg(a ORDER BY a."recommendationId", a."organisationId") FROM "RecommendationAddressee" a) AS addressees,
    (SELECT count(*)::int FROM "_RecommendationToTheme") AS themes,
    (SELECT count(*)::int FROM "_ReportFollowUp") AS "followUps",
    (SELECT json_build_object('n', count(*), 'v', sum(version), 'u', max("updatedAt")) FROM "Organisation") AS organisations,
    (SELECT json_build_object('n', count(*), 'v', sum(version), 'digests', json_agg("digestFrequency" ORDER BY id)) FROM "User") AS users,
    (SELECT json_build_object('n', count(*), 'deleted', count("deletedAt")) FROM "Comment") AS comments,
    (SELECT json_build_object('n', count(*), 'read', count("readAt"), 'notified', count("notifiedAt")) FROM "Mention") AS mentions,
    (SELECT json_build_object('n', count(*), 'last', max(id)) FROM "EvidenceFile") AS "evidenceFiles",
    (SELECT count(*)::int FROM "EvidenceFileContent") AS "evidenceFileContents",
    (SELECT count(*)::int FROM "SentDigest") AS "sentDigests"`);
  return JSON.stringify(row);
}
