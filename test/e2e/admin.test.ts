import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useAdminApp } from './support/admin-app.ts';
import { screenshot, screenshotsAtTwoWidths } from './support/browser.ts';
import { apiSession, demoUsers, recommendationId as idOf } from './support/session.ts';

const app = useAdminApp();
/** The flows that sign in as every role, or walk a whole inspection, take minutes on a busy machine. */
const LONG_FLOW = 180_000;

/** The id of a recommendation as the API names it, found by reference in a report of that year. */
const recommendationId = async (reference: string, year: string) => idOf(await apiSession(app.url, demoUsers.inspector), reference, year);

const showPage = (id: string) => app.showPage('recommendations', id);

/** The new report form as an inspector, its title and publication date given; their own inspectorate is chosen for them. */
async function newReport(page: Page, title: string, publishedOn: string) {
  await page.goto(`${app.url}/#/reports/create`);
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Published on').fill(publishedOn);
  // An inspector's own inspectorate is chosen for them: they load reports in its name only.
  await expect.poll(() => page.getByLabel('Inspectorate').inputValue()).toBe('HM Inspectorate of Probation');
}

/** A recommendation row added to the new report form, with its reference and text. */
async function addRow(page: Page, reference: string, text: string) {
  await page.getByRole('button', { name: 'Add recommendation' }).click();
  await page.getByLabel('Reference').fill(reference);
  await page.getByRole('textbox', { name: /^Recommendation/ }).fill(text);
}

describe('admin app', () => {
  it('serves the sign-in page from its own origin only', async () => {
    const { page } = await app.browser();
    await page.goto(app.url);
    await page.getByLabel('Email').waitFor();
    await expect(page.title()).resolves.toBe('Recommendation tracker');
    await screenshot(page, 'sign-in');
  });

  it('lets each role sign in and offers only what the role may use', async () => {
    const expectations = [
      { user: demoUsers.administrator, users: true, queue: true },
      { user: demoUsers.inspector, users: false, queue: true },
      { user: demoUsers.leader, users: false, queue: false },
      { user: demoUsers.hmppsLeader, users: false, queue: false },
      { user: demoUsers.viewer, users: false, queue: false },
    ];
    for (const expected of expectations) {
      const page = await app.signedIn(expected.user);
      await page.getByTestId('demo-notice').waitFor();
      const menu = page.getByRole('navigation').or(page.locator('.RaSidebar-fixed'));
      await expect(menu.getByRole('menuitem', { name: 'Users' }).count()).resolves.toBe(expected.users ? 1 : 0);
      await expect(menu.getByRole('menuitem', { name: 'Evidence queue' }).count()).resolves.toBe(expected.queue ? 1 : 0);
      if (expected.user === demoUsers.inspector) {
        await page.getByRole('heading', { name: /Status by owning organisation/ }).waitFor();
        await page.waitForTimeout(800);
        await screenshot(page, 'dashboard');
      }
    }
  }, LONG_FLOW);

  it('lets a leader change a status with a comment, add an action and evidence', async () => {
    const id = await recommendationId('R2', '2023');
    const page = await app.signedIn(demoUsers.hmppsLeader);
    await page.goto(showPage(id));
    await page.getByRole('button', { name: 'Change status' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Not planned').check();
    await dialog.getByRole('button', { name: 'Change status' }).click();
    await dialog.getByText('Required').first().waitFor();
    await dialog.getByLabel(/Why it changed/).fill('Superseded by the national domestic abuse strategy.');
    await dialog.getByRole('button', { name: 'Change status' }).click();
    await page.getByText('Status changed').waitFor();
    await page.getByText('“Superseded by the national domestic abuse strategy.”').waitFor();

    await page.getByRole('button', { name: 'Add action' }).click();
    await page.getByRole('dialog').getByLabel('What will be done').fill('Audit twenty cases in each region for the new policy.');
    await page.getByRole('dialog').getByLabel('Due date').fill('2027-03-31');
    await page.getByRole('dialog').getByRole('button', { name: 'Add action' }).click();
    await page.getByText('Action added').waitFor();
    await page.getByRole('cell', { name: 'Audit twenty cases in each region for the new policy.' }).first().waitFor();

    await page.getByRole('button', { name: /Add evidence to action “Audit twenty cases/ }).click();
    await page.getByRole('dialog').getByLabel('What the evidence shows').fill('Audit report for two regions, March 2027.');
    await page.getByRole('dialog').getByRole('button', { name: 'Submit evidence' }).click();
    await page.getByText('Evidence submitted').waitFor();
    await page.getByRole('cell', { name: 'Audit report for two regions, March 2027.' }).waitFor();
  }, LONG_FLOW);

  it('does not offer a leader the edits of another organisation, nor a viewer any', async () => {
    const id = await recommendationId('R3', '2023');
    for (const user of [demoUsers.leader, demoUsers.viewer]) {
      const page = await app.signedIn(user);
      await page.goto(showPage(id));
      await page.getByRole('heading', { level: 1, name: 'Recommendation R3' }).waitFor();
      await page.getByRole('heading', { name: 'Action plan' }).waitFor();
      await page.getByRole('cell', { name: /Quarterly audit of domestic abuse risk assessments in Manchester North/ }).waitFor();
      await expect(page.getByRole('button', { name: 'Change status' }).count()).resolves.toBe(0);
      await expect(page.getByRole('button', { name: 'Record assessment' }).count()).resolves.toBe(0);
      await expect(page.getByRole('button', { name: /Edit action “Quarterly audit of domestic abuse risk assessments in Manc/ }).count()).resolves.toBe(0);
      if (user === demoUsers.viewer) {
        await expect(page.getByRole('button', { name: 'Add action' }).count()).resolves.toBe(0);
        // No empty card where the discussion a viewer may not read would be.
        await page.getByRole('heading', { name: 'History' }).waitFor();
        await expect(page.getByRole('heading', { name: /^Discussion/ }).count()).resolves.toBe(0);
        expect(await page.locator('.MuiCard-root').evaluateAll((cards) => cards.filter((card) => (card as unknown as { innerText: string }).innerText.trim() === '').length)).toBe(0);
      }
      if (user === demoUsers.leader) await page.getByRole('button', { name: /Edit action “Quarterly audit of domestic abuse risk assessments in Card/ }).waitFor();
    }
  }, LONG_FLOW);

  it('lets an inspector load a report, link a repeat, verify evidence and record a verdict', async () => {
    const post = await apiSession(app.url, demoUsers.inspector);
    const before = await post<{ dashboard: { repeatedUnmetCount: number } }>('{ dashboard { repeatedUnmetCount } }');
    const earlier = await post<{ recommendation: { text: string } }>('query ($id: ID!) { recommendation(id: $id) { text } }', { id: await recommendationId('R6', '2023') });
    const page = await app.signedIn(demoUsers.inspector);

    await newReport(page, 'Domestic abuse: a second review of progress', '2026-06-30');
    await addRow(page, 'A1', earlier.data!.recommendation.text);
    await page.getByLabel('Owner').fill('HM Prison');
    await page.getByRole('option', { name: /HM Prison and Probation Service/ }).click();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(/#\/reports\/[^/]+\/show/);

    // Each row's reference is a link to the recommendation (reached by Tab, opened by Enter or a click).
    await page.getByRole('link', { name: 'A1, recommendation', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Recommendation A1' }).waitFor();
    await page.getByRole('heading', { name: 'Possible repeats of earlier recommendations' }).waitFor();
    // R6 ends its chain (nothing repeats it yet) and was found not achieved: the candidate proposed is R6 itself.
    await page.getByRole('button', { name: /Link as repeat of R6 / }).click();
    await page.getByText(/Linked as a repeat of R6/).waitFor();
    await page.getByText(/\(this recommendation\)/).waitFor();

    await page.getByRole('button', { name: 'Record assessment' }).click();
    // The dialog says what the button said: the section holds the inspectors' assessments.
    await page.getByRole('dialog').getByText(/^Inspectors' assessment of A1 \(\d{4}\)$/).waitFor();
    await page.getByRole('dialog').getByLabel('Not achieved').check();
    await page.getByRole('dialog').getByLabel('What inspectors found').fill('No change in practice since 2023.');
    await page.getByRole('dialog').getByRole('button', { name: 'Record assessment' }).click();
    await page.getByText('Assessment recorded').waitFor();
    await page.getByRole('cell', { name: 'No change in practice since 2023.' }).waitFor();
    await screenshot(page, 'recommendation');

    const acceptedCount = async () =>
      (await post<{ evidence: { totalCount: number } }>('{ evidence(first: 0, filter: { verifications: [ACCEPTED] }) { totalCount } }')).data!.evidence.totalCount;
    const acceptedBefore = await acceptedCount();
    await page.goto(`${app.url}/#/evidence`);
    await page.getByRole('button', { name: /^Accept evidence/ }).first().click();
    await page.getByRole('dialog').getByLabel(/Why it shows the progress claimed/).fill('Seen in the case audit.');
    await page.getByRole('dialog').getByRole('button', { name: 'Accept' }).click();
    // The dialog closes only once the server accepted the verdict; its toast may come and go unseen on a busy machine.
    await page.getByRole('dialog').waitFor({ state: 'detached', timeout: 60_000 });
    expect(await acceptedCount()).toBe(acceptedBefore + 1);

    const after = await post<{ dashboard: { repeatedUnmetCount: number } }>('{ dashboard { repeatedUnmetCount } }');
    expect(after.data!.dashboard.repeatedUnmetCount).toBe(before.data!.dashboard.repeatedUnmetCount + 1);
    await page.goto(app.url);
    await page.getByRole('heading', { name: `Repeated and unmet (${after.data!.dashboard.repeatedUnmetCount})` }).waitFor();
    await page.getByRole('link', { name: `All ${after.data!.dashboard.repeatedUnmetCount} repeated and unmet` }).click();
    await page.getByRole('link', { name: /^A1, recommendation of / }).waitFor();
  }, LONG_FLOW);

  it('saves a new report with no recommendations, to load them from its text afterwards', async () => {
    const page = await app.signedIn(demoUsers.inspector);
    await newReport(page, 'Domestic abuse: recommendations to load from the text', '2026-07-31');
    // Nothing to clear first: the form starts with no recommendation row.
    expect(await page.getByLabel('Reference').count()).toBe(0);
    // The other way in is said under the list's label, beside the button that adds a row.
    const listLabel = await page.getByText('Recommendations, in the order printed').boundingBox();
    const hint = await page.getByText(/^Add the recommendations one by one here/).boundingBox();
    expect(hint!.y, 'the hint reads under the list’s label').toBeGreaterThan(listLabel!.y + listLabel!.height - 1);
    await screenshotsAtTwoWidths(page, 'report-create-empty');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(/#\/reports\/[^/]+\/show/);
    await page.getByRole('button', { name: 'Load recommendations' }).waitFor();
  }, 120_000);

  it('shows a recommendation row’s missing owner as Required, not covered by its list of choices', async () => {
    const page = await app.signedIn(demoUsers.inspector);
    await newReport(page, 'Domestic abuse: a row without its owner', '2026-07-31');
    await addRow(page, 'R1', 'Publish the waiting times for interventions every quarter.');
    await page.getByRole('button', { name: 'Save' }).click();
    // The save is refused and the owner, the field it lacks, is focused with its message in view.
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.labels?.[0]?.textContent ?? '')).toMatch(/^Owner/);
    await page.getByText('Required', { exact: true }).waitFor();
    expect(await page.getByText('Required', { exact: true }).count(), 'only the owner lacks a value').toBe(1);
    await page.waitForTimeout(500);
    expect(await page.getByRole('listbox').count(), 'the owner’s choices opened over its message').toBe(0);
    expect(page.url()).toMatch(/#\/reports\/create/);
    // The row's removal is in view and said in words; no unlabelled button beside Add removes every row.
    expect(await page.getByRole('button', { name: 'Remove recommendation 1' }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: /clear/i }).count()).toBe(0);
    await screenshotsAtTwoWidths(page, 'report-create-owner-missing');
    // An earlier recommendation is offered by its reference, year and words, which the search matches (anywhere in the text).
    await page.getByLabel('Repeats (earlier recommendation)').fill('risk');
    const offered = page.getByRole('option');
    await expect.poll(() => offered.count(), { timeout: 15_000 }).toBeGreaterThan(0);
    for (const option of await offered.allInnerTexts()) expect(option).toMatch(/^\S+ \(\d{4}\) · \S/);
  }, 120_000);

  it('opens the earlier report a report follows up from its chip', async () => {
    const post = await apiSession(app.url, demoUsers.leader);
    const reports = await post<{ reports: { edges: { node: { id: string; followsUp: { id: string; title: string }[] } }[] } }>('{ reports(first: 50) { edges { node { id followsUp { id title } } } } }');
    const following = reports.data!.reports.edges.map((edge) => edge.node).find((report) => report.followsUp.length > 0)!;
    const page = await app.signedIn(demoUsers.leader);
    await page.goto(`${app.url}/#/reports/${encodeURIComponent(following.id)}/show`);
    await page.getByRole('link', { name: following.followsUp[0]!.title }).click();
    await page.waitForURL((url) => url.hash === `#/reports/${encodeURIComponent(following.followsUp[0]!.id)}/show`);
    await page.getByText(following.followsUp[0]!.title).first().waitFor();
  }, 120_000);

  it('says so when someone else changed the record, and offers to keep what was typed', async () => {
    const post = await apiSession(app.url, demoUsers.inspector);
    const reports = await post<{ reports: { edges: { node: { id: string; version: number } }[] } }>('{ reports(first: 1) { edges { node { id version } } } }');
    const report = reports.data!.reports.edges[0]!.node;
    const page = await app.signedIn(demoUsers.inspector);
    await page.goto(`${app.url}/#/reports/${encodeURIComponent(report.id)}`);
    await page.getByLabel('Summary').waitFor();
    const changed = await post('mutation ($input: UpdateReportInput!) { updateReport(input: $input) { version } }', { input: { id: report.id, version: report.version, url: 'https://example.org/changed-elsewhere' } });
    expect(changed.errors).toBeUndefined();
    await page.getByLabel('Summary').fill('Changed in the browser too.');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Someone else saved this record after you opened it').waitFor();
    await page.getByRole('button', { name: 'Keep my changes on the saved version' }).waitFor();
  });

  it('lists reports readably at desktop and tablet widths', async () => {
    for (const [name, viewport] of [['report-list', { width: 1280, height: 800 }], ['report-list-tablet', { width: 800, height: 1000 }]] as const) {
      const page = await app.signedIn(demoUsers.viewer, { viewport });
      await page.goto(`${app.url}/#/reports`);
      await page.getByRole('cell', { name: /A thematic inspection of work undertaken/ }).waitFor();
      await screenshot(page, name);
      // Readable means no sideways scrolling, of the page or of the table.
      // The function runs in the page, where document and window exist (this file's types are Node's).
      const overflow = await page.evaluate(`(() => {
        const box = document.querySelector('table').parentElement;
        return { page: document.documentElement.scrollWidth - window.innerWidth, table: box.scrollWidth - box.clientWidth };
      })()`);
      expect(overflow, `${name} scrolls sideways`).toEqual({ page: 0, table: 0 });
    }
  }, LONG_FLOW);

  it('keeps the last report in view below the floating New report button at 800 px', async () => {
    const page = await app.signedIn(demoUsers.inspector, { viewport: { width: 800, height: 700 } });
    await page.goto(`${app.url}/#/reports`);
    const rows = page.locator('tbody tr');
    await rows.first().waitFor();
    const fab = page.getByRole('link', { name: 'New report' });
    await fab.waitFor();
    await page.evaluate('window.scrollTo(0, document.documentElement.scrollHeight)');
    await page.waitForTimeout(300);
    const [button, last] = [await fab.boundingBox(), await rows.last().boundingBox()];
    expect(last!.y + last!.height, 'the button covers the last report').toBeLessThanOrEqual(button!.y);
  }, LONG_FLOW);
});
