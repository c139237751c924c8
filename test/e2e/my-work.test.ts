import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAdminStack, type AdminStack } from './support/admin-app.ts';
import { artifacts, openBrowser, type Browser } from './support/browser.ts';
import { apiSession, demoUsers } from './support/session.ts';

/**
 * "My work": a leader's and an inspector's items, each linked to its record, and the choice of email
 * reminders made by the person and shown to administrators; screenshots at 1280 and 800 px wide.
 */

let stack: AdminStack;
const browsers: Browser[] = [];
const TIMEOUT = 180_000;

async function signedIn(user: { email: string; password: string }) {
  const opened = await openBrowser(stack.url, { width: 1280, height: 900 });
  browsers.push(opened);
  const { page } = opened;
  await page.goto(`${stack.url}/#/login`);
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('menuitem', { name: 'My work' }).waitFor();
  return page;
}

async function shots(page: Page, name: string) {
  await page.screenshot({ path: path.join(artifacts, `${name}-1280.png`), fullPage: true });
  await page.setViewportSize({ width: 800, height: 900 });
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(artifacts, `${name}-800.png`), fullPage: true });
  // Nothing but the tables' own scrolling is wider than the window.
  const overflow = await page.evaluate('document.documentElement.scrollWidth - window.innerWidth');
  expect(overflow, `${name}: the page is wider than 800 px`).toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 1280, height: 900 });
}

type Item = { section: string; record: string; recordId: string; recommendationId: string; title: string };

beforeAll(async () => {
  stack = await startAdminStack();
}, 300_000);

afterAll(async () => {
  for (const opened of browsers) expect(opened.foreignRequests, 'requests outside the app’s origin').toEqual([]);
  await Promise.all(browsers.map((opened) => opened.close()));
  await stack?.close();
});

describe('my work', () => {
  it('lists a leader’s items by section, each opening its record, and saves their choice of reminders', async () => {
    const post = await apiSession(stack.url, demoUsers.leader);
    const { data } = await post<{ myWork: Item[] }>('{ myWork { section record recordId recommendationId title } }');
    const items = data!.myWork;
    expect(items.length).toBeGreaterThan(0);

    const page = await signedIn(demoUsers.leader);
    await page.getByRole('menuitem', { name: 'My work' }).click();
    await page.getByRole('heading', { level: 1, name: 'My work' }).waitFor();
    const overdue = items.filter((item) => item.section === 'OVERDUE');
    await page.getByRole('heading', { name: `Overdue (${overdue.length})` }).waitFor();
    await page.getByRole('heading', { name: /^Due in the next 14 days \(\d+\)$/ }).waitFor();
    await page.getByRole('heading', { name: /^Escalated from organisations under yours \(\d+\)$/ }).waitFor();
    // Inspectors' section is not a leader's.
    await expect(page.getByRole('heading', { name: /Evidence waiting/ }).count()).resolves.toBe(0);
    for (const item of items.slice(0, 5)) await page.getByRole('link', { name: item.title }).first().waitFor();
    await shots(page, 'my-work-leader');

    // An item opens its record: an action in its form, a recommendation in its page.
    const action = items.find((item) => item.record === 'ACTION_ITEM');
    if (action) {
      await page.getByRole('link', { name: action.title }).first().click();
      await page.waitForURL(new RegExp(`#/actionItems/${encodeURIComponent(action.recordId).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
      await page.getByLabel('What will be done').waitFor();
      await page.goBack();
    }
    const recommendation = items.find((item) => item.record === 'RECOMMENDATION');
    if (recommendation) {
      await page.getByRole('link', { name: recommendation.title }).first().click();
      await page.waitForURL(/#\/recommendations\/.+\/show$/);
      expect(decodeURIComponent(page.url().split('/recommendations/')[1]!.replace('/show', ''))).toBe(recommendation.recommendationId);
      await page.goBack();
    }

    // The person chooses their reminders; saved at once, kept on reload.
    await page.getByRole('heading', { level: 1, name: 'My work' }).waitFor();
    await expect(page.getByLabel(/^Weekly/).isChecked()).resolves.toBe(true);
    await page.getByLabel(/^Daily/).check();
    await page.getByText('Email reminders: daily').waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'My work' }).waitFor();
    await expect(page.getByLabel(/^Daily/).isChecked()).resolves.toBe(true);
    const me = await post<{ me: { digestFrequency: string } }>('{ me { digestFrequency } }');
    expect(me.data!.me.digestFrequency).toBe('DAILY');
    await shots(page, 'my-work-choice');

    // Administrators see the choice on the person's account.
    const admin = await apiSession(stack.url, demoUsers.administrator);
    const users = await admin<{ users: { edges: { node: { id: string; email: string } }[] } }>('{ users(first: 100) { edges { node { id email } } } }');
    const leaderId = users.data!.users.edges.find((edge) => edge.node.email === demoUsers.leader.email)!.node.id;
    const adminPage = await signedIn(demoUsers.administrator);
    await adminPage.goto(`${stack.url}/#/users/${encodeURIComponent(leaderId)}/show`);
    await adminPage.getByText('Email reminders (their own choice)').waitFor();
    await adminPage.getByText('Daily', { exact: true }).waitFor();
    await shots(adminPage, 'my-work-admin-sees-choice');
  }, TIMEOUT);

  it('lists the evidence waiting for an inspector', async () => {
    const post = await apiSession(stack.url, demoUsers.inspector);
    const { data } = await post<{ myWork: Item[] }>('{ myWork { section record recordId recommendationId title } }');
    const page = await signedIn(demoUsers.inspector);
    await page.goto(`${stack.url}/#/my-work`);
    await page.getByRole('heading', { name: `Evidence waiting for your verification (${data!.myWork.length})` }).waitFor();
    await expect(page.getByRole('heading', { name: /^Overdue/ }).count()).resolves.toBe(0);
    const first = data!.myWork[0];
    if (first) {
      await page.getByRole('link', { name: first.title }).first().click();
      await page.waitForURL(/#\/recommendations\/.+\/show$/);
      await page.goBack();
    }
    await page.getByRole('heading', { level: 1, name: 'My work' }).waitFor();
    await shots(page, 'my-work-inspector');
  }, TIMEOUT);
});
