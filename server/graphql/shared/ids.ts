import { z } from 'zod';

/**
 * Ids in the API are Relay global ids: base64 of "Type:123". Arguments and
 * input fields take them as ID and validate them here, so resolvers receive
 * the record's number, and an id of the wrong type or a malformed one is a
 * BAD_USER_INPUT naming the field.
 */
export function globalIdOf(...types: [string, ...string[]]) {
  return z.union([z.string(), z.number()]).transform((value, context) => {
    const decoded = Buffer.from(String(value), 'base64').toString('utf8');
    const match = /^([A-Za-z]+):(\d{1,15})$/.exec(decoded);
    if (!match || Buffer.from(decoded, 'utf8').toString('base64') !== String(value).replace(/=+$/, '').padEnd(String(value).length, '=')) {
      context.addIssue({ code: 'custom', message: 'not a valid id' });
      return z.NEVER;
    }
    if (!types.includes(match[1]!)) {
      context.addIssue({ code: 'custom', message: `must be the id of a ${types.join(' or ')}, not of a ${match[1]}` });
      return z.NEVER;
    }
    return Number(match[2]);
  });
}

export function globalIdsOf(...types: [string, ...string[]]) {
  return z.array(globalIdOf(...types));
}
