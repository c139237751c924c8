import { z } from 'zod';
import { badUserInput } from '../../errors.ts';

/**
 * Ids in the API are Relay global ids: base64 of "Type:123". Arguments and
 * input fields take them as ID and validate them here, so resolvers receive
 * the record's number, and an id of the wrong type or a malformed one is a
 * BAD_USER_INPUT naming the field. `node` and `nodes` read them with the same
 * rule (builder.ts), so no path hands the database a number it cannot hold.
 */

/** The largest record number: the id columns are PostgreSQL integers. */
export const MAX_RECORD_ID = 2_147_483_647;

/** The type and record number a global id names, or null when it is not one the API gave out. */
export function parseGlobalId(value: string): { type: string; id: number } | null {
  const decoded = Buffer.from(value, 'base64').toString('utf8');
  const match = /^([A-Za-z]+):([1-9]\d{0,9})$/.exec(decoded);
  // Base64 of its own decoding (padding aside): no stray characters smuggled past the decoder.
  if (!match || Buffer.from(decoded, 'utf8').toString('base64').replace(/=+$/, '') !== value.replace(/=+$/, '')) return null;
  const id = Number(match[2]);
  return id <= MAX_RECORD_ID ? { type: match[1]!, id } : null;
}

/** The types `node` can answer, told by schema.ts once the schema is built. */
let nodeTypes: ReadonlySet<string> = new Set();

export function knowNodeTypes(names: Iterable<string>): void {
  nodeTypes = new Set(names);
}

/**
 * The global id of a record, as the relay plugin writes it: base64 of "Type:123". A type name and
 * a number are ASCII, which `btoa` takes; a `Buffer` per id (the plugin's own way) took four times
 * as long, and a drill-down answers about 500 ids. Every record's id is an integer; a text id
 * would need the `Buffer` again (`btoa` refuses, or encodes differently, beyond ASCII).
 */
export function encodeNodeId(typename: string, id: string | number | bigint): string {
  if (typeof id === 'string' && !/^\d+$/.test(id)) throw new TypeError(`${typename} ids are integers, not ${JSON.stringify(id)}`);
  return btoa(`${typename}:${id}`);
}

/** For the relay plugin's `node` and `nodes`: a malformed id, or one of no such type, is the caller's mistake, said so. */
export function decodeNodeId(globalId: string): { typename: string; id: string } {
  const parsed = parseGlobalId(globalId);
  if (!parsed || !nodeTypes.has(parsed.type)) throw badUserInput(`Not a valid id: ${JSON.stringify(globalId.slice(0, 100))}`);
  return { typename: parsed.type, id: String(parsed.id) };
}

export function globalIdOf(...types: [string, ...string[]]) {
  return z.union([z.string(), z.number()]).transform((value, context) => {
    const parsed = parseGlobalId(String(value));
    if (!parsed) {
      context.addIssue({ code: 'custom', message: 'not a valid id' });
      return z.NEVER;
    }
    if (!types.includes(parsed.type)) {
      context.addIssue({ code: 'custom', message: `must be the id of a ${types.join(' or ')}, not of a ${parsed.type}` });
      return z.NEVER;
    }
    return parsed.id;
  });
}

export function globalIdsOf(...types: [string, ...string[]]) {
  return z.array(globalIdOf(...types));
}
