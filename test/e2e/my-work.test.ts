import { describe, expect, it } from 'vitest';
import { useAdminApp } from './support/admin-app.ts';
import { screenshotsAtTwoWidths as shots } from './support/browser.ts';
import { apiSession, demoUsers, recommendationId, type User } from './support/session.ts';

/**
 * "My work": a leader's and an inspector's items, each linked to its record, and the choice of email
 * reminders made by the person and shown to administrators; screenshots at 1280 and 800 px wide.
 */

const app = useAdminApp();
/** Signed in, waiting only for the menu: the flows go on to My work, not the dashboard. */
const signedIn = (user: User) => app.signedIn(user, { at: 'menu' });
const TIMEOUT = 180_000;

type Item = { section: string; record: string; recordId: string; recommendationId: string; title: string };

describe('my work', () => {
  it('lists a leader’s items by section, each opening its record, and saves their choice of reminders', async () => {
    const post = await apiSession(app.url, demoUsers.leader);
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
    // Inspectors' sections are not a leader's.
    await expect(page.getByRole('heading', { name: /Evidence waiting|waiting for your assessment/ }).count()).resolves.toBe(0);
    for (const item of items.slice(0, 5)) await page.getByRole('link', { name: item.title }).first().waitFor();
    // Each item names its recommendation by its reference and report's year first, then the report (cut to
    // two lines), and its owner by the short name the lists use, the whole name in a tooltip.
    const overdueTable = page.getByRole('table', { name: 'Overdue' });
    expect(await overdueTable.locator('th').nth(1).innerText()).toBe('Recommendation');
    const firstRow = overdueTable.locator('tbody tr').first().locator('td');
    expect(await firstRow.nth(1).innerText()).toMatch(/^R\d+, 2023 · A thematic inspection/);
    expect(await firstRow.nth(2).innerText()).toBe('Wales');
    expect(await firstRow.nth(2).locator('[title]').getAttribute('title')).toBe('Probation Service Wales');
    await shots(page, 'my-work-leader');
    // At 800 px the owners' short names read whole ("Cardiff and Vale PDU" was cut to "Cardiff and…").
    await page.setViewportSize({ width: 800, height: 900 });
    await expect.poll(() => page.locator('tbody td:nth-child(3) [title]').evaluateAll((names) =>
      (names as unknown as { scrollHeight: number; clientHeight: number; textContent: string }[])
        .filter((name) => name.scrollHeight > name.clientHeight + 1).map((name) => name.textContent))).toEqual([]);
    expect(await page.locator('tbody td:nth-child(3) [title]').count()).toBeGreaterThan(2);
    await page.setViewportSize({ width: 1280, height: 900 });

    // An item opens its record's page: an action's offers to complete it and add evidence (its form offered
    // neither). The Wales leader's organisation owns actions only; HMPPS, whose leader is asked next, owns
    // overdue recommendations.
    const action = items.find((item) => item.record === 'ACTION_ITEM');
    expect(action, 'an action among the leader’s items').toBeDefined();
    await page.getByRole('link', { name: action!.title }).first().click();
    await page.waitForURL(new RegExp(`#/actionItems/${encodeURIComponent(action!.recordId).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/show$`));
    await page.getByRole('button', { name: /^Add evidence to action/ }).waitFor();
    await shots(page, 'my-work-action-page');
    await page.goBack();

    const hmpps = await apiSession(app.url, demoUsers.hmppsLeader);
    const hmppsItems = (await hmpps<{ myWork: Item[] }>('{ myWork { section record recordId recommendationId title } }')).data!.myWork;
    const recommendation = hmppsItems.find((item) => item.record === 'RECOMMENDATION');
    expect(recommendation, 'a recommendation among the HMPPS leader’s items').toBeDefined();
    const hmppsPage = await signedIn(demoUsers.hmppsLeader);
    await hmppsPage.goto(`${app.url}/#/my-work`);
    await hmppsPage.getByRole('link', { name: recommendation!.title }).first().click();
    await hmppsPage.waitForURL(/#\/recommendations\/.+\/show$/);
    expect(decodeURIComponent(hmppsPage.url().split('/recommendations/')[1]!.replace('/show', ''))).toBe(recommendation!.recommendationId);

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
    const admin = await apiSession(app.url, demoUsers.administrator);
    const users = await admin<{ users: { edges: { node: { id: string; email: string } }[] } }>('{ users(first: 100) { edges { node { id email } } } }');
    const leaderId = users.data!.users.edges.find((edge) => edge.node.email === demoUsers.leader.email)!.node.id;
    const adminPage = await signedIn(demoUsers.administrator);
    await adminPage.goto(`${app.url}/#/users/${encodeURIComponent(leaderId)}/show`);
    await adminPage.getByText('Email reminders (their own choice)').waitFor();
    await adminPage.getByText('Daily', { exact: true }).waitFor();
    await shots(adminPage, 'my-work-admin-sees-choice');
  }, TIMEOUT);

  it('lists what waits for an inspector: recommendations reported implemented to assess, and evidence to verify', async () => {
    const post = await apiSession(app.url, demoUsers.inspector);
    // HMPPS has reported the 2025 report's third recommendation implemented, and inspectors have not assessed it.
    const claimed = await recommendationId(post, '3', '2025');
    const { data } = await post<{ myWork: Item[] }>('{ myWork { section record recordId recommendationId title } }');
    const toAssess = data!.myWork.filter((item) => item.section === 'TO_ASSESS');
    const toVerify = data!.myWork.filter((item) => item.section === 'TO_VERIFY');
    expect(toAssess.map((item) => item.recommendationId), 'recommendations reported implemented, not yet assessed').toContain(claimed);
    // The demo data has evidence waiting too, so both links are followed.
    expect(toVerify.length, 'evidence waiting for the inspector').toBeGreaterThan(0);
    const page = await signedIn(demoUsers.inspector);
    await page.goto(`${app.url}/#/my-work`);
    await page.getByRole('heading', { name: `Reported implemented, waiting for your assessment (${toAssess.length})` }).waitFor();
    await page.getByRole('heading', { name: `Evidence waiting for your verification (${toVerify.length})` }).waitFor();
    await expect(page.getByRole('heading', { name: /^Overdue/ }).count()).resolves.toBe(0);
    // Each table's date says what it is.
    const assessTable = page.getByRole('table', { name: 'Reported implemented, waiting for your assessment' });
    expect(await assessTable.locator('th').nth(3).innerText()).toBe('Reported implemented');
    expect(await page.getByRole('table', { name: 'Evidence waiting for your verification' }).locator('th').nth(3).innerText()).toBe('Submitted');

    // A recommendation to assess opens where the assessment is recorded.
    await assessTable.getByRole('link', { name: toAssess[0]!.title }).first().click();
    await page.waitForURL(/#\/recommendations\/.+\/show$/);
    expect(decodeURIComponent(page.url().split('/recommendations/')[1]!.replace('/show', ''))).toBe(toAssess[0]!.recommendationId);
    await page.getByRole('button', { name: 'Record assessment' }).waitFor();
    // Its place in its lineage says it is not yet assessed, beside its words and not over them, at both widths.
    const lineageRow = page.getByRole('listitem').filter({ hasText: '(this recommendation)' });
    await lineageRow.getByText('Not yet assessed · Implemented (reported)').waitFor();
    for (const width of [1280, 800]) {
      await page.setViewportSize({ width, height: 900 });
      const [words, chip] = await Promise.all([lineageRow.locator('.MuiListItemText-root').boundingBox(), lineageRow.locator('.MuiChip-root').boundingBox()]);
      expect(chip!.x, `the verdict clear of the words at ${width} px`).toBeGreaterThanOrEqual(words!.x + words!.width);
    }
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'My work' }).waitFor();

    await page.getByRole('link', { name: toVerify[0]!.title }).first().click();
    await page.waitForURL(/#\/recommendations\/.+\/show$/);
    expect(decodeURIComponent(page.url().split('/recommendations/')[1]!.replace('/show', ''))).toBe(toVerify[0]!.recommendationId);
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'My work' }).waitFor();
    await shots(page, 'my-work-inspector');
  }, TIMEOUT);
  it('asks the inspector again when an owner reports implemented after a verdict short of achieved, and says so on the recommendation', async () => {
    const hmpps = await apiSession(app.url, demoUsers.hmppsLeader);
    // The 2023 report's R13: reported implemented by HMPPS, found partly achieved afterwards.
    const id = await recommendationId(hmpps, 'R13', '2023');
    const read = async () => (await hmpps<{ recommendation: { version: number; reportedVsVerified: string; latestVerdict: string } }>(
      'query ($id: ID!) { recommendation(id: $id) { version reportedVsVerified latestVerdict } }', { id })).data!.recommendation;
    expect(await read()).toMatchObject({ reportedVsVerified: 'OVERSTATED', latestVerdict: 'PARTLY_ACHIEVED' });
    // The owner takes it up again, then reports it done once more.
    for (const status of ['IN_PROGRESS', 'IMPLEMENTED']) {
      const changed = await hmpps('mutation ($input: UpdateRecommendationStatusInput!) { updateRecommendationStatus(input: $input) { version } }',
        { input: { id, version: (await read()).version, status, comment: 'Victim safety plans now in every case file.' } });
      expect(changed.errors).toBeUndefined();
    }
    expect((await read()).reportedVsVerified).toBe('UNVERIFIED');

    const page = await signedIn(demoUsers.inspector);
    await page.goto(`${app.url}/#/my-work`);
    const assessTable = page.getByRole('table', { name: 'Reported implemented, waiting for your assessment' });
    const row = assessTable.locator('tbody tr').filter({ hasText: 'R13, 2023' });
    await row.waitFor();
    await row.getByRole('link').first().click();
    await page.waitForURL(/#\/recommendations\/.+\/show$/);
    await page.getByText('Reported since the verdict, not yet verified').waitFor();
    await page.getByRole('button', { name: 'Record assessment' }).waitFor();
  }, TIMEOUT);
});
