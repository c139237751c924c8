import { z } from 'zod';

/**
 * Global ids arrive decoded by the Relay plugin as { typename, id } (it also
 * checks the type); our records have whole-number ids. This schema, used with
 * `.validate(...)` on a globalID argument or input field, makes it a number.
 */
export const recordId = z
  .object({ typename: z.string(), id: z.union([z.string(), z.number()]) })
  .transform((value, context) => {
    const id = Number(value.id);
    if (!Number.isSafeInteger(id) || id <= 0) {
      context.addIssue({ code: 'custom', message: 'not a valid id' });
      return z.NEVER;
    }
    return id;
  });

export const recordIds = z.array(recordId);
