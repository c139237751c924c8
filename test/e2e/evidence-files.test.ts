import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportPdf } from '../support/intake-fixtures.ts';
import { startAdminStack, type AdminStack } from './support/admin-app.ts';
import { artifacts, openBrowser, type Browser } from './support/browser.ts';
import { apiSession, demoUsers } from './support/session.ts';

/** Evidence files in the admin app (issue 18, item 5): attached at submission and later, downloaded, removed. */

let stack: AdminStack;
const browsers: Browser[] = [];

const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

async function shots(page: Page, name: string) {
  const fullPage = (await page.getByRole('dialog').count()) === 0;
  await page.screenshot({ path: path.join(artifacts, `${name}-1280.png`), fullPage });
  await page.setViewportSize({ width: 800, height: 900 });
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(artifacts, `${name}-800.png`), fullPage });
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

describe('evidence files', () => {
  it('attaches a file with new evidence and later, downloads it as a file, and removes one after confirming', async () => {
    const post = await apiSession(stack.url, demoUsers.leader);
    const found = await post<{ recommendations: { edges: { node: { id: string; reference: string; report: { publishedOn: string } } }[] } }>(
      'query { recommendations(first: 100, filter: { search: "R3" }) { edges { node { id reference report { publishedOn } } } } }',
    );
    const rec = found.data!.recommendations.edges.map((edge) => edge.node).find((node) => node.reference === 'R3' && node.report.publishedOn.startsWith('2023'))!;
    const opened = await openBrowser(stack.url, { width: 1280, height: 900 });
    browsers.push(opened);
    const { page } = opened;
    await page.goto(`${stack.url}/#/login`);
    await page.getByLabel('Email').fill(demoUsers.leader.email);
    await page.getByLabel('Password').fill(demoUsers.leader.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('menuitem', { name: 'Recommendations' }).waitFor();
    await page.goto(`${stack.url}/#/recommendations/${encodeURIComponent(rec.id)}/show`);

    const pdf = await reportPdf([{ heading: 'Audit results', recommendations: [{ reference: '1', text: 'Every risk assessment audited in the quarter.' }] }]);
    await page.getByRole('button', { name: /Add evidence to action “Quarterly audit of domestic abuse risk assessments in Card/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('What the evidence shows').fill('The first quarterly audit, with its results.');
    await dialog.locator('input[type=file]').setInputFiles([{ name: 'audit-results.pdf', mimeType: 'application/pdf', buffer: pdf }]);
    await dialog.getByText('audit-results.pdf').waitFor();
    await shots(page, 'evidence-files-1-submit');
    await dialog.getByRole('button', { name: 'Submit evidence' }).click();
    await page.getByText('Evidence submitted').waitFor();

    const files = page.getByRole('list', { name: 'Files' }).filter({ hasText: 'audit-results.pdf' });
    await files.getByText(`PDF · ${Math.round(pdf.length / 1024)} KB`).waitFor();
    await files.scrollIntoViewIfNeeded();
    await shots(page, 'evidence-files-2-listed');

    // Downloaded as a file with its name, never opened in the app.
    const [download] = await Promise.all([page.waitForEvent('download'), files.getByRole('link', { name: 'audit-results.pdf' }).click()]);
    expect(download.suggestedFilename()).toBe('audit-results.pdf');
    expect(fs.readFileSync(await download.path()).equals(pdf)).toBe(true);
    expect(page.url()).toContain('/show');

    // Attached later, on the evidence's row.
    await page.getByRole('button', { name: 'Attach files to evidence “The first quarterly audit, with its results.”' }).click();
    await dialog.locator('input[type=file]').setInputFiles([{ name: 'audit-chart.png', mimeType: 'image/png', buffer: png }]);
    await dialog.getByText('audit-chart.png').waitFor();
    await dialog.getByRole('button', { name: 'Attach' }).click();
    await page.getByText('Files attached').waitFor();
    await page.getByRole('link', { name: 'audit-chart.png' }).waitFor();

    // Removed after a confirmation, and the history says so.
    await page.getByRole('button', { name: 'Remove the file audit-chart.png' }).click();
    await page.getByText('Remove the file “audit-chart.png”?').waitFor();
    await shots(page, 'evidence-files-3-remove');
    await page.getByRole('dialog').getByRole('button', { name: 'Remove' }).click();
    await page.getByText('File removed').waitFor();
    await expect.poll(() => page.getByRole('link', { name: 'audit-chart.png' }).count()).toBe(0);
    await page.getByText(/removed the file “audit-chart.png” from evidence/).first().waitFor();
    await page.getByText(/attached the file “audit-results.pdf” to evidence/).first().waitFor();

    // A viewer sees and may download the file, but is offered neither attaching nor removing.
    const viewer = await openBrowser(stack.url, { width: 1280, height: 900 });
    browsers.push(viewer);
    await viewer.page.goto(`${stack.url}/#/login`);
    await viewer.page.getByLabel('Email').fill(demoUsers.viewer.email);
    await viewer.page.getByLabel('Password').fill(demoUsers.viewer.password);
    await viewer.page.getByRole('button', { name: 'Sign in' }).click();
    await viewer.page.getByRole('menuitem', { name: 'Recommendations' }).waitFor();
    await viewer.page.goto(`${stack.url}/#/recommendations/${encodeURIComponent(rec.id)}/show`);
    await viewer.page.getByRole('link', { name: 'audit-results.pdf' }).waitFor();
    await expect(viewer.page.getByRole('button', { name: /Remove the file/ }).count()).resolves.toBe(0);
    await expect(viewer.page.getByRole('button', { name: /Attach files/ }).count()).resolves.toBe(0);
  }, 240_000);
});
