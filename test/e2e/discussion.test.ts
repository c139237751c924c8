import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAdminStack, type AdminStack } from './support/admin-app.ts';
import { openBrowser, type Browser } from './support/browser.ts';
import { apiSession, demoUsers } from './support/session.ts';

/** The discussion of a recommendation (issue 18, item 6): a comment with a mention, and the person mentioned told in the app bar. */

const screens = path.resolve(import.meta.dirname, '../../scratch/discussion');
let stack: AdminStack;
const browsers: Browser[] = [];

async function signedIn(user: { email: string; password: string }) {
  const opened = await openBrowser(stack.url, { width: 1280, height: 900 });
  browsers.push(opened);
  const { page } = opened;
  await page.goto(`${stack.url}/#/login`);
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('menuitem', { name: 'Recommendations' }).waitFor();
  return page;
}

/** The window as it is, at 1280 and at 800 px wide; nothing may be wider than the window at 800. */
async function shots(page: Page, name: string) {
  await page.screenshot({ path: path.join(screens, `${name}-1280.png`) });
  await page.setViewportSize({ width: 800, height: 900 });
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(screens, `${name}-800.png`) });
  const overflow = await page.evaluate('document.documentElement.scrollWidth - window.innerWidth');
  expect(overflow, `${name}: wider than 800 px`).toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 1280, height: 900 });
}

beforeAll(async () => {
  fs.mkdirSync(screens, { recursive: true });
  stack = await startAdminStack();
}, 900_000);

afterAll(async () => {
  for (const opened of browsers) expect(opened.foreignRequests, 'requests outside the app’s origin').toEqual([]);
  await Promise.all(browsers.map((opened) => opened.close()));
  await stack?.close();
});

const showPage = (id: string) => `${stack.url}/#/recommendations/${encodeURIComponent(id)}/show`;

describe('discussion', () => {
  it('an inspector writes a comment mentioning a leader chosen from the suggestions; the leader sees it unread in the app bar', async () => {
    const post = await apiSession(stack.url, demoUsers.inspector);
    const found = await post<{ recommendations: { edges: { node: { id: string; reference: string; report: { publishedOn: string } } }[] } }>(
      '{ recommendations(first: 100, filter: { search: "R3" }) { edges { node { id reference report { publishedOn } } } } }',
    );
    const rec = found.data!.recommendations.edges.map((edge) => edge.node).find((node) => node.reference === 'R3' && node.report.publishedOn.startsWith('2023'))!;

    const page = await signedIn(demoUsers.inspector);
    await page.goto(showPage(rec.id));
    const discussion = page.getByRole('region', { name: /^Discussion/ });
    await discussion.getByText('No comments yet.').waitFor();
    const box = discussion.getByLabel('Write a comment');
    await box.scrollIntoViewIfNeeded();
    await box.pressSequentially('Could @Harp');
    const suggestions = page.getByRole('menu', { name: 'People to mention' });
    await suggestions.getByRole('menuitem', { name: /Harper Shah \(leader, HMPPS\)/ }).waitFor();
    // Only people who may read the discussion are offered: never the viewer.
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
    await viewer.goto(showPage(rec.id));
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
