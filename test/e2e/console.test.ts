import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useAdminApp } from './support/admin-app.ts';
import { apiSession, demoUsers, recommendationId, signIn, type User } from './support/session.ts';

/**
 * What the admin app writes to the browser's console as people work: nothing. A warning there is a
 * fault someone left for the next person to trip on (react-admin's about a dialog's stale record was one).
 */

const app = useAdminApp();
const TIMEOUT = 180_000;

async function signedIn(user: User) {
  const browser = await app.browser();
  await signIn(browser.page, app.url, user, 'menu');
  return browser;
}

/** Opens the dialog behind the button, waits for its form, and closes it unsaved. */
async function openAndCancel(page: Page, button: string | RegExp) {
  await page.getByRole('button', { name: button }).first().click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Cancel' }).waitFor();
  await page.waitForTimeout(300);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await dialog.waitFor({ state: 'detached' });
}

describe('the browser console', () => {
  it('stays quiet while the record dialogs open and close, each picking its own write', async () => {
    const post = await apiSession(app.url, demoUsers.hmppsLeader);
    const id = await recommendationId(post, 'R4', '2023');

    const inspector = await signedIn(demoUsers.inspector);
    await inspector.page.goto(app.showPage('recommendations', id));
    for (const button of [/^(Mark as priority|Remove priority)$/, /^(Mark internal|Internal: show publicly)$/]) await openAndCancel(inspector.page, button);

    const leader = await signedIn(demoUsers.hmppsLeader);
    await leader.page.goto(app.showPage('recommendations', id));
    for (const button of ['Change status', /^(Record|Change) response of HM Prison and Probation Service$/]) await openAndCancel(leader.page, button);

    expect([...inspector.consoleProblems, ...leader.consoleProblems]).toEqual([]);
  }, TIMEOUT);
});
