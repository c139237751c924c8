import { prisma } from '../../db/client.ts';
import type { Context } from '../context.ts';
import { countOf, type Counting } from './counts.ts';
import { pageArguments, pageSkip } from './pagination.ts';

/** The models a root list reads, by their Prisma client property. */
type ListModel = 'recommendation' | 'actionItem' | 'evidence' | 'report' | 'assessment' | 'historyEvent' | 'organisation' | 'user' | 'theme';
type Delegate = Counting & { findMany(args: object): Promise<unknown[]> };

/**
 * The one shape of every root list: paged by first/after/last/before or by offset, the page checked
 * the same way, filtered and sorted by the list's own rules, with a totalCount of every row the
 * filter matches (kept until the records change: shared/counts.ts). A list gives only its model,
 * which rows (for whom) and in what order; Pothos's prismaConnection does the rest.
 */
export function listShape<Which extends object, Order extends object>(
  model: ListModel,
  rules: {
    where(args: Which, context: Context): object;
    orderBy(args: Order): object | object[];
    /** The column people choose any of several values of (a status), counted per value (shared/counts.ts). */
    countedByValuesOf?: string;
  },
) {
  type Args = Which & Order & { offset?: number | null };
  const delegate = () => (prisma as unknown as Record<ListModel, Delegate>)[model];
  return {
    validate: pageArguments,
    cursor: 'id' as const,
    totalCount: (_parent: unknown, args: Args, context: Context) =>
      countOf(model, rules.where(args, context), delegate(), rules.countedByValuesOf),
    resolve: (query: { skip: number }, _parent: unknown, args: Args, context: Context) =>
      // The rows are the list's model: Pothos types them from `type`, which this shape does not know.
      delegate().findMany({ ...query, skip: pageSkip(args, query.skip), where: rules.where(args, context), orderBy: rules.orderBy(args) }) as Promise<never[]>,
  };
}
