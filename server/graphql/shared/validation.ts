import { z } from 'zod';

/** Text a person types: trimmed, not empty, and of a sensible length. */
export const requiredText = (max: number) =>
  z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

/** Optional text: omitted leaves it as it is, null or blank clears it. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .transform((value) => (value === '' ? null : value))
    .nullish();

export const webAddress = z
  .url({ protocol: /^https?$/, error: 'must be a web address starting with http:// or https://' })
  .max(2000, 'must be at most 2000 characters')
  .nullish();

/** A file's bytes as base64 (line breaks allowed, as some encoders write them). */
export const base64Content = z.string().regex(/^[A-Za-z0-9+/\r\n]*={0,2}\s*$/, 'must be base64');

export const REFERENCE_MAX = 40;
export const TITLE_MAX = 500;
export const TEXT_MAX = 10_000;
export const COMMENT_MAX = 4_000;
export const NAME_MAX = 200;
