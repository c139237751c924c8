import { z } from 'zod';
import { builder } from '../builder.ts';
import { MAX_RECORD_ID } from './ids.ts';

/** The largest page any list returns; asking for more is an error, not a silent cut. */
export const MAX_PAGE_SIZE = 100;

export const SortDirection = builder.enumType('SortDirection', {
  description: 'Which way a list is sorted.',
  values: {
    ASC: { description: 'Smallest, earliest or A first.' },
    DESC: { description: 'Largest, latest or Z first.' },
  },
});

export const pageSize = z
  .number()
  .int()
  .min(0, `must be between 0 and ${MAX_PAGE_SIZE}`)
  .max(MAX_PAGE_SIZE, `must be between 0 and ${MAX_PAGE_SIZE}`)
  .nullish();

/**
 * A cursor this API gave out: every list is ordered by record number last, and Pothos writes its
 * cursor as base64 of "GPC:N:<number>". A forged one (another type, a number past the id
 * column's range) would reach the database and fail there.
 */
function isListCursor(value: string): boolean {
  const decoded = Buffer.from(value, 'base64').toString('utf8');
  const match = /^GPC:N:(\d{1,10})$/.exec(decoded);
  return Boolean(match) && Number(match![1]) <= MAX_RECORD_ID && Buffer.from(decoded).toString('base64') === value;
}

const cursor = z.string().refine(isListCursor, 'not a cursor this list gave out').nullish();

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
    offset: z.number().int().min(0, 'must not be negative').max(MAX_RECORD_ID, 'is past the end of any list').nullish(),
    after: cursor,
    before: cursor,
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
