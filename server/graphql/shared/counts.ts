import { cachedRead } from '../../db/read-cache.ts';

/** What a count reads through: the model's Prisma delegate. */
export type Counting = {
  count(args: { where: object }): Promise<number>;
  groupBy(args: { by: [string]; where: object; _count: { _all: true } }): Promise<Record<string, unknown>[]>;
};

/**
 * A list's totalCount: counting reads every matching row, so the answer is kept
 * in memory until the records change (read-cache.ts). `where` is the whole of
 * what is counted; a filter on today's date carries that date in it.
 *
 * A list people narrow by choosing any of a column's values (recommendations by status) names
 * that column (`countedByValuesOf` in list.ts). Its count is then the sum of the counts per value
 * over the rest of the filter: one grouped read, kept for every choice of values. Every write
 * announces a change, and each kept count is read again the next time it is asked: with one
 * count per choice, a few status updates a second had every choice asked for (fifteen, for four
 * statuses) counted again after each, and at 200,000 recommendations that recounting took more
 * than the database's whole time. The price: a single narrow choice (evidence chosen as
 * UNVERIFIED) reads every row of the rest once per change, not only its own. The column must be
 * an enum, text or number, whose values compare equal to the filter's.
 */
export function countOf(model: string, where: object, counting: Counting, countedByValuesOf?: string): Promise<number> {
  const choice = countedByValuesOf === undefined ? null : chosenValues(where, countedByValuesOf);
  if (!choice) return cachedRead(`count ${model} ${JSON.stringify(where)}`, () => counting.count({ where }));
  const column = countedByValuesOf!;
  const perValue = cachedRead(`count ${model} by ${column} ${JSON.stringify(choice.rest)}`, async () => {
    const groups = await counting.groupBy({ by: [column], where: choice.rest, _count: { _all: true } });
    return new Map(groups.map((group) => [group[column], (group._count as { _all: number })._all]));
  });
  return perValue.then((counts) => {
    let total = 0;
    for (const [value, count] of counts) if (!choice.values || choice.values.has(value)) total += count;
    return total;
  });
}

/**
 * Splits a filter into the values of `column` it chooses among (null: any value) and the rest,
 * when it is a conjunction with at most one `{ column: { in: [...] } }`: the rest's rows, counted
 * per value of the column, give the count for any choice, whatever else the rest says. Any other
 * shape is counted as it is.
 */
function chosenValues(where: object, column: string): { values: Set<unknown> | null; rest: object } | null {
  const keys = Object.keys(where);
  if (keys.length === 0) return { values: null, rest: where };
  const conjuncts = (where as { AND?: unknown }).AND;
  if (keys.length !== 1 || !Array.isArray(conjuncts)) return null;
  const choices = conjuncts.filter((conjunct) => isChoiceOf(conjunct, column)) as Record<string, { in: unknown[] }>[];
  if (choices.length > 1) return null;
  const rest = conjuncts.filter((conjunct) => !isChoiceOf(conjunct, column));
  // No condition left is no filter: one kept answer with the list asked for unfiltered.
  return { values: choices.length ? new Set(choices[0]![column]!.in) : null, rest: rest.length ? { AND: rest } : {} };
}

function isChoiceOf(conjunct: unknown, column: string): boolean {
  if (typeof conjunct !== 'object' || conjunct === null || Object.keys(conjunct).length !== 1) return false;
  const condition = (conjunct as Record<string, unknown>)[column];
  return typeof condition === 'object' && condition !== null && Object.keys(condition).length === 1 && Array.isArray((condition as { in?: unknown }).in);
}
