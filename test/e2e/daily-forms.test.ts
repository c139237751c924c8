import { describe, expect, it } from 'vitest';
import { useAdminApp } from './support/admin-app.ts';
import { screenshotsAtTwoWidths as shots } from './support/browser.ts';
import { apiSession, demoUsers, recommendationId, type ApiPost, type User } from './support/session.ts';

/**
 * The daily forms of leaders and administrators (issue 17, items 1, 2, 3, 8 and 10), each as the
 * role that meets it, with screenshots at 1280 and 800 px wide.
 */

const app = useAdminApp();
/** Signed in, waiting only for the menu: these flows go straight to a record, not the dashboard. */
const signedIn = (user: User) => app.signedIn(user, { at: 'menu' });

async function actionItem(post: ApiPost, search: string) {
  const result = await post<{ actionItems: { edges: { node: { id: string; version: number; description: string } }[] } }>(
    'query ($search: String) { actionItems(first: 5, filter: { search: $search }) { edges { node { id version description } } } }',
    { search },
  );
  const found = result.data?.actionItems.edges[0]?.node;
  if (!found) throw new Error(`no action item like ${search}`);
  return found;
}

/** Each flow signs in, writes and takes screenshots at two widths: more than the default minute on a busy machine. */
const FLOW_TIMEOUT = 180_000;

const showPage = (id: string) => app.showPage('recommendations', id);
const CARDIFF_AUDIT = 'Quarterly audit of domestic abuse risk assessments in Cardiff and Vale';

describe('daily forms', () => {
  it('1. puts a server’s field error on the form’s own field, clears it when edited, and keeps the reason and the note', async () => {
    const post = await apiSession(app.url, demoUsers.leader);
    const page = await signedIn(demoUsers.leader);
    await page.goto(showPage(await recommendationId(post, 'R3', '2023')));
    await page.getByRole('button', { name: /Edit action “Quarterly audit of domestic abuse risk assessments in Card/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Due date', { exact: true }).fill('31/12/2027');
    await dialog.getByLabel('Note on the change (kept in history)').fill('Agreed at the regional board.');
    await dialog.getByRole('button', { name: 'Save' }).click();
    // The server's `changes.dueDateReason` lands on the reason field, and nowhere else.
    const reason = dialog.getByLabel(/Why the due date moves/);
    await dialog.getByText('give the reason the due date moves').waitFor();
    await expect(reason.getAttribute('aria-invalid')).resolves.toBe('true');
    await shots(page, 'daily-1-field-error');
    await reason.fill('The audit team starts in the new year.');
    await expect(reason.getAttribute('aria-invalid')).resolves.toBe('false');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Action saved').waitFor();
    await expect(page.getByText('The form is not valid').count()).resolves.toBe(0);
    // History keeps both: the reason and the note.
    await page.getByText(/The audit team starts in the new year\.\s+Note: Agreed at the regional board\./).waitFor();
    // The change names the action it was made to, among the plan's several.
    await page.getByRole('region', { name: 'History' }).getByText(/moved the due date of the action “Quarterly audit of domestic abuse risk assessments…” from .+ to 31 Dec 2027/).waitFor();
    await page.getByRole('heading', { name: 'History' }).scrollIntoViewIfNeeded();
    await shots(page, 'daily-1-history');
  }, FLOW_TIMEOUT);

  it('2. records an addressee’s response, with its text and date, as that addressee’s leader', async () => {
    const post = await apiSession(app.url, demoUsers.hmppsLeader);
    const id = await recommendationId(post, 'R4', '2023');
    const page = await signedIn(demoUsers.hmppsLeader);
    await page.goto(showPage(id));
    await page.getByRole('button', { name: /^(Record|Change) response of HM Prison and Probation Service$/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Partly accepted').check();
    await dialog.getByLabel(/What the response says/).fill('Accepted for the Probation Service; prisons to follow in 2027.');
    await dialog.getByLabel('Responded on').fill('04/10/2023');
    await shots(page, 'daily-2-response-dialog');
    await dialog.getByRole('button', { name: 'Save response' }).click();
    await page.getByText('Response saved').waitFor();
    const responses = page.getByRole('list', { name: 'Responses of the addressees' }).getByRole('listitem').filter({ hasText: 'HM Prison and Probation Service' });
    await responses.getByText('Partly accepted').waitFor();
    await responses.getByText('on 4 Oct 2023').waitFor();
    await responses.getByText('Accepted for the Probation Service; prisons to follow in 2027.').waitFor();
    await page.getByText(/“Accepted for the Probation Service; prisons to follow in 2027\.\s+Responded on/).waitFor();
    await shots(page, 'daily-2-response-shown');
    // A leader of another organisation is not offered HMPPS's response.
    const other = await signedIn(demoUsers.leader);
    await other.goto(showPage(id));
    await other.getByRole('list', { name: 'Responses of the addressees' }).waitFor();
    await expect(other.getByRole('button', { name: /^(Record|Change) response of HM Prison and Probation Service$/ }).count()).resolves.toBe(0);
  }, FLOW_TIMEOUT);

  it('3. offers no removal that fails: deactivates an organisation and a user instead, with history', async () => {
    const post = await apiSession(app.url, demoUsers.administrator);
    const page = await signedIn(demoUsers.administrator);
    const first = async (query: string) => ((await post<Record<string, { edges: { node: { id: string } }[] }>>(query)).data as Record<string, { edges: { node: { id: string } }[] }>);
    const reportId = (await first('{ reports(first: 1) { edges { node { id } } } }')).reports!.edges[0]!.node.id;
    const swansea = (await first('{ organisations(first: 1, filter: { search: "Swansea" }) { edges { node { id } } } }')).organisations!.edges[0]!.node.id;
    const viewer = (await first('{ users(first: 1, filter: { search: "viewer@example.org" }) { edges { node { id } } } }')).users!.edges[0]!.node.id;
    for (const path of [`reports/${encodeURIComponent(reportId)}`, `organisations/${encodeURIComponent(swansea)}`, `users/${encodeURIComponent(viewer)}`]) {
      await page.goto(`${app.url}/#/${path}`);
      await page.getByRole('button', { name: 'Save' }).waitFor();
      await expect(page.getByRole('button', { name: 'Delete' }).count(), `${path} offers Delete`).resolves.toBe(0);
    }
    await shots(page, 'daily-3-user-edit');

    // An organisation is not offered as its own parent.
    await page.goto(`${app.url}/#/organisations/${encodeURIComponent(swansea)}`);
    await page.getByLabel('Belongs to').fill('Swansea');
    await expect(page.getByRole('option', { name: 'Swansea, Neath and Port Talbot PDU' }).getAttribute('aria-disabled')).resolves.toBe('true');
    await page.keyboard.press('Escape');
    // Nor is any organisation under it: Wales cannot belong to one of its own PDUs.
    const wales = (await first('{ organisations(first: 1, filter: { search: "Probation Service Wales" }) { edges { node { id } } } }')).organisations!.edges[0]!.node.id;
    await page.goto(`${app.url}/#/organisations/${encodeURIComponent(wales)}`);
    const parent = page.getByRole('combobox', { name: 'Belongs to' });
    await expect.poll(() => parent.inputValue()).not.toBe('');
    await parent.fill('PDU');
    for (const unit of ['Cardiff and Vale PDU', 'Swansea, Neath and Port Talbot PDU']) {
      await expect(page.getByRole('option', { name: unit }).getAttribute('aria-disabled'), `${unit} offered as the parent of Wales`).resolves.toBe('true');
    }
    await parent.fill('Probation');
    await expect(page.getByRole('option', { name: 'Probation Service Wales' }).getAttribute('aria-disabled')).resolves.toBe('true');
    // A body beside it stays on offer.
    await expect(page.getByRole('option', { name: 'Probation Service North West' }).getAttribute('aria-disabled')).resolves.not.toBe('true');
    await shots(page, 'daily-3-parent-choices');
    await page.keyboard.press('Escape');

    await page.goto(`${app.url}/#/organisations/${encodeURIComponent(swansea)}/show`);
    await page.getByRole('button', { name: 'Deactivate' }).click();
    await page.getByText(/no longer be offered as an owner/).waitFor();
    await shots(page, 'daily-3-deactivate-confirm');
    await page.getByRole('dialog').getByRole('button', { name: 'Deactivate' }).click();
    await page.getByText('Organisation deactivated').waitFor();
    await page.getByRole('button', { name: 'Reactivate' }).waitFor();
    // Its page keeps its history, the deactivation on top, as the recommendation's page does.
    const organisationHistory = page.getByRole('region', { name: 'History' });
    await organisationHistory.getByRole('listitem').first().filter({ hasText: 'deactivated the organisation' }).waitFor();
    const owners = await post<{ organisations: { edges: { node: { name: string } }[] } }>('{ organisations(first: 100, filter: { active: true }) { edges { node { name } } } }');
    expect(owners.data!.organisations.edges.map((edge) => edge.node.name)).not.toContain('Swansea, Neath and Port Talbot PDU');
    await shots(page, 'daily-3-organisation-inactive');
    // The organisations list marks it, so nobody reads it as a body still at work.
    await page.goto(`${app.url}/#/organisations?filter=${encodeURIComponent(JSON.stringify({ q: 'Swansea' }))}`);
    await page.locator('tbody tr').filter({ hasText: 'Swansea, Neath and Port Talbot PDU' }).getByText('Inactive', { exact: true }).waitFor();
    await page.goto(`${app.url}/#/organisations/${encodeURIComponent(swansea)}/show`);
    await page.getByRole('button', { name: 'Reactivate' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Reactivate' }).click();
    await page.getByText('Organisation reactivated').waitFor();

    await page.goto(`${app.url}/#/users/${encodeURIComponent(viewer)}/show`);
    await page.getByRole('button', { name: 'Deactivate' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Deactivate' }).click();
    await page.getByText('User deactivated').waitFor();
    await page.getByRole('region', { name: 'History' }).getByRole('listitem').first().filter({ hasText: 'deactivated the user' }).waitFor();
    await shots(page, 'daily-3-user-history');
    const history = await post<{ history: { edges: { node: { field: string; toValue: string } }[] } }>(
      '{ history(first: 20, filter: { subjects: [USER] }) { edges { node { field toValue } } } }',
    );
    expect(history.data!.history.edges.map((edge) => edge.node)).toContainEqual({ field: 'active', toValue: 'false' });
    await page.getByRole('button', { name: 'Reactivate' }).waitFor();
  }, FLOW_TIMEOUT);

  it('8. gives an action to the leader’s own organisation, offers only what they may choose, and warns before doubtful saves', async () => {
    const post = await apiSession(app.url, demoUsers.leader);
    const page = await signedIn(demoUsers.leader);
    // R2 of 2023 is owned by HMPPS; a Welsh leader adds an action for Wales to its plan.
    await page.goto(showPage(await recommendationId(post, 'R2', '2023')));
    await page.getByRole('button', { name: 'Add action' }).click();
    const dialog = page.getByRole('dialog');
    const owner = dialog.getByLabel('Owning organisation');
    await expect.poll(() => owner.inputValue()).toBe('Probation Service Wales');
    await owner.click();
    await owner.fill('');
    const options = page.getByRole('listbox').getByRole('option');
    await options.first().waitFor();
    await expect(options.allTextContents()).resolves.toEqual(['Cardiff and Vale PDU', 'Probation Service Wales', 'Swansea, Neath and Port Talbot PDU']);
    await shots(page, 'daily-8-owner-choices');
    await page.getByRole('option', { name: 'Probation Service Wales' }).click();
    await dialog.getByLabel('What will be done').fill('Catch up the Welsh backlog of risk reviews.');
    await dialog.getByLabel('Due date', { exact: true }).fill('01/02/2025');
    await dialog.getByRole('button', { name: 'Add action' }).click();
    await dialog.getByText('Check before saving').waitFor();
    await dialog.getByText('The due date, 1 Feb 2025, is already past.').waitFor();
    await shots(page, 'daily-8-warning');
    await dialog.getByRole('button', { name: 'Save anyway' }).click();
    await page.getByText('Action added').waitFor();
    await page.getByText('Saved despite the warning: The due date, 1 Feb 2025, is already past.').waitFor();

    // "Implemented" with nothing to back it, while an action is blocked: the owner's leader is warned.
    const hmpps = await apiSession(app.url, demoUsers.hmppsLeader);
    // One with no plan yet, so that the blocked action added below is the plan's only one.
    const unbacked = await hmpps<{ recommendations: { edges: { node: { id: string; viewerCanUpdateStatus: boolean; actionItemCount: number; owner: { id: string } } }[] } }>(
      '{ recommendations(first: 50, filter: { unevidenced: true, statuses: [NOT_STARTED, IN_PROGRESS] }) { edges { node { id viewerCanUpdateStatus actionItemCount owner { id } } } } }',
    );
    const target = unbacked.data!.recommendations.edges.map((edge) => edge.node).find((node) => node.viewerCanUpdateStatus && node.actionItemCount === 0)!;
    expect(target, 'an unevidenced recommendation with no plan, which HMPPS may update').toBeDefined();
    const rec = target.id;
    const blocked = await hmpps('mutation ($input: CreateActionItemInput!) { createActionItem(input: $input) { id } }', {
      input: { recommendationId: rec, description: 'Commission the national perpetrator programme', ownerId: target.owner.id, status: 'BLOCKED' },
    });
    expect(blocked.errors).toBeUndefined();
    const owner2 = await signedIn(demoUsers.hmppsLeader);
    await owner2.goto(showPage(rec));
    await owner2.getByRole('button', { name: 'Change status' }).click();
    const statusDialog = owner2.getByRole('dialog');
    await statusDialog.getByLabel('Implemented').check();
    await statusDialog.getByLabel(/Why it changed/).fill('The strategy is published.');
    await statusDialog.getByRole('button', { name: 'Change status' }).click();
    await statusDialog.getByText(/No evidence backs the plan, and the action “Commission the national perpetrator programme” is blocked\./).waitFor();
    await shots(owner2, 'daily-8-implemented-warning');
    await statusDialog.getByRole('button', { name: 'Save anyway' }).click();
    await owner2.getByText('Status changed').waitFor();
    await owner2.getByText(/Saved despite the warning: No evidence backs the plan/).waitFor();
  }, FLOW_TIMEOUT);

  it('10. shows a conflict on a solid surface, with what was typed beside the saved values, and keeps it', async () => {
    const post = await apiSession(app.url, demoUsers.leader);
    const page = await signedIn(demoUsers.leader);
    await page.goto(showPage(await recommendationId(post, 'R3', '2023')));
    await page.getByRole('button', { name: /Edit action “Quarterly audit of domestic abuse risk assessments in Card/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Lead person').fill('Head of quality, Cardiff');
    // Meanwhile a colleague changes the same action.
    const item = await actionItem(post, CARDIFF_AUDIT);
    const elsewhere = await post('mutation ($input: UpdateActionItemInput!) { updateActionItem(input: $input) { version } }', {
      input: { id: item.id, version: item.version, description: `${CARDIFF_AUDIT}, with Swansea's method`, dueDate: '2027-06-30', dueDateReason: 'Swansea goes first.' },
    });
    expect(elsewhere.errors).toBeUndefined();
    await dialog.getByRole('button', { name: 'Save' }).click();
    const panel = dialog.getByRole('alert').filter({ hasText: 'Someone else saved this record after you opened it' });
    await panel.waitFor();
    const table = panel.getByRole('table', { name: 'Your changes and the saved values' });
    await table.getByRole('row', { name: /Lead person\s+Head of quality, Cardiff\s+Senior probation officer, quality/ }).waitFor();
    await table.getByRole('row', { name: /What will be done\s+not changed by you\s+.*with Swansea's method/ }).waitFor();
    // A day as the pages show one, not as the API sends it.
    await table.getByRole('row', { name: /Due date\s+not changed by you\s+30 Jun 2027/ }).waitFor();
    // A surface of its own: the panel is opaque, so nothing shows through it.
    expect(await page.evaluate(`getComputedStyle(document.querySelector('[role=dialog] [role=alert]')).backgroundColor`)).toBe('rgb(255, 255, 255)');
    await shots(page, 'daily-10-conflict');
    await panel.getByRole('button', { name: 'Keep my changes on the saved version' }).click();
    // The saved version is read again first; the form takes it a moment later (slowly, on a busy machine).
    await expect.poll(() => dialog.getByLabel('What will be done').inputValue()).toBe(`${CARDIFF_AUDIT}, with Swansea's method`);
    await expect(dialog.getByLabel('Lead person').inputValue()).resolves.toBe('Head of quality, Cardiff');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Action saved').waitFor();
    const saved = await post<{ actionItem: { leadPerson: string; description: string } }>('query ($id: ID!) { actionItem(id: $id) { leadPerson description } }', { id: item.id });
    expect(saved.data!.actionItem).toEqual({ leadPerson: 'Head of quality, Cardiff', description: `${CARDIFF_AUDIT}, with Swansea's method` });
  }, FLOW_TIMEOUT);
});
