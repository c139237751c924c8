import { describe, expect, it } from 'vitest';
import { useAdminApp } from './support/admin-app.ts';
import { screenshotsAtTwoWidths as shots } from './support/browser.ts';
import { apiSession, demoUsers } from './support/session.ts';

/**
 * The evidence queue's filters as an inspector uses them: the verification states and "Awaiting
 * verification" exclude each other, and a queue emptied by the inspector's own work says it is done.
 */
const app = useAdminApp();

type Piece = { id: string; version: number; verification: string };

describe('evidence queue', () => {
  it('shows verified evidence when a verification state is picked, and says so when nothing is left to verify', async () => {
    const page = await app.signedIn(demoUsers.inspector, { at: 'menu' });
    await page.getByRole('menuitem', { name: 'Evidence queue' }).click();
    const rows = page.locator('tbody tr');
    await rows.first().waitFor();
    const awaiting = page.getByLabel('Awaiting verification');
    await expect(awaiting.isChecked()).resolves.toBe(true);

    // Picking "Accepted" turns the queue's toggle off and lists the accepted evidence (it listed nothing).
    await page.getByRole('combobox', { name: 'Verification' }).click();
    await page.getByRole('option', { name: 'Accepted' }).click();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.url()).toContain('verifications');
    await expect.poll(async () => (await rows.count()) > 0 && (await page.getByText('No evidence matches').count()) === 0).toBe(true);
    await expect.poll(async () => new Set(await rows.locator('td:nth-last-child(2)').allInnerTexts())).toEqual(new Set(['Accepted']));
    expect(await page.getByLabel('Awaiting verification').count() === 0 || !(await page.getByLabel('Awaiting verification').isChecked())).toBe(true);
    await shots(page, 'evidence-queue-accepted');

    // A search that matches nothing says so, and offers the queue back.
    await page.getByPlaceholder('Search summaries').fill('no summary has these words zqxj');
    await page.getByText('No evidence matches these filters.').waitFor();
    await page.getByRole('button', { name: 'Show the evidence awaiting verification' }).click();
    await expect.poll(() => page.getByLabel('Awaiting verification').isChecked()).toBe(true);
    await expect.poll(async () => (await page.getByRole('combobox', { name: 'Verification' }).innerText()).trim()).not.toContain('Accepted');
    await rows.first().waitFor();

    // Once the inspector has judged every piece waiting, the queue says there is nothing left.
    const post = await apiSession(app.url, demoUsers.inspector);
    const waiting = await post<{ evidence: { edges: { node: Piece }[] } }>('{ evidence(first: 100, filter: { awaitingVerification: true }) { edges { node { id version verification } } } }');
    expect(waiting.data!.evidence.edges.length).toBeGreaterThan(0);
    for (const { node: piece } of waiting.data!.evidence.edges) {
      const done = await post('mutation ($input: VerifyEvidenceInput!) { verifyEvidence(input: $input) { id } }', {
        input: { id: piece.id, version: piece.version, verification: 'ACCEPTED', note: 'Seen the audit records.' },
      });
      expect(done.errors).toBeUndefined();
    }
    await page.reload();
    await page.getByText('Nothing is waiting for verification: all the evidence submitted has been accepted or found insufficient.').waitFor();
    await expect(page.getByText(/No results found|No Evidence found/).count()).resolves.toBe(0);
    await shots(page, 'evidence-queue-done');
  }, 180_000);
});
