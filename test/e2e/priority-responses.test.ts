import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useAdminApp } from './support/admin-app.ts';
import { screenshotsAtTwoWidths as shots } from './support/browser.ts';
import { apiSession, demoUsers, recommendationId, type ApiPost, type User } from './support/session.ts';

/**
 * Response deadlines and priorities (issue 18, items 1 and 4), each as the role that meets it,
 * with screenshots at 1280 and 800 px wide.
 */

const app = useAdminApp();
/** Signed in, waiting only for the menu: these flows go straight to a record, not the dashboard. */
const signedIn = (user: User) => app.signedIn(user, { at: 'menu' });

async function totalOf(post: ApiPost, filter: Record<string, unknown>) {
  const result = await post<{ recommendations: { totalCount: number; edges: { node: { id: string } }[] } }>(
    'query ($filter: RecommendationFilter) { recommendations(first: 5, filter: $filter) { totalCount edges { node { id } } } }',
    { filter },
  );
  return result.data!.recommendations;
}

/** A dashboard tile's figure, by its label, in the "Responses and priorities" row. */
const tile = (page: Page, label: string) => page.getByRole('list', { name: 'Responses and priorities' }).getByRole('listitem').filter({ hasText: label });

const showPage = app.showPage;
const FLOW_TIMEOUT = 180_000;

describe('response deadlines and priorities', () => {
  it('1. an administrator sets an inspectorate’s days for responses on its edit screen', async () => {
    const post = await apiSession(app.url, demoUsers.administrator);
    const hmip = (await post<{ organisations: { edges: { node: { id: string } }[] } }>(
      '{ organisations(first: 1, filter: { search: "HM Inspectorate of Probation" }) { edges { node { id } } } }',
    )).data!.organisations.edges[0]!.node.id;
    const page = await signedIn(demoUsers.administrator);
    await page.goto(`${app.url}/#/organisations/${encodeURIComponent(hmip)}`);
    const days = page.getByLabel('Days after publication that responses are due');
    await expect.poll(() => days.inputValue()).toBe('56');
    await days.fill('42');
    await shots(page, 'deadlines-1-organisation-edit');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('42 days after a report is published').waitFor();
    await shots(page, 'deadlines-1-organisation-show');
  }, FLOW_TIMEOUT);

  it('2. an inspector sets a report’s due date; late and missing responses show on the recommendation and the dashboard, linked to their lists', async () => {
    const post = await apiSession(app.url, demoUsers.inspector);
    const reports = await post<{ reports: { edges: { node: { id: string; publishedOn: string } }[] } }>('{ reports(first: 10) { edges { node { id publishedOn } } } }');
    const report = reports.data!.reports.edges.map((edge) => edge.node).find((node) => node.publishedOn.startsWith('2023'))!;
    const page = await signedIn(demoUsers.inspector);
    await page.goto(`${app.url}/#/reports/${encodeURIComponent(report.id)}`);
    // The 2023 thematic was published on 4 July 2023; HMPPS answered in September.
    await page.getByLabel('Responses due on').fill('29/08/2023');
    await page.getByRole('button', { name: 'Save' }).click();
    // The report's page, not the edit form still leaving ("Responses due on" is the form's label too): its table is there.
    await page.waitForURL(/\/show$/);
    await page.getByText('Responses due', { exact: true }).waitFor();
    await page.locator('tbody tr').first().waitFor();
    // The recommendation's own words get the widest column at 1280 px, not its owner's name.
    const widths = await page.locator('thead th').evaluateAll((cells) =>
      Object.fromEntries((cells as unknown as { className: string; getBoundingClientRect(): { width: number } }[]).map((cell) => [/column-(\S+)/.exec(cell.className)?.[1] ?? '', cell.getBoundingClientRect().width])));
    const whole = Object.values(widths).reduce((sum, width) => sum + width, 0);
    expect(Math.max(...Object.values(widths)), JSON.stringify(widths)).toBe(widths.text);
    // Beside the owner's whole name it had under a quarter of the table, four clamped lines a row.
    expect(widths.text! / whole, JSON.stringify(widths)).toBeGreaterThan(0.3);
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
    const post = await apiSession(app.url, demoUsers.inspector);
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

    await page.goto(`${app.url}/#/recommendations?filter=${encodeURIComponent(JSON.stringify({ priority: true }))}`);
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
