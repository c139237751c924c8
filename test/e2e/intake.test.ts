import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fortyRecommendations, registerXlsx, reportPdf } from '../support/intake-fixtures.ts';
import { useAdminApp } from './support/admin-app.ts';
import { screenshot } from './support/browser.ts';
import { apiSession, demoUsers } from './support/session.ts';

const app = useAdminApp();
const files = fs.mkdtempSync(path.join(os.tmpdir(), 'tracker-intake-'));

afterAll(() => fs.rmSync(files, { recursive: true, force: true }));

type Rec = { id: string; reference: string; text: string; repeats: { id: string } | null; addressees: { organisation: { name: string } }[] };

async function reportOf(year: string) {
  const post = await apiSession(app.url, demoUsers.inspector);
  const result = await post<{ reports: { edges: { node: { id: string; publishedOn: string } }[] } }>('{ reports(first: 20) { edges { node { id publishedOn } } } }');
  const report = result.data!.reports.edges.map((edge) => edge.node).find((node) => node.publishedOn.startsWith(year))!;
  const recs = async () => {
    const answer = await post<{ node: { recommendations: { edges: { node: Rec }[] } } }>(
      'query ($id: ID!) { node(id: $id) { ... on Report { recommendations(first: 100) { edges { node { id reference text repeats { id } addressees { organisation { name } } } } } } } }',
      { id: report.id },
    );
    return answer.data!.node.recommendations.edges.map((edge) => edge.node);
  };
  return { id: report.id, recs };
}

describe('loading a report’s recommendations in the admin app', () => {
  it('pastes text, corrects the preview, removes a row, links a repeat and saves', async () => {
    const report2023 = await reportOf('2023');
    const earlier = (await report2023.recs()).find((rec) => rec.reference === 'R1')!;
    const report = await reportOf('2025');
    const page = await app.signedIn(demoUsers.inspector);
    await page.goto(`${app.url}/#/reports/${encodeURIComponent(report.id)}/show`);

    // 1. Pasted text.
    await page.getByRole('button', { name: 'Load recommendations' }).click();
    await page.getByLabel('The recommendations section, as printed').fill([
      'HM Prison and Probation Service should:',
      `N1. ${earlier.text}`,
      'N2. Publish the waiting times for',
      'domestic abuse interventions every quarter.',
      'N3. A line to remove.',
    ].join('\n').replace(/N(\d)\./g, '$1.'));
    await page.getByRole('button', { name: 'Read recommendations' }).click();
    const rows = page.getByTestId('intake-row');
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(3);
    await rows.nth(0).getByLabel('Reference').fill('N1');
    await rows.nth(1).getByLabel('Reference').fill('N2');
    await rows.nth(1).getByLabel('Recommendation').fill('Publish the waiting times for domestic abuse interventions every month.');
    // An addressee the reading missed is added by typing part of its name: the organisations are searched
    // on the server (a list of all of them once asked for more than a page allows and offered none).
    const addressedTo = rows.nth(1).getByLabel('Addressed to (the first owns it)');
    await addressedTo.fill('Ministry of');
    await page.getByRole('option', { name: 'Ministry of Justice (MoJ)' }).click();
    await page.getByRole('button', { name: 'Remove 3' }).click();
    await expect.poll(() => rows.count()).toBe(2);
    // The earlier recommendation it restates is offered, its status and verdict in the words used everywhere
    // else (they were codes: "in progress · not achieved"); the inspector links it.
    const offered = rows.nth(0).getByRole('radio', { name: new RegExp(`^R1, 2023 · `) });
    await expect(offered.locator('xpath=ancestor::label[1]').innerText()).resolves.toMatch(
      /(Not started|In progress|Implemented \(reported\)|Not planned) · (Achieved|Partly achieved|Not achieved|No longer applicable|Not yet assessed) — /,
    );
    await offered.check();
    // A row's warnings are the server's fragments; alone on a row, each reads as a sentence.
    const rowWarnings = await page.getByRole('dialog').locator('[data-testid=intake-row] .MuiAlert-message').allInnerTexts();
    expect(rowWarnings.length).toBeGreaterThan(0);
    expect(rowWarnings.filter((warning) => !/^[A-Z]/.test(warning))).toEqual([]);
    await screenshot(page, 'intake-paste-preview-1280');
    await page.getByRole('button', { name: 'Save 2 recommendations' }).click();
    await page.getByText('2 recommendations added').waitFor();
    const saved = await report.recs();
    expect(saved.find((rec) => rec.reference === 'N1')?.repeats?.id).toBe(earlier.id);
    expect(saved.find((rec) => rec.reference === 'N2')?.text).toBe('Publish the waiting times for domestic abuse interventions every month.');
    expect(saved.find((rec) => rec.reference === 'N2')?.addressees.map((addressee) => addressee.organisation.name)).toContain('Ministry of Justice');
    expect(saved.some((rec) => rec.text === 'A line to remove.')).toBe(false);

    // One more, added on its own, is offered the reference after the last one added.
    await page.getByRole('button', { name: 'Add recommendation' }).click();
    await expect.poll(() => rows.nth(0).getByLabel('Reference').inputValue()).toBe('N3');
    // Its probable repeats are sought once its text is written (they were never sought: "none found").
    await rows.nth(0).getByText('Sought once its text is written').waitFor();
    await rows.nth(0).getByLabel('Recommendation').fill(earlier.text);
    await rows.nth(0).getByLabel('Recommendation').press('Tab');
    await rows.nth(0).getByRole('radio', { name: new RegExp(`^R1, 2023 · `) }).waitFor({ timeout: 30_000 });
    // A reference the report has already is refused by the server on that row's own field; the banner goes once it is changed.
    await rows.nth(0).getByLabel('Reference').fill('N1');
    await rows.nth(0).getByLabel('Addressed to (the first owns it)').fill('HM Prison');
    await page.getByRole('option', { name: /HM Prison and Probation Service/ }).click();
    // Clicked twice: the second click, on a button busy saving, closed the dialog and lost the rows.
    await page.getByRole('button', { name: 'Save 1 recommendation' }).dblclick();
    await rows.nth(0).getByText('The report already has a recommendation N1').waitFor();
    const banner = page.getByRole('dialog').getByRole('alert');
    expect(await banner.innerText()).toBe('Correct the fields marked in red (recommendation N1).');
    await rows.nth(0).getByLabel('Reference').fill('N3');
    await expect.poll(() => banner.count()).toBe(0);
    expect(await rows.nth(0).getByText('The report already has a recommendation N1').count()).toBe(0);
    await page.getByRole('button', { name: 'Cancel' }).click();

    // On its page the organisation that owns it (the first given) is listed first, and said to own it.
    await page.goto(`${app.url}/#/recommendations/${encodeURIComponent(saved.find((rec) => rec.reference === 'N2')!.id)}/show`);
    const addressees = page.getByRole('list', { name: 'Responses of the addressees' }).getByRole('listitem');
    await expect.poll(() => addressees.count()).toBe(2);
    expect(await addressees.nth(0).innerText()).toMatch(/^HM Prison and Probation Service\s+owner/);
    expect(await addressees.nth(1).innerText()).toMatch(/^Ministry of Justice/);
  }, 300_000);

  it('says when the search for probable repeats failed, rather than that none was found, and looks again when asked', async () => {
    const earlier = (await (await reportOf('2023')).recs()).find((rec) => rec.reference === 'R1')!;
    const report = await reportOf('2025');
    const page = await app.signedIn(demoUsers.inspector);
    // The server refuses the search, as when it is busy, both times it is asked; then answers again.
    let refusing = true;
    await page.route(`${app.url}/graphql`, (route) =>
      refusing && route.request().postData()?.includes('intakeRepeatCandidates')
        ? route.fulfill({ status: 503, contentType: 'application/json', body: JSON.stringify({ errors: [{ message: 'The server is busy. Try again in a few seconds.', extensions: { code: 'SERVER_BUSY' } }] }) })
        : route.continue());
    await page.goto(`${app.url}/#/reports/${encodeURIComponent(report.id)}/show`);
    await page.getByRole('button', { name: 'Load recommendations' }).click();
    await page.getByLabel('The recommendations section, as printed').fill(`9. ${earlier.text}`);
    await page.getByRole('button', { name: 'Read recommendations' }).click();
    const row = page.getByTestId('intake-row').first();
    await row.getByText('Could not look for earlier recommendations: The server is busy').waitFor({ timeout: 30_000 });
    await expect(row.getByText('No probable repeat found').count()).resolves.toBe(0);
    refusing = false;
    await row.getByRole('button', { name: 'Look again' }).click();
    await row.getByRole('radio', { name: /^R1, 2023 · / }).waitFor();
    await page.unroute(`${app.url}/graphql`);
  }, 120_000);

  it('loads a 40-recommendation PDF into a new report, timed from opening the dialog to saved', async () => {
    const page = await app.signedIn(demoUsers.inspector);
    const post = await apiSession(app.url, demoUsers.inspector);
    const organisations = await post<{ organisations: { edges: { node: { id: string; shortName: string | null } }[] } }>('{ organisations(first: 100) { edges { node { id shortName } } } }');
    const created = await post<{ createReport: { id: string } }>(
      'mutation ($input: CreateReportInput!) { createReport(input: $input) { id } }',
      { input: { title: 'Domestic abuse: a second follow-up', kind: 'FOLLOW_UP', publishedOn: '2026-06-01', inspectorateId: organisations.data!.organisations.edges.find((edge) => edge.node.shortName === 'HMIP')!.node.id, recommendations: [] } },
    );
    const report = created.data!.createReport.id;
    await page.goto(`${app.url}/#/reports/${encodeURIComponent(report)}/show`);
    const pdfPath = path.join(files, 'thematic-report.pdf');
    fs.writeFileSync(pdfPath, await reportPdf(fortyRecommendations()));
    const rows = page.getByTestId('intake-row');
    const started = performance.now();
    await page.getByRole('button', { name: 'Load recommendations' }).click();
    await page.getByRole('tab', { name: 'Choose a file' }).click();
    await page.getByTestId('intake-file').setInputFiles(pdfPath);
    await page.getByRole('button', { name: 'Read recommendations' }).click();
    await rows.nth(39).waitFor({ timeout: 120_000 }).catch(async (error) => {
      await screenshot(page, 'intake-pdf-failed');
      throw error;
    });
    const read = performance.now();
    expect(await rows.count()).toBe(40);
    // Each row's probable repeats arrive after the rows: wait until every row has its answer.
    await expect.poll(() => page.getByText('Looking for earlier recommendations…').count(), { timeout: 120_000 }).toBe(0);
    const ranked = performance.now();
    await screenshot(page, 'intake-pdf-preview-1280');
    // A row added by hand follows the last one's number, and left without text or addressee is refused:
    // the refusal shows beside the button clicked, not below forty rows, and the row's own fields say what they lack.
    await page.getByRole('button', { name: 'Add a row' }).click();
    expect(await rows.nth(40).getByLabel('Reference').inputValue()).toBe('41');
    await page.getByRole('button', { name: 'Save 41 recommendations' }).click();
    const refusal = page.getByRole('dialog').getByRole('alert').filter({ hasText: 'Correct the fields marked in red (recommendation 41).' });
    await refusal.waitFor();
    expect(await refusal.evaluate((alert) => { const box = alert.getBoundingClientRect(); return box.top >= 0 && box.bottom <= window.innerHeight; })).toBe(true);
    const added = rows.nth(40);
    expect(await added.getByRole('textbox', { name: 'Recommendation' }).getAttribute('aria-invalid')).toBe('true');
    await added.getByText('Required', { exact: true }).waitFor();
    await added.getByText('Required: at least the organisation that owns it').waitFor();
    expect(await added.getByLabel('Reference').getAttribute('aria-invalid')).toBe('false');
    expect(await rows.nth(39).getByText('Required', { exact: true }).count(), 'a complete row is not marked').toBe(0);
    await rows.nth(40).getByRole('button', { name: /^Remove/ }).click();
    // With the row gone, so is the banner that named it.
    await expect.poll(() => refusal.count()).toBe(0);
    await page.getByRole('button', { name: 'Save 40 recommendations' }).click();
    await page.getByText('40 recommendations added').waitFor({ timeout: 60_000 });
    const done = performance.now();
    console.log(`40-recommendation PDF: rows shown in ${((read - started) / 1000).toFixed(1)} s, every row's repeats ${((ranked - read) / 1000).toFixed(1)} s later, saved ${((done - ranked) / 1000).toFixed(1)} s after that; ${((done - started) / 1000).toFixed(1)} s in all, clicks included`);
    const answer = await post<{ node: { recommendations: { totalCount: number } } }>('query ($id: ID!) { node(id: $id) { ... on Report { recommendations(first: 1) { totalCount } } } }', { id: report });
    expect(answer.data!.node.recommendations.totalCount).toBe(40);
  }, 240_000);

  it('reads a spreadsheet at 800 px wide, and withdraws a recommendation with a reason', async () => {
    const report = await reportOf('2025');
    const page = await app.signedIn(demoUsers.inspector, { viewport: { width: 800, height: 1000 } });
    await page.goto(`${app.url}/#/reports/${encodeURIComponent(report.id)}/show`);
    const xlsxPath = path.join(files, 'register.xlsx');
    fs.writeFileSync(xlsxPath, await registerXlsx([
      { reference: 'S1', text: 'Review every case when risk changes.', owner: 'HMPPS and the Ministry of Justice', targetDate: new Date(Date.UTC(2026, 2, 31)), theme: 'reviewing' },
      { reference: 'S2', text: 'Cut caseloads in Wales.', owner: 'Probation Service Wales', targetDate: '31/12/2026', theme: 'workload' },
    ]));
    await page.getByRole('button', { name: 'Load recommendations' }).click();
    await page.getByRole('tab', { name: 'Choose a file' }).click();
    await page.getByTestId('intake-file').setInputFiles(xlsxPath);
    await page.getByRole('button', { name: 'Read recommendations' }).click();
    const rows = page.getByTestId('intake-row');
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(2);
    await expect(rows.nth(0).getByLabel('Target date').inputValue()).resolves.toBe('31/03/2026');
    await screenshot(page, 'intake-xlsx-preview-800');
    await page.getByRole('button', { name: 'Save 2 recommendations' }).click();
    await page.getByText('2 recommendations added').waitFor();

    const s1 = (await report.recs()).find((rec) => rec.reference === 'S1')!;
    await page.goto(`${app.url}/#/recommendations/${encodeURIComponent(s1.id)}/show`);
    await page.getByRole('button', { name: 'Withdraw' }).click();
    await page.getByLabel('Why it is withdrawn').fill('Replaced by the 2026 national plan.');
    await page.getByRole('dialog').getByRole('button', { name: 'Withdraw' }).click();
    await page.getByText(/Withdrawn on .*: Replaced by the 2026 national plan\./).waitFor();
    await screenshot(page, 'intake-withdrawn-800');
    await expect(page.getByRole('button', { name: 'Withdraw' }).count()).resolves.toBe(0);
  }, 120_000);
});
