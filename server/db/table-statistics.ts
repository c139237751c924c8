import { changeGeneration } from './change-feed.ts';
import { prisma } from './client.ts';

/**
 * How big the data is, for the cost model (graphql/cost.ts): the rows of each table a list can
 * count or scan, and the most children any one record has on each relation a query can follow.
 * An operation's cost is estimated before it runs, from these and the page sizes it asks for: a
 * page of 100 action items under each of 100 recommendations is 10,000 objects only if some
 * recommendation has that many.
 *
 * Measured at start, soon after the records change and every ten minutes, each in a statement of
 * its own; until the first
 * measurement, the sizes the model was calibrated at are assumed, and every page is taken as full.
 */
export type Table = 'Recommendation' | 'ActionItem' | 'Evidence' | 'HistoryEvent' | 'Report' | 'Assessment' | 'Organisation' | 'User' | 'Theme';

export type TableStatistics = {
  rows: Record<Table, number>;
  /** The most children one record has, by the GraphQL field that lists them ("Recommendation.actionItems"). */
  mostChildren: Partial<Record<string, number>>;
};

/** The synthetic data's sizes at 20,000 recommendations (npm run seed:synthetic): what the model was calibrated on. */
export const CALIBRATION_SCALE: TableStatistics = {
  rows: {
    Recommendation: 20_000, ActionItem: 100_000, Evidence: 200_000, HistoryEvent: 400_000,
    Report: 1_000, Assessment: 12_000, Organisation: 200, User: 200, Theme: 50,
  },
  mostChildren: {},
};

const TABLES = Object.keys(CALIBRATION_SCALE.rows) as Table[];

/** Per field, the children of each record, counted by their parent's key. */
const CHILDREN: Record<string, string> = {
  'Recommendation.actionItems': 'SELECT count(*) AS n FROM "ActionItem" GROUP BY "recommendationId"',
  'ActionItem.evidence': 'SELECT count(*) AS n FROM "Evidence" GROUP BY "actionItemId"',
  'Recommendation.history': 'SELECT count(*) AS n FROM "HistoryEvent" WHERE "recommendationId" IS NOT NULL GROUP BY "recommendationId"',
  'Report.recommendations': 'SELECT count(*) AS n FROM "Recommendation" GROUP BY "reportId"',
  'Recommendation.repeatedBy': 'SELECT count(*) AS n FROM "Recommendation" WHERE "repeatsId" IS NOT NULL GROUP BY "repeatsId"',
  'Recommendation.assessments': 'SELECT count(*) AS n FROM "Assessment" GROUP BY "recommendationId"',
  'Report.assessments': 'SELECT count(*) AS n FROM "Assessment" WHERE "reportId" IS NOT NULL GROUP BY "reportId"',
  'Recommendation.addressees': 'SELECT count(*) AS n FROM "RecommendationAddressee" GROUP BY "recommendationId"',
  // Prisma's table for an implicit many-to-many relation: A is the model first in the alphabet.
  'Recommendation.themes': 'SELECT count(*) AS n FROM "_RecommendationToTheme" GROUP BY "A"',
  'Theme.recommendations': 'SELECT count(*) AS n FROM "_RecommendationToTheme" GROUP BY "B"',
  'Report.followsUp': 'SELECT count(*) AS n FROM "_ReportFollowUp" GROUP BY "A" UNION ALL SELECT count(*) FROM "_ReportFollowUp" GROUP BY "B"',
  'Report.followedUpBy': 'SELECT count(*) AS n FROM "_ReportFollowUp" GROUP BY "A" UNION ALL SELECT count(*) FROM "_ReportFollowUp" GROUP BY "B"',
  'Organisation.children': 'SELECT count(*) AS n FROM "Organisation" WHERE "parentId" IS NOT NULL GROUP BY "parentId"',
  // A chain of repeats, from its first recommendation down through every later one.
  'Recommendation.lineage': `WITH RECURSIVE chain AS (
      SELECT id AS root, id FROM "Recommendation" WHERE "repeatsId" IS NULL AND EXISTS (SELECT 1 FROM "Recommendation" later WHERE later."repeatsId" = "Recommendation".id)
      UNION ALL SELECT chain.root, r.id FROM "Recommendation" r JOIN chain ON r."repeatsId" = chain.id
    ) SELECT count(*) AS n FROM chain GROUP BY root`,
};

let current: TableStatistics = CALIBRATION_SCALE;

export function tableStatistics(): TableStatistics {
  return current;
}

/** Measures the data as it is now; a statement that fails keeps the last value. */
export async function measureTableStatistics(): Promise<TableStatistics> {
  const rows = { ...current.rows };
  for (const table of TABLES) {
    const [counted] = await prisma.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM "${table}"`);
    rows[table] = counted?.n ?? rows[table];
  }
  const mostChildren: TableStatistics['mostChildren'] = {};
  for (const [field, grouped] of Object.entries(CHILDREN)) {
    const [most] = await prisma.$queryRawUnsafe<{ most: number }[]>(`SELECT coalesce(max(n), 0)::int AS most FROM (${grouped}) counts`);
    mostChildren[field] = most?.most ?? 0;
  }
  current = { rows, mostChildren };
  return current;
}

/** Measured again this soon after the records change (a load of reports), and this often in any case. */
const AFTER_CHANGES_MS = 2 * 60_000;
const AT_LEAST_EVERY_MS = 10 * 60_000;

/**
 * Measures again two minutes after the records change, and every ten minutes in any case, after
 * the first measurement at start; returns how to stop.
 */
export function followTableStatistics(onFailure: (error: unknown) => void): () => void {
  let measuredAt = Date.now();
  let measuredGeneration = changeGeneration();
  let measuring = false;
  const timer = setInterval(() => {
    const now = Date.now();
    const generation = changeGeneration();
    const changed = generation === null || generation !== measuredGeneration;
    if (measuring || now - measuredAt < (changed ? AFTER_CHANGES_MS : AT_LEAST_EVERY_MS)) return;
    measuring = true;
    measureTableStatistics()
      .then(() => {
        measuredAt = now;
        measuredGeneration = generation;
      }, onFailure)
      .finally(() => (measuring = false));
  }, 30_000);
  timer.unref();
  return () => clearInterval(timer);
}

/** Back to the assumed sizes (tests). */
export function assumeCalibrationScale(): void {
  current = CALIBRATION_SCALE;
}
