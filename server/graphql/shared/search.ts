import { z } from 'zod';

/**
 * Text a person searches for, matched literally and ignoring case. Prisma hands `contains` (and
 * case-insensitive `equals`) to PostgreSQL's ILIKE as it is, where % and _ are wildcards and \
 * escapes: "100%" would match everything, and a trailing backslash is an error. They are escaped.
 */
export const SEARCH_MAX = 200;

export const searchText = z
  .string()
  .trim()
  .max(SEARCH_MAX, `must be at most ${SEARCH_MAX} characters`)
  .transform((value) => (value === '' ? null : value))
  .nullish();

function literal(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

/** A column that holds the text somewhere. */
export function containsText(text: string) {
  return { contains: literal(text), mode: 'insensitive' as const };
}

/** A column that is the text, ignoring case. */
export function equalsText(text: string) {
  return { equals: literal(text), mode: 'insensitive' as const };
}
