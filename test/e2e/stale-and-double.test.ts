import { describe, expect, it } from 'vitest';
import { useAdminApp } from './support/admin-app.ts';
import { screenshotsAtTwoWidths as shots } from './support/browser.ts';
import { apiSession, demoUsers, recommendationId } from './support/session.ts';

/**
 * What people do to forms that no form should lose a record over: a double click on Save, and a
 * page left open while someone else changes the record behind it.
 */

const app = useAdminApp();
const showPage = (id: string) => app.showPage('recommendations', id);

describe('forms used in haste or late', () => {
  it('adds one action for a double click on its Save, and tells of a status changed since the page was shown', async () => {
    const post = await apiSession(app.url, demoUsers.hmppsLeader);
    const id = await recommendationId(post, 'R5', '2023');
    const plan = async () => (await post<{ node: { actionItemCount: number; status: string; version: number } }>(
      'query ($id: ID!) { node(id: $id) { ... on Recommendation { actionItemCount status version } } }', { id })).data!.node;
    const before = await plan();

    const page = await app.signedIn(demoUsers.hmppsLeader, { at: 'menu' });
    await page.goto(showPage(id));
    await page.getByRole('button', { name: 'Add action' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('What will be done').fill('Train every team in the new risk assessment, once');
    await dialog.getByRole('button', { name: 'Add action' }).dblclick();
    await page.getByText('Action added').waitFor();
    await page.getByText('Train every team in the new risk assessment, once').first().waitFor();
    expect((await plan()).actionItemCount).toBe(before.actionItemCount + 1);

    // Someone else changes the status while the page shows the one before.
    const shown = await plan();
    const other = shown.status === 'IN_PROGRESS' ? 'IMPLEMENTED' : 'IN_PROGRESS';
    const changed = await post('mutation ($input: UpdateRecommendationStatusInput!) { updateRecommendationStatus(input: $input) { id } }',
      { input: { id, version: shown.version, status: other, comment: 'Changed from another desk.' } });
    expect(changed.errors).toBeUndefined();
    await page.getByRole('button', { name: 'Change status' }).click();
    const notice = dialog.getByRole('status').filter({ hasText: 'Changed since this page was shown' });
    await notice.waitFor();
    const words = { IN_PROGRESS: 'In progress', IMPLEMENTED: 'Implemented', NOT_STARTED: 'Not started', NOT_PLANNED: 'Not planned' } as Record<string, string>;
    await notice.getByRole('row', { name: new RegExp(`New status ${words[shown.status] ?? shown.status} ${words[other]}`) }).waitFor();
    await shots(page, 'stale-status-dialog');
  }, 240_000);
});
