import { unconfirmedWarnings } from '../errors.ts';

/**
 * Changes the product lets through but questions first: a person is shown the warning, and
 * if they save anyway, history keeps the warning beside the change (`confirmedWarning`).
 * A caller asks to be warned by sending the list of warnings it confirms (empty at first);
 * a caller that sends no list (a script loading an old plan, say) is not asked.
 */
export const WARNING_MEANINGS = {
  DUE_DATE_PAST: 'The due date given is already past.',
  IMPLEMENTED_WITHOUT_EVIDENCE: 'The owner claims "implemented" while no evidence backs the plan and an action is blocked or overdue.',
} as const;

export type Warning = keyof typeof WARNING_MEANINGS;
export const WARNINGS = Object.keys(WARNING_MEANINGS) as Warning[];

/** A warning that applies to this change, in the words the person is shown. */
export type RaisedWarning = { warning: Warning; message: string };

/**
 * Lets the change through when the caller did not ask to be warned, or confirmed every warning
 * that applies; refuses it otherwise, naming the warnings. Returns what history keeps: the
 * warnings' words, or null when none applied.
 */
export function settleWarnings(raised: RaisedWarning[], confirmed: readonly Warning[] | null | undefined): string | null {
  if (raised.length === 0) return null;
  if (confirmed) {
    const unconfirmed = raised.filter((item) => !confirmed.includes(item.warning));
    if (unconfirmed.length > 0) {
      throw unconfirmedWarnings(unconfirmed);
    }
    return raised.map((item) => item.message).join(' ');
  }
  return null;
}
