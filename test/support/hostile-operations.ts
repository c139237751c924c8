import { complexityFromQuery } from '@pothos/plugin-complexity';
import { prisma } from '../../server/db/client.ts';
import { costLimit } from '../../server/graphql/cost.ts';
import { schema } from '../../server/graphql/schema.ts';
import { globalId } from './graphql.ts';

/**
 * Hostile operations of every shape the schema allows: lists, counts, scans, sorts, offsets,
 * nesting, lookups and the dashboard, each grown by n until the cost limit would refuse one more
 * step (server/graphql/cost.ts). `variant` changes their search words and settings, so that no
 * two requests are the same and nothing kept in memory answers them. Used by the cost budget test
 * and by the hostile load (test/bench/hostile-load.ts).
 */
export type HostileFamily = { shape: (n: number, variant: number) => string; most: number };

export type HostileIds = { recommendations: number[]; themes: number[] };

export async function hostileIds(): Promise<HostileIds> {
  return {
    recommendations: (await prisma.recommendation.findMany({ select: { id: true }, orderBy: { id: 'asc' } })).map((row) => row.id),
    themes: (await prisma.theme.findMany({ select: { id: true } })).map((row) => row.id),
  };
}

const aliases = (n: number, body: (i: number) => string) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${body(i)}`).join(' ')} }`;

export const recommendationScalars =
  'id reference position text status statusChangedAt targetDate version createdAt updatedAt isOverdue isRepeatedUnmet repeatCount firstMadeOn yearsOpen latestVerdict reportedVsVerified daysSinceUpdate repeatConfirmed repeatSimilarity actionItemCount viewerCanEdit';

export function hostileFamilies(ids: HostileIds): Record<string, HostileFamily> {
  const pick = (type: 'Recommendation' | 'Theme', list: number[], i: number) => globalId(type, list[Math.abs(i) % list.length]!);
  const theme = (i: number) => pick('Theme', ids.themes, i);
  const recommendation = (i: number) => pick('Recommendation', ids.recommendations, i);
  return {
    'scanning filters and sorts, counted, under many aliases': {
      shape: (n, v) => aliases(n, (i) => `recommendations(first: 100, orderBy: { field: ${['OWNER', 'REPORT_PUBLISHED_ON', 'FIRST_MADE_ON'][i % 3]} }, filter: { ${[
        `search: "nowhere ${v}-${i}"`, 'unevidenced: true', `responses: [ACCEPTED], themeIds: ["${theme(v + i)}"]`, `overdue: true, search: "e${v}${i}"`][(v + i) % 4]} }) { totalCount edges { node { ${recommendationScalars} } } }`),
      most: 15,
    },
    'every field of a full page of recommendations': {
      shape: (n, v) => aliases(n, (i) => `recommendations(first: 100, offset: ${((v * 15 + i) * 100) % 19_000}) { totalCount edges { node { ${recommendationScalars} owner { name parent { name } } report { title inspectorate { name } } themes { name } addressees { response organisation { name } } latestAssessment { verdict commentary } } } }`),
      most: 15,
    },
    'plans and evidence under each recommendation': {
      shape: (n, v) => `{ recommendations(first: ${n}, offset: ${(v * 100) % 19_000}) { edges { node { id actionItems(first: 100) { totalCount edges { node { id description status dueDate owner { name } evidence(first: 100) { id summary strength verification submittedBy { name } } } } } } } } }`,
      most: 100,
    },
    'history under each recommendation': {
      shape: (n, v) => `{ recommendations(first: ${n}, offset: ${(v * 100) % 19_000}, orderBy: { field: UPDATED_AT }) { edges { node { id history(first: 100) { totalCount edges { node { id kind field fromValue toValue comment createdAt actor { name } } } } } } } }`,
      most: 100,
    },
    'lineage and repeats under each recommendation': {
      shape: (n, v) => `{ recommendations(first: ${n}, offset: ${(v * 100) % 2_900}, filter: { repeats: true }) { edges { node { id lineage { id reference text latestVerdict report { title } } repeatedBy { id reference } repeats { id reference } assessments { verdict } } } } }`,
      most: 100,
    },
    'reports with their recommendations and plans': {
      shape: (n, v) => `{ reports(first: ${n}, offset: ${(v * 20) % 950}) { edges { node { title progress { shareAchieved } recommendations(first: 100) { totalCount edges { node { id text actionItems(first: 100) { edges { node { id description } } } } } } } } } }`,
      most: 100,
    },
    'themes, which read all their recommendations': {
      shape: (n, v) => aliases(n, (i) => `theme(id: "${theme(v + i)}") { name recommendations(first: 100) { totalCount edges { node { id reference status owner { name } } } } }`),
      most: 15,
    },
    'searches of the big lists, deep in with offsets': {
      shape: (n, v) => aliases(n, (i) => [`history(first: 100, offset: ${30_000 + v * 15 + i}) { totalCount edges { node { id comment } } }`,
        `actionItems(first: 100, orderBy: { field: OWNER }, filter: { search: "nothing ${v}-${i}" }) { totalCount edges { node { id description } } }`,
        `evidence(first: 100, orderBy: { field: VERIFICATION }, filter: { strengths: [POLICY] }) { totalCount edges { node { id summary } } }`,
        `evidence(first: 100, filter: { search: "nothing ${v}-${i}" }) { totalCount edges { node { id summary } } }`][i % 4]!),
      most: 15,
    },
    'dashboards, each asked differently': {
      shape: (n, v) => aliases(n, (i) => `dashboard(staleDays: ${1 + ((v * 15 + i) % 3000)}, listSize: 100${(v + i) % 2 ? `, themeId: "${theme(v + i)}"` : ''}) { recommendationCount overdueRecommendationCount repeatedUnmetCount overdueActionItemCount staleCount byStatus { count } byOwner { total owner { name } } reportedVsVerified { count } progressByReport { report { title } progress { shareAchieved } } repeatedUnmet { id reference owner { name } report { title } } stale { id } overdueActionItems { id description owner { name } } }`),
      most: 15,
    },
    'repeat candidates for many recommendations': {
      shape: (n, v) => aliases(n, (i) => `repeatCandidates(recommendationId: "${recommendation((v * 15 + i) * 997)}", first: 50, minimumScore: 0) { score recommendation { id reference text report { title } } }`),
      most: 15,
    },
    'objects fetched by id': {
      shape: (n, v) => `{ nodes(ids: [${Array.from({ length: n }, (_, i) => `"${recommendation(v * 1000 + i * 13)}"`).join(', ')}]) { ... on Recommendation { id text lineage { id } owner { name } report { title } } } }`,
      most: 1000,
    },
  };
}

/** The estimated cost of an operation, as the server reckons it before running it. */
export function estimatedCost(query: string): number {
  return complexityFromQuery(query, { schema, ctx: {} }).complexity;
}

/** The largest n (up to the family's most) at which the family's operation is admitted; 0 when none is. */
export function largestAdmitted(family: HostileFamily, variant = 0): number {
  let [low, high] = [0, family.most];
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (estimatedCost(family.shape(middle, variant)) <= costLimit()) low = middle;
    else high = middle - 1;
  }
  return low;
}
