import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { readableDay } from '../../server/domain/locale.ts';
import { useAdminApp } from './support/admin-app.ts';
import { screenshot, sidewaysOverflow } from './support/browser.ts';
import { apiSession, demoUsers, signIn } from './support/session.ts';

const app = useAdminApp();

async function report2023(): Promise<{ id: string; title: string }> {
  const post = await apiSession(app.url, demoUsers.viewer);
  const { data } = await post<{ reports: { edges: { node: { id: string; title: string; publishedOn: string } }[] } }>('{ reports(first: 10) { edges { node { id title publishedOn } } } }');
  return data!.reports.edges.map((edge) => edge.node).find((node) => node.publishedOn.startsWith('2023'))!;
}

/** Whether any element the selector finds is shown on the page. */
const anyVisible = (page: Page, selector: string) =>
  page.locator(selector).evaluateAll((elements) => elements.some((element) => element.getClientRects().length > 0 && getComputedStyle(element).visibility !== 'hidden'));

describe('the follow-up pack in the admin app', () => {
  it('opens from the report, shows the pack, links its PDF, and prints without menus, bars or buttons, at 1280 and 800 px', async () => {
    const report = await report2023();
    const { page } = await app.browser({ width: 1280, height: 1000 });
    page.setDefaultTimeout(60_000);
    await signIn(page, app.url, demoUsers.viewer);
    await page.goto(`${app.url}/#/reports/${encodeURIComponent(report.id)}/show`);
    await page.getByRole('link', { name: 'Follow-up pack' }).click();

    await page.getByRole('heading', { level: 2, name: 'Recommendation R13' }).waitFor();
    await expect(page.getByRole('heading', { level: 1, name: report.title }).isVisible()).resolves.toBe(true);
    const r3 = page.getByRole('region', { name: 'Recommendation R3' });
    await expect(r3.textContent()).resolves.toContain(`${readableDay('2026-03-31')} (first set for ${readableDay('2024-03-31')}: moved twice, 730 days later)`);
    await expect(r3.textContent()).resolves.toContain('Overstated by owner');
    await expect(r3.getByRole('list', { name: 'Earlier recommendations R3 repeats' }).textContent()).resolves.toContain('Domestic abuse: the work undertaken by Community Rehabilitation Companies');
    await expect(r3.textContent()).resolves.toContain('Insufficient');
    await expect(page.getByRole('heading', { level: 2, name: /^Recommendation R\d+$/ }).count()).resolves.toBe(13);

    // The PDF link is the server's route, a download with the browser's session.
    const download = page.getByRole('link', { name: 'Download PDF' });
    const href = await download.getAttribute('href');
    expect(href).toBe(`/reports/${encodeURIComponent(report.id)}/follow-up-pack.pdf`);
    const pdf = await page.request.get(`${app.url}${href}`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-disposition']).toMatch(/^attachment;/);
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');

    // On screen the app's bar and buttons are there; printed, none of them, nor the menu.
    await expect(anyVisible(page, '.MuiAppBar-root')).resolves.toBe(true);
    await screenshot(page, 'follow-up-pack-screen-1280');
    await page.emulateMedia({ media: 'print' });
    for (const selector of ['.MuiAppBar-root', '.RaSidebar-root', '[role="menu"], nav', 'button', 'a[href$="follow-up-pack.pdf"]', '[data-testid="demo-notice"]']) {
      await expect(anyVisible(page, selector), `${selector} when printed`).resolves.toBe(false);
    }
    await expect(page.getByRole('heading', { level: 2, name: 'Recommendation R1', exact: true }).isVisible()).resolves.toBe(true);
    await screenshot(page, 'follow-up-pack-print-1280');

    // At 800 px nothing runs off the page, on screen or printed.
    await page.setViewportSize({ width: 800, height: 1000 });
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'follow-up-pack-print-800');
    await page.emulateMedia({ media: 'screen' });
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'follow-up-pack-screen-800');
  }, 300_000);
});
