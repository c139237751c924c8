import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useAdminApp } from './support/admin-app.ts';
import { screenshotsAtTwoWidths as shots } from './support/browser.ts';
import { apiSession, demoUsers, recommendationId } from './support/session.ts';

/**
 * A withdrawn recommendation stays readable, with its plan, evidence and discussion, but offers no
 * button of new work: to a leader whose organisation has an action in its plan, nor to an inspector.
 */

const app = useAdminApp();
const REASON = 'Superseded by the national information-sharing agreement.';
const FLOW_TIMEOUT = 240_000;

/** Every button that would record new work on the recommendation or under it, by its name. */
const WORK_BUTTONS = [
  /^Change status$/, /^(Record|Change) response of/, /^Edit details$/, /^Mark as priority$/, /^Remove priority$/, /^Withdraw$/,
  /^Add action$/, /^Edit action/, /^Complete action/, /^Add evidence to action/, /^Attach files/, /^Remove the file/,
  /^Accept evidence/, /^Insufficient: evidence/, /^Record assessment$/,
];

/** The names of the work buttons the page offers now ("Edit details" is a link that looks like a button). */
async function workButtons(page: Page): Promise<string[]> {
  const names = await page.getByRole('button').or(page.getByRole('link')).evaluateAll((buttons) => buttons.map((button) => (button.getAttribute('aria-label') ?? button.textContent ?? '').trim()));
  return names.filter((name) => WORK_BUTTONS.some((pattern) => pattern.test(name)));
}

/** Whether every one of these buttons is among those offered. */
const offered = (names: string[], wanted: RegExp[]) => wanted.every((pattern) => names.some((name) => pattern.test(name)));

const WELSH_EVIDENCE = 'Swansea PDU enquiry log showing enquiries made in 88% of new cases';

/** The inspectors' evidence queue, read afresh, once its rows are in. */
async function openQueue(page: Page) {
  await page.goto(`${app.url}/#/evidence`);
  await page.reload();
  await page.getByRole('button', { name: /^Accept evidence/ }).first().waitFor();
}

/** The page with its action plan and evidence read (their rows carry their own buttons). */
async function openRecommendation(page: Page, id: string) {
  const url = app.showPage('recommendations', id);
  // Read again when already there: the app would show what it read before.
  if (page.url() === url) await page.reload();
  else await page.goto(url);
  await page.getByText('Adopt the Cardiff enquiry model in every Welsh PDU').first().waitFor();
  await page.getByText(WELSH_EVIDENCE).first().waitFor();
  await page.getByText('Not assessed by inspectors yet.').or(page.getByRole('columnheader', { name: 'Verdict' })).first().waitFor();
}

describe('a withdrawn recommendation', () => {
  it('shows it withdrawn, when and why, and offers a leader and an inspector no button of new work, only its discussion', async () => {
    const post = await apiSession(app.url, demoUsers.inspector);
    // 2023 R5: HMPPS's, with an action for Wales (the demo leader's) that has evidence not yet verified.
    const id = await recommendationId(post, 'R5', '2023');
    const read = await post<{ node: { version: number; actionItems: { edges: { node: { id: string; owner: { shortName: string } } }[] } } }>(
      'query ($id: ID!) { node(id: $id) { ... on Recommendation { version actionItems(first: 10) { edges { node { id owner { shortName } } } } } } }', { id });
    const walesAction = read.data!.node.actionItems.edges.map((edge) => edge.node).find((item) => item.owner.shortName === 'Wales')!;

    // While it stands, each of them is offered work on it: what the withdrawal must take away.
    const leader = await app.signedIn(demoUsers.leader, { at: 'menu' });
    await openRecommendation(leader, id);
    await expect.poll(async () => offered(await workButtons(leader), [/^Add action$/, /^Edit action/, /^Add evidence to action/, /^Attach files/])).toBe(true);
    const inspector = await app.signedIn(demoUsers.inspector, { at: 'menu' });
    await openRecommendation(inspector, id);
    await expect.poll(async () => offered(await workButtons(inspector), [/^Record assessment$/, /priority$/, /^Withdraw$/, /^Accept evidence/, /^Edit details$/])).toBe(true);
    // Its Welsh evidence waits in the inspectors' queue.
    await openQueue(inspector);
    await inspector.getByText(WELSH_EVIDENCE).first().waitFor();

    const withdrawn = await post('mutation ($input: WithdrawRecommendationInput!) { withdrawRecommendation(input: $input) { id } }',
      { input: { id, version: read.data!.node.version, reason: REASON } });
    expect(withdrawn.errors).toBeUndefined();

    for (const [page, who] of [[leader, 'leader'], [inspector, 'inspector']] as const) {
      await openRecommendation(page, id);
      await page.getByText(`: ${REASON}`, { exact: false }).first().waitFor();
      await expect(page.getByText(/^Withdrawn on \d{1,2} \w{3} \d{4}, \d{2}:\d{2}: /).count()).resolves.toBe(1);
      await expect(workButtons(page)).resolves.toEqual([]);
      // Its discussion stays open, and the notice says so.
      await page.getByLabel('Write a comment').waitFor();
      await page.getByText(/Its discussion stays open\.$/).waitFor();
      await shots(page, `withdrawn-recommendation-${who}`);
    }
    // Its report's page marks it withdrawn in the list, and its progress counts the twelve still asked for.
    await inspector.goto(app.showPage('reports', (await post<{ node: { report: { id: string } } }>('query ($id: ID!) { node(id: $id) { ... on Recommendation { report { id } } } }', { id })).data!.node.report.id));
    const row = inspector.getByRole('row').filter({ hasText: 'Make domestic abuse enquiries with the police and safeguarding' });
    await row.getByText('Withdrawn', { exact: true }).waitFor();
    await inspector.getByText(/^Implemented \(owners\): \d+ of 12 /).waitFor();
    await shots(inspector, 'withdrawn-on-report-page');
    // A viewer, who may not read the discussion, is not told of it.
    const viewer = await app.signedIn(demoUsers.viewer, { at: 'menu' });
    await viewer.goto(app.showPage('recommendations', id));
    await viewer.getByText(`: ${REASON}`, { exact: false }).first().waitFor();
    await viewer.getByText(/verdicts stay as they were when it was withdrawn\.$/).waitFor();
    await expect(viewer.getByText('discussion', { exact: false }).count()).resolves.toBe(0);
    // The queue no longer holds its evidence, which can take no verdict now; the rest still waits there.
    await openQueue(inspector);
    await expect(inspector.getByText(WELSH_EVIDENCE).count()).resolves.toBe(0);
    await shots(inspector, 'evidence-queue-after-withdrawal');
    await openRecommendation(inspector, id);
    // Inspectors still decide whether its report's public page shows it.
    await inspector.getByRole('button', { name: 'Mark internal' }).waitFor();

    // The Welsh action's own page (where a mention or "my work" leads): read only, saying why.
    await leader.goto(`${app.url}/#/actionItems/${encodeURIComponent(walesAction.id)}`);
    await leader.getByText('Its recommendation, R5, is withdrawn').waitFor();
    await expect.poll(() => leader.getByLabel('What will be done').inputValue()).toBe('Adopt the Cardiff enquiry model in every Welsh PDU');
    await expect(leader.getByLabel('What will be done').isDisabled()).resolves.toBe(true);
    await expect(leader.getByRole('button', { name: 'Save' }).count()).resolves.toBe(0);
    await leader.getByLabel('Write a comment').waitFor();
    await shots(leader, 'withdrawn-action-leader');
  }, FLOW_TIMEOUT);
});
