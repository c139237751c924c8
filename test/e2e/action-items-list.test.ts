import { describe, expect, it } from 'vitest';
import { useAdminApp } from './support/admin-app.ts';
import { screenshotsAtTwoWidths } from './support/browser.ts';
import { demoUsers } from './support/session.ts';

/**
 * The action items list as a leader works through it: a row opens the action's page (its details
 * and discussion), and the row's own buttons open their dialogs over the list without leaving it.
 */
const app = useAdminApp();

describe('the action items list', () => {
  it('opens an action from its row, and edits one in a dialog without leaving the list', async () => {
    const page = await app.signedIn(demoUsers.leader, { at: 'menu' });
    await page.goto(`${app.url}/#/actionItems`);
    const rows = page.locator('tbody tr');
    await rows.first().waitFor();
    await screenshotsAtTwoWidths(page, 'action-items-list');
    // The select-all box is drawn whole, inside its own header cell (not covered by the next one's).
    const selectAll = page.getByRole('checkbox', { name: 'Select all' });
    const [box, cell] = [await selectAll.locator('xpath=ancestor::span[contains(@class, "MuiCheckbox-root")]').boundingBox(), await selectAll.locator('xpath=ancestor::th').boundingBox()];
    expect(box!.x + box!.width).toBeLessThanOrEqual(cell!.x + cell!.width + 0.5);
    // At 1280 px the recommendation is a link under the description, where a column of its own (as wide as
    // its heading) left the description a few words a line; the owner and lead keep their column, the lead
    // on two lines rather than cut. The description gets the widest column.
    const context = rows.first().getByTestId('action-context');
    await expect.poll(() => context.innerText()).toMatch(/^\S+ \(\d{4}\)$/);
    await context.getByRole('link', { name: /, recommendation of / }).waitFor();
    expect(await page.locator('thead th.column-recommendation').count()).toBe(0);
    const share = await page.locator('thead th.column-description').evaluate((cell) => {
      const inPage = cell as unknown as { getBoundingClientRect(): { width: number }; closest(selector: string): { getBoundingClientRect(): { width: number } } };
      return inPage.getBoundingClientRect().width / inPage.closest('table').getBoundingClientRect().width;
    });
    expect(share, 'the description\'s share of the table at 1280 px').toBeGreaterThan(0.3);
    const leads = await page.locator('td.column-owner .MuiTypography-caption').evaluateAll((cells) =>
      (cells as unknown as { scrollHeight: number; clientHeight: number; scrollWidth: number; clientWidth: number; textContent: string }[])
        .filter((cell) => cell.scrollHeight > cell.clientHeight + 1 || cell.scrollWidth > cell.clientWidth + 1).map((cell) => cell.textContent));
    expect(leads, 'leads cut short at 1280 px').toEqual([]);
    // At 800 px, where the owner's column is left out, each action also says whose it is, under its description.
    await page.setViewportSize({ width: 800, height: 900 });
    await expect.poll(() => context.innerText()).toMatch(/^\S+ \(\d{4}\)\s*· \S/);
    await page.setViewportSize({ width: 1280, height: 900 });

    // The description is the row's link, for the keyboard; a click anywhere on the row (here its due date) opens the same page.
    // (The first the person may change: one they may not opens its page, below.)
    const first = rows.filter({ has: page.locator('td.column-description a[href^="#/actionItems/"]:not([href$="/show"])') }).first();
    const link = first.locator('td.column-description a[href^="#/actionItems/"]');
    const href = await link.getAttribute('href');
    expect(href).toMatch(/^#\/actionItems\/[^/]+$/);
    const description = (await link.textContent())!;
    await first.locator('td.column-dueDate').click();
    await page.waitForURL((url) => url.hash === href);
    const shown = page.getByRole('textbox', { name: 'What will be done' });
    await shown.waitFor();
    expect(await shown.inputValue()).toBe(description);
    // The page names the action, and leads to the recommendation whose plan it is on.
    await page.getByText(`Action: ${description}`).first().waitFor();
    expect(await page.getByRole('link', { name: /^\S+ \(\d{4}\)$/ }).first().getAttribute('href')).toMatch(/^#\/recommendations\/[^/]+\/show$/);
    await page.screenshot({ path: 'test/artifacts/action-items-page-1280.png', fullPage: true });
    // At 800 px a long title ends in an ellipsis before the app bar's buttons, instead of running under them.
    await page.setViewportSize({ width: 800, height: 1000 });
    await page.waitForTimeout(300);
    const title = page.locator('#react-admin-title');
    const [titleBox, nextBox] = [await title.boundingBox(), await title.locator('xpath=following-sibling::*[1]').boundingBox()];
    expect(titleBox!.x + titleBox!.width).toBeLessThanOrEqual(nextBox!.x + 1);
    const cut = await title.locator('> *').first().evaluate((element) => {
      const inPage = element as unknown as { scrollWidth: number; clientWidth: number; ownerDocument: { defaultView: { getComputedStyle(element: unknown): { textOverflow: string; display: string } } } };
      const style = inPage.ownerDocument.defaultView.getComputedStyle(inPage);
      return { overflows: inPage.scrollWidth > inPage.clientWidth, textOverflow: style.textOverflow, display: style.display };
    });
    expect(cut).toEqual({ overflows: true, textOverflow: 'ellipsis', display: 'block' });
    await page.screenshot({ path: 'test/artifacts/action-items-page-800.png' });
    await page.setViewportSize({ width: 1280, height: 900 });

    // A completed action, which no one changes now, opens on its page, which says so and when.
    await page.goBack();
    await rows.filter({ hasText: 'Completed' }).first().locator('td.column-dueDate').click();
    await page.waitForURL((url) => /^#\/actionItems\/[^/]+\/show$/.test(url.hash));
    await page.getByText('Completed', { exact: true }).first().waitFor();
    await page.getByText('Completed on', { exact: true }).waitFor();

    // Back on the list, the Edit button of an action the leader may change opens its dialog, and the list stays.
    await page.goBack();
    const edit = page.getByRole('button', { name: /^Edit action/ }).first();
    await edit.waitFor();
    await edit.click();
    const dialog = page.getByRole('dialog', { name: 'Edit action' });
    await dialog.waitFor();
    await dialog.getByRole('textbox').first().click();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(new URL(page.url()).hash).toBe('#/actionItems');
  }, 120_000);

  it("keeps an open action's three buttons on one line, at 1280 and 800 px", async () => {
    const page = await app.signedIn(demoUsers.hmppsLeader, { at: 'menu' });
    await page.goto(`${app.url}/#/actionItems`);
    for (const width of [1280, 800]) {
      await page.setViewportSize({ width, height: 900 });
      const row = page.locator('tbody tr', { has: page.getByRole('button', { name: /^Complete action/ }) }).first();
      await row.waitFor();
      const buttons = await row.locator('td.column-actions button').all();
      expect(buttons).toHaveLength(3);
      // Measured once the table has settled at the new width (its columns follow the resize a moment later).
      const lines = async () => new Set(await Promise.all(buttons.map(async (button) => Math.round((await button.boundingBox())!.y)))).size;
      await expect.poll(lines, { timeout: 3000, interval: 250, message: `the buttons' lines at ${width} px` }).toBe(1);
    }
  }, 120_000);

  it('opens a viewer an action’s own page, to read: what, whose, due, how far on, its plan, evidence and discussion', async () => {
    const page = await app.signedIn(demoUsers.viewer, { at: 'menu' });
    await page.goto(`${app.url}/#/actionItems?filter=${encodeURIComponent(JSON.stringify({ hasEvidence: true }))}`);
    const first = page.locator('tbody tr').first();
    await first.waitFor();
    const description = (await first.locator('td.column-description a[href^="#/actionItems/"]').innerText()).trim();
    expect(await first.locator('td.column-description a[href^="#/actionItems/"][href$="/show"]').count()).toBe(1);
    await first.locator('td.column-dueDate').click();
    await page.waitForURL(/#\/actionItems\/[^/]+\/show$/);
    await page.getByText('On the action plan of recommendation').waitFor();
    expect(await page.getByText('Access denied').count()).toBe(0);
    expect(await page.getByText(description, { exact: true }).count()).toBeGreaterThan(0);
    for (const heading of ['Owner', 'Lead', 'Due', 'Status', 'Evidence']) expect(await page.getByText(heading, { exact: true }).count(), heading).toBeGreaterThan(0);
    // Nothing to change, and nothing pretending it could be.
    expect(await page.getByRole('textbox', { name: /^(Action|Description|Lead)/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Save' }).count()).toBe(0);
    await screenshotsAtTwoWidths(page, 'action-item-page-viewer');
    // Its evidence opens the evidence list of this action.
    await page.getByRole('link', { name: /items? of evidence$/ }).click();
    await page.waitForURL(/#\/evidence\?/);
    await page.locator('tbody tr').first().waitFor();
    expect(await page.getByText('Access denied').count()).toBe(0);
  }, 120_000);

  it('opens another organisation’s action on its page, and the leader’s own in its form', async () => {
    const page = await app.signedIn(demoUsers.leader, { at: 'menu' });
    await page.goto(`${app.url}/#/actionItems`);
    const row = (owner: string) => page.locator('tbody tr').filter({ has: page.locator('td.column-owner', { hasText: new RegExp(`^${owner}`) }) }).first();
    // Not a greyed-out form, with required marks and typing hints, but the action's page, with nothing to press.
    await row('CRCs').locator('td.column-description a[href^="#/actionItems/"][href$="/show"]').click();
    await page.waitForURL(/\/show$/);
    await page.getByText('Community Rehabilitation Companies').first().waitFor();
    expect(await page.getByRole('button', { name: /^(Save|Edit action|Complete action|Add evidence to action)/ }).count()).toBe(0);
    expect(await page.getByRole('textbox').count()).toBe(0);
    await page.goBack();
    await row('Wales').locator('td.column-description a[href^="#/actionItems/"]').click();
    await page.getByRole('button', { name: 'Save' }).waitFor();
    expect(await page.getByText(/^Read only:/).count()).toBe(0);
  }, 120_000);
});
