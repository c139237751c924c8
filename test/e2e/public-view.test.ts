import { describe, expect, it } from 'vitest';
import { useAdminApp } from './support/admin-app.ts';
import { screenshotsAtTwoWidths as shots } from './support/browser.ts';
import { apiSession, demoUsers } from './support/session.ts';

/**
 * The public view as people use it: an inspector keeps one recommendation off the public page and makes
 * the report public, each with a reason kept in history; anyone can then read the page without signing
 * in, and it never shows the recommendation kept internal. A leader is offered the link, not the choice.
 */

const app = useAdminApp({ publicReports: true });
const TIMEOUT = 240_000;

type Report = { id: string; title: string; isPublic: boolean; recommendations: { edges: { node: { id: string; reference: string; text: string } }[] } };

/** Text as a reader sees it: runs of white space as one. */
const readable = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('the public view of a report', () => {
  it('shows what an inspector made public, never what they kept internal, to anyone without signing in', async () => {
    const post = await apiSession(app.url, demoUsers.inspector);
    const { data } = await post<{ reports: { edges: { node: Report }[] } }>(
      '{ reports(first: 50) { edges { node { id title isPublic recommendations(first: 50) { edges { node { id reference text } } } } } } }',
    );
    const report = data!.reports.edges.map((edge) => edge.node).find((node) => !node.isPublic && node.recommendations.edges.length >= 2);
    expect(report, 'a demo report not yet public, with two recommendations or more').toBeDefined();
    const [internal, shown] = report!.recommendations.edges.map((edge) => edge.node);

    // The inspector keeps one recommendation internal, saying why.
    const page = await app.signedIn(demoUsers.inspector, { at: 'menu' });
    await page.goto(app.showPage('recommendations', internal!.id));
    await page.getByRole('button', { name: 'Mark internal' }).click();
    const marking = page.getByRole('dialog');
    await marking.getByText('Even when the report is public, its public page will leave this recommendation out.').waitFor();
    await marking.getByLabel('Why (kept in history; optional)').fill('Names a person under investigation');
    await shots(page, 'public-view-mark-internal');
    await marking.getByRole('button', { name: 'Mark internal' }).click();
    await page.getByText('Kept off the public page').waitFor();
    await page.getByRole('button', { name: 'Internal: show publicly' }).waitFor();
    await page.getByText('Names a person under investigation').first().waitFor();

    // ...and makes the report public.
    await page.goto(app.showPage('reports', report!.id));
    await page.getByRole('button', { name: 'Make public' }).click();
    const publishing = page.getByRole('dialog');
    await publishing.getByText(/Anyone may then read, without signing in/).waitFor();
    await publishing.getByLabel('Why (kept in history; optional)').fill('Published with the annual report');
    await publishing.getByRole('button', { name: 'Make public' }).click();
    await page.getByText('Shown on its public page').waitFor();
    const link = page.getByRole('link', { name: 'Public page' });
    await link.waitFor();
    const address = await link.getAttribute('href');
    expect(address).toMatch(/^\/public\/reports\/\d+$/);
    await page.getByRole('button', { name: 'Make not public' }).waitFor();

    // Anyone, signed out, reads the page: the report and the recommendation shown, never the internal one.
    const { page: reader } = await app.browser();
    const response = await reader.goto(`${app.url}${address}`);
    expect(response?.status()).toBe(200);
    await reader.getByRole('heading', { level: 1, name: report!.title }).waitFor();
    const text = readable(await reader.locator('body').innerText());
    expect(text).toContain(readable(shown!.text));
    expect(text).toContain(`Recommendation ${shown!.reference}`);
    expect(text).not.toContain(readable(internal!.text));
    expect(text).not.toContain(`Recommendation ${internal!.reference} `);
    expect(text).not.toContain('Names a person under investigation');
    await shots(reader, 'public-view-page');

    // A leader is shown the way to the public page, but not the choice of what is on it.
    const leader = await app.signedIn(demoUsers.hmppsLeader, { at: 'menu' });
    await leader.goto(app.showPage('reports', report!.id));
    await leader.getByRole('link', { name: 'Public page' }).waitFor();
    await expect(leader.getByRole('button', { name: /^Make (not )?public$/ }).count()).resolves.toBe(0);
    await leader.goto(app.showPage('recommendations', internal!.id));
    await leader.getByRole('heading', { level: 1 }).first().waitFor();
    await expect(leader.getByRole('button', { name: /Mark internal|Internal: show publicly/ }).count()).resolves.toBe(0);

    // Taken off again: the page answers "not found".
    await page.getByRole('button', { name: 'Make not public' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Make not public' }).click();
    await page.getByText('Taken off its public page').waitFor();
    await page.getByRole('button', { name: 'Make public' }).waitFor();
    expect((await fetch(`${app.url}${address}`)).status).toBe(404);
  }, TIMEOUT);
});
