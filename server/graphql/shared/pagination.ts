import { z } from 'zod';
import { builder } from '../builder.ts';

/** The largest page any list returns; asking for more is an error, not a silent cut. */
export const MAX_PAGE_SIZE = 100;

export const SortDirection = builder.enumType('SortDirection', {
  description: 'Which way a list is sorted.',
  values: {
    ASC: { description: 'Smallest, earliest or A first.' },
    DESC: { description: 'Largest, latest or Z first.' },
  },
});

const pageSize = z
  .number()
  .int()
  .min(0, `must be between 0 and ${MAX_PAGE_SIZE}`)
  .max(MAX_PAGE_SIZE, `must be between 0 and ${MAX_PAGE_SIZE}`)
  .nullish();

/**
 * The page arguments of every list: checked whether or not rows are asked for
 * (a totalCount-only query must not slip past the page-size cap either).
 * `offset` is page-number access, for screens that show page numbers; it does
 * not mix with cursors.
 */
export const pageArguments = z
  .object({
    first: pageSize,
    last: pageSize,
    offset: z.number().int().min(0, 'must not be negative').nullish(),
    after: z.string().nullish(),
    before: z.string().nullish(),
  })
  .loose()
  .refine((args) => args.offset === null || args.offset === undefined || (!args.after && !args.before && (args.last === null || args.last === undefined)), {
    message: 'use offset with first only, not with cursors or last',
    path: ['offset'],
  });

/** Prisma's `skip` for a page: the offset when given, else what the cursor needs. */
export function pageSkip(args: { offset?: number | null }, querySkip: number): number {
  return args.offset ?? querySkip;
}

export const OFFSET_DESCRIPTION = `Rows to skip, for page-number access (with first only; at most ${MAX_PAGE_SIZE} rows a page).`;
