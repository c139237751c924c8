import type { Page } from 'playwright-core';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAdminStack, type AdminStack } from './support/admin-app.ts';
import { artifacts, openBrowser, type Browser } from './support/browser.ts';
import { apiSession, demoUsers } from './support/session.ts';

/**
 * Response deadlines and priorities (issue 18, items 1 and 4), each as the role that meets it,
 * with screenshots at 1280 and 800 px wide.
 */

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

/** The page as it is now, at 1280 px and at 800 px wide; nothing may stick out sideways at 800. */
async function shots(page: Page, name: string) {
  const fullPage = (await page.getByRole('dialog').count()) === 0;
  await page.screenshot({ path: path.join(artifacts, `${name}-1280.png`), fullPage });
  await page.setViewportSize({ width: 800, height: 900 });
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(artifacts, `${name}-800.png`), fullPage });
  const overflow = await page.evaluate('Math.max(0, document.documentElement.scrollWidth - window.innerWidth)');
  expect(overflow, `${name}: wider than 800 px`).toBe(0);
  await page.setViewportSize({ width: 1280, height: 900 });
}

beforeAll(async () => {
  stack = await startAdminStack();
}, 300_000);

afterAll(async () => {
  for (const opened of browsers) expect(opened.foreignRequests, 'requests outside the app’s origin').toEqual([]);
  await Promise.all(browsers.map((opened) => opened.close()));
  await stack?.close();
});

type Post = Awaited<ReturnType<typeof apiSession>>;

async function recommendationId(post: Post, reference: string, year: string) {
  const result = await post<{ recommendations: { edges: { node: { id: string; reference: string; report: { publishedOn: string } } }[] } }>(
    'query ($search: String) { recommendations(first: 100, filter: { search: $search }) { edges { node { id reference report { publishedOn } } } } }',
    { search: reference },
  );
  const found = result.data?.recommendations.edges.map((edge) => edge.node).find((node) => node.reference === reference && node.report.publishedOn.startsWith(year));
  if (!found) throw new Error(`no recommendation ${reference} of ${year}`);
  return found.id;
}

async function totalOf(post: Post, filter: Record<string, unknown>) {
  const result = await post<{ recommendations: { totalCount: number; edges: { node: { id: string } }[] } }>(
    'query ($filter: RecommendationFilter) { recommendations(first: 5, filter: $filter) { totalCount edges { node { id } } } }',
    { filter },
  );
  return result.data!.recommendations;
}

/** A dashboard tile's figure, by its label, in the "Responses and priorities" row. */
const tile = (page: Page, label: string) => page.getByRole('list', { name: 'Responses and priorities' }).getByRole('listitem').filter({ hasText: label });

const showPage = (resource: string, id: string) => `${stack.url}/#/${resource}/${encodeURIComponent(id)}/show`;
const FLOW_TIMEOUT = 180_000;

describe('response deadlines and priorities', () => {
  it('1. an administrator sets an inspectorate’s days for responses on its edit screen', async () => {
    const post = await apiSession(stack.url, demoUsers.administrator);
    const hmip = (await post<{ organisations: { edges: { node: { id: string } }[] } }>(
      '{ organisations(first: 1, filter: { search: "HM Inspectorate of Probation" }) { edges { node { id } } } }',
    )).data!.organisations.edges[0]!.node.id;
    const page = await signedIn(demoUsers.administrator);
    await page.goto(`${stack.url}/#/organisations/${encodeURIComponent(hmip)}`);
    const days = page.getByLabel('Days after publication that responses are due');
    await expect.poll(() => days.inputValue()).toBe('56');
    await days.fill('42');
    await shots(page, 'deadlines-1-organisation-edit');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('42 days after a report is published').waitFor();
    await shots(page, 'deadlines-1-organisation-show');
  }, FLOW_TIMEOUT);

  it('2. an inspector sets a report’s due date; late and missing responses show on the recommendation and the dashboard, linked to their lists', async () => {
    const post = await apiSession(stack.url, demoUsers.inspector);
    const reports = await post<{ reports: { edges: { node: { id: string; publishedOn: string } }[] } }>('{ reports(first: 10) { edges { node { id publishedOn } } } }');
    const report = reports.data!.reports.edges.map((edge) => edge.node).find((node) => node.publishedOn.startsWith('2023'))!;
    const page = await signedIn(demoUsers.inspector);
    await page.goto(`${stack.url}/#/reports/${encodeURIComponent(report.id)}`);
    // The 2023 thematic was published on 4 July 2023; HMPPS answered in September.
    await page.getByLabel('Responses due on').fill('29/08/2023');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Responses due').waitFor();
    await shots(page, 'deadlines-2-report-show');

    const late = await totalOf(post, { reportId: report.id, responseTimeliness: ['LATE'] });
    expect(late.totalCount).toBeGreaterThan(0);
    await page.goto(showPage('recommendations', late.edges[0]!.node.id));
    const responses = page.getByRole('list', { name: 'Responses of the addressees' });
    await responses.getByText('Responded late').first().waitFor();
    await shots(page, 'deadlines-2-recommendation-late');

    // Each figure is a link to the list it counts.
    await page.getByRole('menuitem', { name: 'Dashboard' }).click();
    const missing = await totalOf(post, { responseTimeliness: ['MISSING'] });
    const allLate = await totalOf(post, { responseTimeliness: ['LATE'] });
    await expect.poll(() => tile(page, 'Responded late').textContent()).toBe(`${allLate.totalCount}Responded late`);
    await expect(tile(page, 'Responses missing').textContent()).resolves.toBe(`${missing.totalCount}Responses missing`);
    await page.getByRole('list', { name: 'Responses and priorities' }).scrollIntoViewIfNeeded();
    await shots(page, 'deadlines-2-dashboard');
    await tile(page, 'Responded late').getByRole('link').click();
    await page.waitForURL(/#\/recommendations\?filter=/);
    await page.getByText(new RegExp(`of ${allLate.totalCount}$`)).waitFor();
    await shots(page, 'deadlines-2-late-list');
  }, FLOW_TIMEOUT);

  it('3. an inspector marks a priority with a reason; it shows on the page, the list and the dashboard, and a leader is not offered it', async () => {
    const post = await apiSession(stack.url, demoUsers.inspector);
    const id = await recommendationId(post, 'R6', '2023');
    const page = await signedIn(demoUsers.inspector);
    await page.goto(showPage('recommendations', id));
    await page.getByRole('button', { name: 'Mark as priority' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(/Why it is a priority/).fill('Victims remain at risk while home visits are not made.');
    await shots(page, 'priority-3-dialog');
    await dialog.getByRole('button', { name: 'Mark as priority' }).click();
    await page.getByText('Marked as a priority').waitFor();
    await page.getByText('Why it is a priority:').waitFor();
    await page.getByText('Priority', { exact: true }).first().waitFor();
    await page.getByText(/marked the recommendation as a priority/).waitFor();
    await page.getByRole('button', { name: 'Remove priority' }).waitFor();
    await shots(page, 'priority-3-page');

    await page.goto(`${stack.url}/#/recommendations?filter=${encodeURIComponent(JSON.stringify({ priority: true }))}`);
    await page.getByRole('row').filter({ hasText: 'R6' }).getByText('Priority', { exact: true }).waitFor();
    await shots(page, 'priority-3-list');

    await page.getByRole('menuitem', { name: 'Dashboard' }).click();
    await expect.poll(() => tile(page, 'Open priorities').textContent()).toBe('1Open priorities');

    const leader = await signedIn(demoUsers.hmppsLeader);
    await leader.goto(showPage('recommendations', id));
    await leader.getByText('Why it is a priority:').waitFor();
    await expect(leader.getByRole('button', { name: /priority/i }).count()).resolves.toBe(0);
  }, FLOW_TIMEOUT);
});
