import { getNamedType, isLeafType, isListType, isNonNullType, type GraphQLField, type GraphQLOutputType } from 'graphql';
import { COST_BUDGET_MS } from '../config.ts';
import { tableStatistics, type Table } from '../db/table-statistics.ts';
import { LIMITS } from './limits.ts';

/**
 * What an operation costs, estimated before it runs, in microseconds of the server's and the
 * database's work: each object and value it would return, each list and lookup, and each count,
 * filter, sort and offset that makes the database read rows it does not return. The figures were
 * measured on the development machine (2 cores) on both databases, with the synthetic data at
 * 20,000 recommendations (npm run seed:synthetic), taking the slower database each time; the
 * rows of each table and the most children any record has come from the data itself
 * (db/table-statistics.ts), so a list is costed by what it can really hold.
 *
 * The limit is the budget: the most expensive operation it admits must be answered within
 * COST_BUDGET_MS (test/db/cost-budget.test.ts loads the synthetic data and checks it on both
 * databases). One operation therefore holds a turn for a bounded time, and the operation queue's
 * fairness (http/operation-queue.ts) does the rest.
 */
/** The limit configured: the budget, unless the server's configuration says otherwise (OPERATION_COST_LIMIT_MS). */
let limitMs = COST_BUDGET_MS;

export function setCostLimit(ms: number): void {
  limitMs = ms;
}

/**
 * The dashboard's figures read every recommendation in scope and every action item (open, overdue,
 * evidence to submit, by owner): at 20,000, 190 ms on PostgreSQL and 250 to 300 ms on the embedded
 * database, and with its lists up to 400 ms there. The app's heaviest page, whose cost grows with
 * the data: it sets the limit when it costs more than the budget (costLimit).
 */
function dashboardCost(): number {
  return 16 * tableStatistics().rows.Recommendation;
}

/** Room for what the app's dashboard asks besides its figures (its lists and charts). */
const DASHBOARD_PAGE_SHARE = 1.3;

/**
 * The most an operation may cost, in microseconds: the limit configured, or, past the scale the
 * model was calibrated at, what the app's own dashboard costs at the size the data has grown to,
 * so that it is always answered (past that scale the budget no longer holds for one operation;
 * each caller's share of turns still does: http/operation-queue.ts).
 */
export function costLimit(): number {
  return Math.max(limitMs * 1000, Math.ceil(DASHBOARD_PAGE_SHARE * dashboardCost()));
}

/** What an operation is estimated to cost (microseconds), and how deep and broad its selection is. */
export type OperationCost = { complexity: number; depth: number; breadth: number };

/** The most an operation may cost, and how deep and broad it may be: Pothos's complexity plugin refuses the rest (builder.ts). */
export function operationLimits(): OperationCost {
  return { complexity: costLimit(), depth: LIMITS.depth, breadth: LIMITS.breadth };
}

/** Whether an estimate is within every limit. */
export function withinLimits(cost: OperationCost): boolean {
  const limits = operationLimits();
  return cost.complexity <= limits.complexity && cost.depth <= limits.depth && cost.breadth <= limits.breadth;
}

/** Microseconds for each thing an answer is made of. */
const US = {
  /** A scalar or enum value. */
  value: 3,
  /** An object made from a row. */
  object: 15,
  /** One record looked up by its id, in a statement of its own or batched with others. */
  lookup: 500,
  /** A list under each of its parents: a lateral subquery the database runs for each parent. */
  nestedList: 150,
  /** A list from the root: planning and sending its statements. */
  rootList: 2_000,
  /** A mutation: its transaction, checks, writes and history. */
  mutation: 20_000,
  /** One recommendation inserted with its addressees, themes, repeat link and history. */
  insertedRecommendation: 3_000,
};

/** The share of the limit a preview of recommendations from a text or file is costed at. */
const INTAKE_SHARE = 0.5;
/** The recommendations a preview is costed as finding: a long report's. */
const INTAKE_ROWS = 60;

/** What a root list makes the database read besides its page, per row of its table. */
type ListCost = {
  table: Table;
  /** Counting the rows (totalCount): every list is costed as if it were asked for. */
  count: number;
  /** Each filter given adds this per row, to the count and to finding the page. */
  filters: Record<string, number>;
  /** Sorting by an order no index serves, per row ('*' for any order not named). */
  orders: Record<string, number>;
  /** Its default order, when no index serves it either. */
  defaultOrder?: number;
  /** Each row skipped with `offset`. */
  offset: number;
  /**
   * Filters an index narrows to one parent's rows: the list then reads at most the most children
   * a parent has (the product, through a chain of parents), not the table.
   */
  narrowedBy?: Record<string, string[]>;
};

/** The slowest filter of a kind decides its figure; '*' stands for the rest. */
const LISTS: Record<string, ListCost> = {
  'Query.recommendations': {
    table: 'Recommendation',
    count: 1.6,
    filters: { search: 2.5, unevidenced: 8.5, overdue: 1.2, themeIds: 0.5, responses: 0.5, ownerId: 0.5, '*': 0.3 },
    orders: { OWNER: 2.5, REPORT_PUBLISHED_ON: 2.5, FIRST_MADE_ON: 2.5, REPEAT_COUNT: 2.5, LATEST_VERDICT: 0.6, PRIORITY: 1.5, '*': 0.2 },
    offset: 0.8,
    narrowedBy: { reportId: ['Report.recommendations'] },
  },
  'Query.actionItems': {
    table: 'ActionItem',
    count: 0.15,
    filters: { search: 1.4, hasEvidence: 1.3, ownerId: 0.75, overdue: 0.45, '*': 0.2 },
    orders: { DUE_DATE: 0.05, '*': 0.45 },
    offset: 0.5,
    narrowedBy: { recommendationId: ['Recommendation.actionItems'], reportId: ['Report.recommendations', 'Recommendation.actionItems'] },
  },
  'Query.evidence': {
    table: 'Evidence',
    count: 0.12,
    filters: { search: 0.8, strengths: 0.5, submittedSince: 0.5, '*': 0.15 },
    orders: { '*': 0.5 },
    defaultOrder: 0.35,
    offset: 0.5,
    narrowedBy: { actionItemId: ['ActionItem.evidence'], recommendationId: ['Recommendation.actionItems', 'ActionItem.evidence'] },
  },
  'Query.history': {
    table: 'HistoryEvent',
    count: 0.5,
    filters: { kinds: 0.3, '*': 0.1 },
    orders: {},
    offset: 1.6,
    narrowedBy: { recommendationId: ['Recommendation.history'] },
  },
  'Query.reports': { table: 'Report', count: 3, filters: { '*': 3 }, orders: { '*': 3 }, offset: 2 },
  'Query.assessments': {
    table: 'Assessment',
    count: 0.3,
    filters: { '*': 0.3 },
    orders: {},
    offset: 0.5,
    narrowedBy: { recommendationId: ['Recommendation.assessments'], reportId: ['Report.assessments'] },
  },
  'Query.organisations': { table: 'Organisation', count: 5, filters: { '*': 5 }, orders: { '*': 5 }, offset: 5 },
  'Query.users': { table: 'User', count: 5, filters: { '*': 5 }, orders: {}, offset: 5 },
  'Query.themes': { table: 'Theme', count: 5, filters: { '*': 5 }, orders: {}, offset: 5 },
};

/**
 * Lists of many-to-many relations, which Prisma reads whole under each parent before taking the
 * page (it sorts by the far table): a page of one from a theme of 4,000 recommendations builds
 * all 4,000, with whatever is asked under them.
 */
const READ_WHOLE = new Set(['Theme.recommendations', 'Recommendation.themes', 'Report.followsUp', 'Report.followedUpBy']);

/** Lists under a record, and how many each parent may have when the data has not been measured. */
const NESTED_LISTS: Record<string, number> = {
  'Recommendation.actionItems': 100,
  'Recommendation.history': 100,
  'Report.recommendations': 100,
  'Theme.recommendations': 100,
  'ActionItem.evidence': 100,
  'Recommendation.addressees': 10,
  'Recommendation.themes': 10,
  'Recommendation.assessments': 10,
  'Recommendation.repeatedBy': 10,
  'Report.assessments': 100,
  'Report.followsUp': 10,
  'Report.followedUpBy': 10,
  'Organisation.children': 100,
};

/** The page a relay list returns when neither first nor last is given (Pothos's default). */
const DEFAULT_PAGE = 20;

type Args = Record<string, unknown>;
type Cost = { field: number; multiplier: number };

const given = (value: unknown) => value !== undefined && value !== null && !(Array.isArray(value) && value.length === 0);

function pageSize(args: Args, fallback: number): number {
  const asked = [args.first, args.last].find((value): value is number => typeof value === 'number');
  return Math.max(0, asked ?? fallback);
}

function rootList(list: ListCost, args: Args): Cost {
  const statistics = tableStatistics();
  const filter = (args.filter ?? {}) as Args;
  const narrowed = Object.entries(list.narrowedBy ?? {})
    .filter(([name]) => given(filter[name]))
    .map(([, chain]) => chain.reduce((product, key) => product * Math.max(1, statistics.mostChildren[key] ?? NESTED_LISTS[key] ?? 100), 1));
  const rows = Math.min(statistics.rows[list.table], ...narrowed);
  const filtering = Object.entries(filter)
    .filter(([name, value]) => given(value) && name !== 'includeDescendants')
    .reduce((sum, [name]) => sum + (list.filters[name] ?? list.filters['*'] ?? 0), 0) + (given(args.search) ? (list.filters['*'] ?? 0) : 0);
  const order = (args.orderBy as { field?: string } | undefined)?.field;
  const sorting = order ? (list.orders[order] ?? list.orders['*'] ?? 0) : (list.defaultOrder ?? 0);
  // The page asked for, however few rows there are now: the tables are measured every few minutes.
  const page = pageSize(args, DEFAULT_PAGE);
  const skipped = Math.min(typeof args.offset === 'number' ? args.offset : 0, rows);
  const cost = US.rootList + rows * (list.count + filtering) + rows * (filtering + sorting) + skipped * list.offset + page * US.object;
  return { field: Math.ceil(cost), multiplier: page };
}

/**
 * The page a nested list returns when not asked for one: relay lists Pothos's default, evidence
 * its cap; the others have no pages and return every child.
 */
const UNASKED_PAGE: Record<string, number> = {
  'Recommendation.actionItems': DEFAULT_PAGE,
  'Recommendation.history': DEFAULT_PAGE,
  'Report.recommendations': DEFAULT_PAGE,
  'Theme.recommendations': DEFAULT_PAGE,
  'ActionItem.evidence': 100,
};

function nestedList(key: string, args: Args, unmeasured: number): Cost {
  // At least one child is taken as possible, so that what is asked under an empty list is costed.
  const most = Math.max(1, tableStatistics().mostChildren[key] ?? unmeasured);
  const paged = typeof args.first === 'number' || typeof args.last === 'number';
  const asked = paged ? pageSize(args, 0) : (UNASKED_PAGE[key] ?? Infinity);
  const read = READ_WHOLE.has(key) ? most : Math.min(asked, most);
  return { field: US.nestedList + read * US.object, multiplier: read };
}

function isList(type: GraphQLOutputType): boolean {
  return isListType(isNonNullType(type) ? type.ofType : type);
}

/** The cost of one field and the multiplier for what is selected under it (Pothos's complexity plugin). */
export function fieldCost(args: Args, _context: unknown, field: Pick<GraphQLField<unknown, never>, 'name' | 'type' | 'extensions'>): Cost {
  const parent = (field.extensions as { pothosConfig?: { parentType?: string } }).pothosConfig?.parentType ?? '';
  const key = `${parent}.${field.name}`;
  const named = getNamedType(field.type);
  const rows = tableStatistics().rows;

  switch (key) {
    case 'Mutation.previewRecommendationIntake':
      // Reading a file (up to seconds for a long PDF, in the server's own thread) and ranking each
      // recommendation found: heavy, so it takes the heavy operations' share of turns
      // (http/operation-queue.ts), and one operation holds one.
      return { field: Math.ceil(INTAKE_SHARE * costLimit()), multiplier: 1 };
    case 'Mutation.addRecommendations': {
      // Each recommendation's rows, links and history, in one transaction.
      const count = Array.isArray((args.input as Args | undefined)?.recommendations) ? ((args.input as Args).recommendations as unknown[]).length : 1;
      return { field: US.mutation + count * US.insertedRecommendation, multiplier: count };
    }
    case 'RecommendationIntakePreview.rows':
      return { field: US.nestedList + INTAKE_ROWS * US.object, multiplier: INTAKE_ROWS };
    case 'Query.intakeRepeatCandidates':
      // One row of a preview ranked as repeatCandidates ranks a saved recommendation's (below).
      return { field: 2 * rows.Recommendation + 5 * 1_300, multiplier: 5 };
  }
  if (parent === 'Mutation') return { field: US.mutation, multiplier: 1 };
  const list = LISTS[key];
  if (list) return rootList(list, args);
  const unmeasured = NESTED_LISTS[key];
  if (unmeasured !== undefined) return nestedList(key, args, unmeasured);

  switch (key) {
    case 'Query.dashboard':
      return { field: dashboardCost(), multiplier: 1 };
    case 'Dashboard.byOwner':
    case 'Dashboard.progressByReport':
    case 'Dashboard.stale':
    case 'Dashboard.overdueActionItems':
      // As many as the dashboard is asked for (listSize, at most 100).
      return { field: 100 * US.object, multiplier: 100 };
    case 'Query.repeatCandidates': {
      // The nearest texts by index, passing over those of later reports (up to 90 ms for fifty on
      // the embedded database at 20,000), then each candidate's similarity (over a millisecond each).
      const page = pageSize(args, 10);
      return { field: 2 * rows.Recommendation + page * 1_300, multiplier: page };
    }
    case 'Query.nodes': {
      const ids = Array.isArray(args.ids) ? args.ids.length : 1;
      return { field: ids * US.lookup, multiplier: ids };
    }
    case 'Query.apiTokens':
      return { field: US.rootList + 500 * US.object, multiplier: 500 };
    case 'Recommendation.lineage': {
      // A recursive walk of the chain for each recommendation, then its members.
      const members = tableStatistics().mostChildren[key] ?? 10;
      return { field: 600 + members * US.object, multiplier: members };
    }
    case 'Report.progress':
      return { field: 500, multiplier: 1 };
    case 'Recommendation.actionItemCount':
      return { field: 50, multiplier: 1 };
  }
  // Paging structure: the connection field counted its page already.
  if (/Connection$/.test(parent) && field.name === 'edges') return { field: 0, multiplier: 1 };
  if (/Edge$/.test(parent) && field.name === 'node') return { field: 0, multiplier: 1 };
  if (isLeafType(named)) return { field: US.value, multiplier: 1 };
  if (parent === 'Query') return { field: US.lookup, multiplier: 1 };
  if (isList(field.type)) return { field: US.nestedList + 10 * US.object, multiplier: 10 };
  return { field: US.object, multiplier: 1 };
}
