import { describe, expect, it } from 'vitest';
import { useAdminApp } from './support/admin-app.ts';
import { screenshotsAtTwoWidths as shots } from './support/browser.ts';
import { apiSession, demoUsers, recommendationId, type User } from './support/session.ts';

/** The discussion of a recommendation (issue 18, item 6): a comment with a mention, and the person mentioned told in the app bar. */

const app = useAdminApp();
/** Signed in, waiting only for the menu: the flow goes straight to a record, not the dashboard. */
const signedIn = (user: User) => app.signedIn(user, { at: 'menu' });
const showPage = (id: string) => app.showPage('recommendations', id);

describe('discussion', () => {
  it('an inspector writes a comment mentioning a leader chosen from the suggestions; the leader sees it unread in the app bar', async () => {
    const id = await recommendationId(await apiSession(app.url, demoUsers.inspector), 'R3', '2023');

    const page = await signedIn(demoUsers.inspector);
    await page.goto(showPage(id));
    const discussion = page.getByRole('region', { name: /^Discussion/ });
    await discussion.getByText('No comments yet.').waitFor();
    const box = discussion.getByLabel('Write a comment');
    await box.scrollIntoViewIfNeeded();
    await box.pressSequentially('Could @');
    const suggestions = page.getByRole('menu', { name: 'People to mention' });
    await suggestions.getByRole('menuitem', { name: /Harper Shah \(leader, HMPPS\)/ }).waitFor();
    // Only people who may read the discussion are offered: never the viewer.
    await expect(suggestions.getByRole('menuitem', { name: /Val Okafor/ }).count()).resolves.toBe(0);
    await box.pressSequentially('Harp');
    await suggestions.getByRole('menuitem', { name: /Harper Shah \(leader, HMPPS\)/ }).waitFor();
    await box.pressSequentially(' ');
    await box.press('Backspace');
    await shots(page, 'discussion-1-suggestions');
    await suggestions.getByRole('menuitem', { name: /Harper Shah \(leader, HMPPS\)/ }).click();
    await expect(box.inputValue()).resolves.toBe('Could @Harper Shah (leader, HMPPS) ');
    await box.pressSequentially('share the revised framework before the board?');
    await discussion.getByRole('button', { name: 'Post comment' }).click();

    const comment = discussion.getByRole('listitem', { name: 'Comment by Isla Price (inspector)' });
    await comment.getByText('share the revised framework before the board?', { exact: false }).waitFor();
    await expect(comment.locator('strong').textContent()).resolves.toBe('@Harper Shah (leader, HMPPS)');
    await expect(comment.locator('time').textContent()).resolves.toMatch(/^\d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}$/);
    await expect(box.inputValue()).resolves.toBe('');
    await discussion.scrollIntoViewIfNeeded();
    await shots(page, 'discussion-2-posted');
    // Viewers see no discussion at all.
    const viewer = await signedIn(demoUsers.viewer);
    await viewer.goto(showPage(id));
    await viewer.getByRole('heading', { name: 'History' }).waitFor();
    await expect(viewer.getByRole('region', { name: /^Discussion/ }).count()).resolves.toBe(0);

    // The leader mentioned: one unread mention in the app bar, leading to the discussion, then read.
    const leader = await signedIn(demoUsers.hmppsLeader);
    await leader.getByRole('button', { name: '1 unread mention' }).click();
    await leader.getByRole('menuitem', { name: /Isla Price \(inspector\) on R3/ }).waitFor();
    await shots(leader, 'discussion-3-mentions-menu');
    await leader.getByRole('menuitem', { name: /Isla Price \(inspector\) on R3/ }).click();
    await leader.getByRole('region', { name: /^Discussion/ }).getByRole('listitem', { name: 'Comment by Isla Price (inspector)' }).waitFor();
    await leader.getByRole('button', { name: 'No unread mentions' }).waitFor();
  }, 240_000);
});
