import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Route } from 'playwright-core';
import { reportPdf } from '../support/intake-fixtures.ts';
import { useAdminApp } from './support/admin-app.ts';
import { screenshotsAtTwoWidths as shots } from './support/browser.ts';
import { apiSession, demoUsers, recommendationId } from './support/session.ts';

/** Evidence files in the admin app (issue 18, item 5): attached at submission and later, downloaded, removed. */

const app = useAdminApp();

const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

describe('evidence files', () => {
  it('attaches a file with new evidence and later, downloads it as a file, and removes one after confirming', async () => {
    const id = await recommendationId(await apiSession(app.url, demoUsers.leader), 'R3', '2023');
    const page = await app.signedIn(demoUsers.leader, { at: 'menu' });
    await page.goto(app.showPage('recommendations', id));

    const pdf = await reportPdf([{ heading: 'Audit results', recommendations: [{ reference: '1', text: 'Every risk assessment audited in the quarter.' }] }]);
    await page.getByRole('button', { name: /Add evidence to action “Quarterly audit of domestic abuse risk assessments in Card/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('What the evidence shows').fill('The first quarterly audit, with its results.');
    // A text file named .pdf beside it is refused by name, on the files; once removed, the evidence saves
    // (the form had stayed refused: "The form is not valid", with nothing marked).
    await dialog.locator('input[type=file]').setInputFiles([
      { name: 'audit-results.pdf', mimeType: 'application/pdf', buffer: pdf },
      { name: 'fake.pdf', mimeType: 'application/pdf', buffer: Buffer.from('only some text, not a document') },
    ]);
    await dialog.getByText('fake.pdf').waitFor();
    await dialog.getByRole('button', { name: 'Submit evidence' }).click();
    await dialog.getByText(/^"fake\.pdf": this file is not a document of a known kind/).first().waitFor();
    await shots(page, 'evidence-files-0-refused');
    await dialog.locator('div:has(> .RaFileInputPreview-removeButton)').filter({ hasText: 'fake.pdf' }).locator('.RaFileInputPreview-removeButton').click();
    await expect.poll(() => dialog.getByText('fake.pdf').count()).toBe(0);
    await dialog.getByText('audit-results.pdf').waitFor();
    await shots(page, 'evidence-files-1-submit');
    await dialog.getByRole('button', { name: 'Submit evidence' }).click();
    await page.getByText('Evidence submitted').waitFor();
    expect(await page.getByText('The form is not valid').count()).toBe(0);

    const files = page.getByRole('list', { name: 'Files' }).filter({ hasText: 'audit-results.pdf' });
    await files.getByText(`PDF · ${Math.round(pdf.length / 1024)} KB`).waitFor();
    await files.scrollIntoViewIfNeeded();
    await shots(page, 'evidence-files-2-listed');

    // Downloaded as a file with its name, never opened in the app.
    const [download] = await Promise.all([page.waitForEvent('download'), files.getByRole('link', { name: 'audit-results.pdf' }).click()]);
    expect(download.suggestedFilename()).toBe('audit-results.pdf');
    expect(fs.readFileSync(await download.path()).equals(pdf)).toBe(true);
    expect(page.url()).toContain('/show');

    // Attached later, on the evidence's row. The record is slow to come (as on a busy server): a file
    // picked as soon as the dialog offers it is kept (the form once took the record as it arrived,
    // and dropped a file picked before).
    const slowRecord = async (route: Route) => {
      if (route.request().postData()?.includes('record: evidenceItem')) await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.fallback();
    };
    await page.route('**/graphql', slowRecord);
    await page.getByRole('button', { name: 'Attach files to evidence “The first quarterly audit, with its results.”' }).click();
    await dialog.getByRole('progressbar', { name: 'Loading the record' }).waitFor();
    // Pictured once the dialog has faded in, while the record is still on its way.
    await expect.poll(() => page.locator('.MuiDialog-container').evaluate((element) => getComputedStyle(element).opacity)).toBe('1');
    await shots(page, 'evidence-files-3-loading');
    await dialog.locator('input[type=file]').setInputFiles([{ name: 'audit-chart.png', mimeType: 'image/png', buffer: png }]);
    await dialog.getByText('audit-chart.png').waitFor();
    await page.unroute('**/graphql', slowRecord);
    await shots(page, 'evidence-files-3-attach');
    await dialog.getByRole('button', { name: 'Attach' }).click();
    await page.getByText('Files attached').waitFor();
    await page.getByRole('link', { name: 'audit-chart.png' }).waitFor();

    // Removed after a confirmation, and the history says so.
    await page.getByRole('button', { name: 'Remove the file audit-chart.png' }).click();
    await page.getByText('Remove the file “audit-chart.png”?').waitFor();
    await shots(page, 'evidence-files-4-remove');
    await page.getByRole('dialog').getByRole('button', { name: 'Remove' }).click();
    await page.getByText('File removed').waitFor();
    await expect.poll(() => page.getByRole('link', { name: 'audit-chart.png' }).count()).toBe(0);
    await page.getByText(/removed the file “audit-chart.png” from evidence/).first().waitFor();
    await page.getByText(/attached the file “audit-results.pdf” to evidence/).first().waitFor();

    // A viewer sees and may download the file, but is offered neither attaching nor removing.
    const viewer = await app.signedIn(demoUsers.viewer, { at: 'menu' });
    await viewer.goto(app.showPage('recommendations', id));
    await viewer.getByRole('link', { name: 'audit-results.pdf' }).waitFor();
    await expect(viewer.getByRole('button', { name: /Remove the file/ }).count()).resolves.toBe(0);
    await expect(viewer.getByRole('button', { name: /Attach files/ }).count()).resolves.toBe(0);
  }, 240_000);
});
