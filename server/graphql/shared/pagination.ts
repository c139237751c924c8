import { builder } from '../builder.ts';
import { badField } from '../../errors.ts';

/** The largest page any list returns; asking for more is an error, not a silent cut. */
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 25;

export const SortDirection = builder.enumType('SortDirection', {
  description: 'Which way a list is sorted.',
  values: {
    ASC: { description: 'Smallest, earliest or A first.' },
    DESC: { description: 'Largest, latest or Z first.' },
  },
});

type PageArgs = { first?: number | null; last?: number | null; after?: string | null; before?: string | null; offset?: number | null };

/**
 * Checks the page arguments and turns `offset` (page-number access, for screens
 * that show page numbers) into Prisma's `skip`. Cursor arguments are handled by
 * the Prisma plugin; the two kinds do not mix.
 */
export function pageSkip(args: PageArgs, querySkip: number): number {
  for (const name of ['first', 'last'] as const) {
    const value = args[name];
    if (value !== null && value !== undefined && (value < 0 || value > MAX_PAGE_SIZE)) {
      throw badField([name], `must be between 0 and ${MAX_PAGE_SIZE}`);
    }
  }
  if (args.offset === null || args.offset === undefined) return querySkip;
  if (args.offset < 0) throw badField(['offset'], 'must not be negative');
  if (args.after || args.before || (args.last !== null && args.last !== undefined)) {
    throw badField(['offset'], 'use offset with first only, not with cursors or last');
  }
  return args.offset;
}

export const OFFSET_DESCRIPTION = `Rows to skip, for page-number access (with first only; at most ${MAX_PAGE_SIZE} rows a page).`;
