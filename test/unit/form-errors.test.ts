import { describe, expect, it } from 'vitest';
import { fieldName, isConflict, toHttpError } from '../../admin/src/providers/errors.ts';

/** How the admin app turns the API's errors into what each form is told (issue 17, item 1). */
describe('server errors on forms', () => {
  it('names the form’s own field, whatever wrapper the server’s path starts with', () => {
    expect(fieldName(['changes', 'dueDateReason'])).toBe('dueDateReason');
    expect(fieldName(['changes', 'targetDateReason'])).toBe('targetDateReason');
    expect(fieldName(['input', 'dueDate'])).toBe('dueDate');
    expect(fieldName(['input', 'recommendations', 0, 'text'])).toBe('recommendations.0.text');
    expect(fieldName(['ownerId'])).toBe('ownerId');
    // The files given go on the form's one file input, whichever of them was refused.
    expect(fieldName(['input', 'files', 1])).toBe('newFiles');
  });

  it('puts field errors on their fields and says what to fix in words', () => {
    const error = toHttpError({
      message: 'changes.targetDateReason: give the reason the target date moves',
      extensions: { code: 'BAD_USER_INPUT', fields: [{ path: ['changes', 'targetDateReason'], message: 'give the reason the target date moves' }] },
    }, 200);
    expect(error.status).toBe(400);
    expect(error.body.errors).toEqual({
      targetDateReason: 'give the reason the target date moves',
      root: { serverError: 'Not saved: give the reason the target date moves.' },
    });
  });

  it('tells a person the reasons without the API’s field paths', () => {
    const error = toHttpError({
      message: 'role: this is the last active administrator',
      extensions: { code: 'BAD_USER_INPUT', fields: [{ path: ['role'], message: 'this is the last active administrator' }] },
    }, 200);
    expect(error.message).toBe('This is the last active administrator.');
    const two = toHttpError({
      message: 'a: the expiry date must be in the future',
      extensions: { code: 'BAD_USER_INPUT', fields: [{ path: ['expiresAt'], message: 'the expiry date must be in the future' }, { path: ['name'], message: 'give a name.' }] },
    }, 200);
    expect(two.message).toBe('The expiry date must be in the future; give a name.');
  });

  it('tells a stale version from a refusal by the rules', () => {
    const stale = toHttpError({ message: 'The action item has been changed by someone else', extensions: { code: 'CONFLICT', stale: true } }, 200);
    expect(isConflict(stale)).toBe(true);
    expect(stale.body.errors.root.conflict).toMatch(/Someone else changed this record/);
    const rule = toHttpError({ message: 'The action item has evidence, which is never deleted.', extensions: { code: 'CONFLICT' } }, 200);
    expect(isConflict(rule)).toBe(false);
    expect(rule.message).toBe('The action item has evidence, which is never deleted.');
  });

  it('hands the form the warnings to confirm, by their codes', () => {
    const error = toHttpError({
      message: 'Confirm to save: The due date, 1 Feb 2025, is already past.',
      extensions: { code: 'BAD_USER_INPUT', fields: [], warnings: [{ warning: 'DUE_DATE_PAST', message: 'The due date, 1 Feb 2025, is already past.' }] },
    }, 200);
    expect(error.body.errors.root.warnings).toEqual({ DUE_DATE_PAST: 'The due date, 1 Feb 2025, is already past.' });
  });
});
