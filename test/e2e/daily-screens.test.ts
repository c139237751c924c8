import fs from 'node:fs';
import type { Page, Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useAdminApp } from './support/admin-app.ts';
import { screenshot, sidewaysOverflow, type Browser } from './support/browser.ts';
import { apiSession, demoUsers, recommendationId as idOf, signIn } from './support/session.ts';
import { NO_VERDICT } from '../../server/domain/enum-labels.ts';

/*
 * The daily screens of issue 17, as each role meets them, at a laptop's 1280 px and a tablet's 800 px:
 * lists that fit (4), one date format (5), history in words (9), exports (11), keyboard and links (12),
 * and the smaller faults (14).
 */

const app = useAdminApp();
const widths = { laptop: { width: 1280, height: 900 }, tablet: { width: 800, height: 1000 } } as const;
type User = (typeof demoUsers)[keyof typeof demoUsers] | null;

/** A signed-in page for the user at the width, in a browser of its own (the session is a cookie). */
const browserOf = new Map<Page, Browser>();
async function pageFor(user: User, width: keyof typeof widths): Promise<Page> {
  const browser = await app.browser(widths[width]);
  browserOf.set(browser.page, browser);
  // The machine running the suite may be busy: a screen is given a minute, not half of one.
  browser.page.setDefaultTimeout(60_000);
  if (user) {
    // A first visit on a loaded machine can miss the sign-in form's first paint: one more try.
    await signIn(browser.page, app.url, user).catch(() => signIn(browser.page, app.url, user));
  }
  return browser.page;
}

/** Closes the page's browser, checking it asked nothing of another origin. */
const done = (page: Page) => app.close(browserOf.get(page)!);

/** Waits for the app's own route (the part after #) to match. */
async function waitForRoute(page: Page, route: RegExp) {
  for (let tries = 0; tries < 120 && !route.test(new URL(page.url()).hash); tries += 1) await page.waitForTimeout(500);
  expect(new URL(page.url()).hash).toMatch(route);
}

const recommendationId = async (reference: string, year: string) => idOf(await apiSession(app.url, demoUsers.inspector), reference, year);

const go = (page: Page, path: string) => page.goto(`${app.url}/#${path}`);

/** An element as the page sees it (this file is typed for Node, which has no DOM). */
type InPage = { ownerDocument: { activeElement: unknown; defaultView: { getComputedStyle(element: unknown): { textDecorationLine: string } } } };

/** The text a person reads on the page, inputs aside. */
const visibleText = (page: Page) => page.evaluate('document.body.innerText') as Promise<string>;

describe('daily screens', () => {
  it('4: lists fit the window for each role, with the evidence buttons in view and the menu clickable', async () => {
    const lists = [
      { path: '/recommendations', ready: 'Status · verdict', roles: ['inspector', 'leader'] as const },
      { path: '/actionItems', ready: 'Due', roles: ['inspector', 'leader'] as const },
      { path: '/evidence', ready: 'Backs the action', roles: ['inspector', 'administrator'] as const },
    ];
    for (const width of ['laptop', 'tablet'] as const) {
      for (const role of ['inspector', 'leader', 'administrator'] as const) {
        const page = await pageFor(demoUsers[role], width);
        for (const list of lists.filter((candidate) => (candidate.roles as readonly string[]).includes(role))) {
          await go(page, list.path);
          if (width === 'laptop' || list.path !== '/recommendations') await page.getByRole('columnheader', { name: list.ready }).first().waitFor();
          else await page.locator('main ul a').first().waitFor();
          await page.locator('tbody tr, main ul a').first().waitFor();
          await screenshot(page, `daily-4${list.path.replace('/', '-')}-${role}-${width}`);
          expect(await sidewaysOverflow(page), `${list.path} as ${role} at ${width} scrolls sideways`).toBe(0);
          if (list.path === '/evidence') {
            const accept = page.getByRole('button', { name: /^Accept evidence/ }).first();
            const box = await accept.boundingBox();
            expect(box && box.x + box.width <= widths[width].width, 'Accept is within the window').toBe(true);
          }
          if (list.path === '/actionItems' && width === 'laptop') {
            // A row is a few lines, not 8-12: the report's title is no longer repeated in each.
            const heights = (await page.evaluate(`[...document.querySelectorAll('tbody tr')].map((row) => row.getBoundingClientRect().height)`)) as number[];
            expect(Math.max(...heights), 'tallest action row').toBeLessThan(130);
          }
        }
        if (width === 'laptop' && role === 'inspector') {
          // Scrolled content stays beside the menu: a click on the menu reaches the menu.
          await go(page, '/recommendations');
          await page.getByRole('columnheader', { name: 'Status · verdict' }).waitFor();
          await page.mouse.wheel(0, 600);
          await page.getByRole('menuitem', { name: 'Reports' }).click();
          await waitForRoute(page, /^#\/reports$/);
        }
        await done(page);
      }
    }
  }, 300_000);

  it('5: every date reads one way (14 Oct 2025) and is typed as dd/mm/yyyy', async () => {
    const id = await recommendationId('R2', '2023');
    for (const width of ['laptop', 'tablet'] as const) {
      const page = await pageFor(demoUsers.hmppsLeader, width);
      await go(page, `/recommendations/${encodeURIComponent(id)}/show`);
      await page.getByRole('heading', { level: 1, name: 'Recommendation R2' }).waitFor();
      await page.getByText(/published \d{1,2} [A-Z][a-z]{2,3} \d{4}/).waitFor();
      await page.getByRole('heading', { name: 'History' }).waitFor();
      await page.waitForTimeout(300);
      const text = await visibleText(page);
      expect(text, 'no ISO dates').not.toMatch(/\b\d{4}-\d{2}-\d{2}\b/);
      expect(text, 'no US dates').not.toMatch(/\b\d{1,2}\/\d{1,2}\/\d{4}\b/);
      if (width === 'laptop') {
        await page.getByRole('button', { name: 'Add action' }).click();
        const dialog = page.getByRole('dialog');
        const due = dialog.getByLabel('Due date');
        await expect(due.getAttribute('placeholder')).resolves.toBe('dd/mm/yyyy');
        // The hint under the field gives an example rather than saying the placeholder again.
        await dialog.getByText('For example, 31/03/2027').waitFor();
        await expect(dialog.getByText('dd/mm/yyyy', { exact: true }).count()).resolves.toBe(0);
        await dialog.getByLabel('What will be done').fill('Publish the practice guide for every region.');
        await due.fill('31/02/2027');
        await dialog.getByRole('button', { name: 'Add action' }).click();
        await dialog.getByText('Type the date as dd/mm/yyyy, e.g. 31/03/2027').waitFor();
        await due.fill('30/04/2027');
        await screenshot(page, `daily-5-due-date-input-${width}`);
        await dialog.getByRole('button', { name: 'Add action' }).click();
        await page.getByText('Action added').waitFor();
        await page.getByRole('row', { name: /Publish the practice guide for every region/ }).getByText('30 Apr 2027').waitFor();
        await page.getByText(/added an action “Publish the practice guide for every region.”/).waitFor();
      }
      await screenshot(page, `daily-5-recommendation-${width}`);
      await done(page);
    }
  }, 300_000);

  it('9: history reads in words: labels, not codes, one line an act', async () => {
    const id = await recommendationId('R3', '2023');
    for (const [width, role] of [['laptop', 'inspector'], ['tablet', 'leader']] as const) {
      {
        const page = await pageFor(demoUsers[role], width);
        await go(page, `/recommendations/${encodeURIComponent(id)}/show`);
        await page.getByRole('heading', { name: 'History' }).waitFor();
        const history = page.locator('ol').filter({ has: page.locator('time') });
        await history.first().waitFor();
        const text = await history.first().innerText();
        expect(text).toMatch(/changed the status from [A-Z][a-z]+/);
        expect(text, 'no enum codes').not.toMatch(/\b[A-Z]{2,}_[A-Z_]+\b/);
        expect(text, 'no record numbers').not.toMatch(/response:\d|#\d+/);
        await history.first().scrollIntoViewIfNeeded();
        await screenshot(page, `daily-9-history-${role}-${width}`);
        await done(page);
      }
    }
  }, 300_000);

  it('11: every list exports labelled, readable columns with a link to each record, as UTF-8 with a BOM', async () => {
    const exports = [
      // A recommendation with no verdict says so, as its page does: an empty cell reads as a value lost.
      { path: '/recommendations', headers: ['Report', 'Reference', 'Owner', 'Status (reported)', 'Latest verdict', 'Target date', 'Link'], link: '#/recommendations/', says: [NO_VERDICT] },
      { path: '/actionItems', headers: ['Action', 'Recommendation', 'Owner', 'Due', 'Status', 'Link'], link: '#/recommendations/' },
      { path: '/evidence', headers: ['Evidence', 'Strength', 'Owner', 'Submitted', 'Verification', 'Link'], link: '#/recommendations/' },
      { path: '/reports', headers: ['Title', 'Kind', 'Published', 'Inspectorate', 'Link'], link: '#/reports/' },
      { path: '/users', headers: ['Name', 'Email', 'Role', 'Organisation', 'Link'], link: '#/users/' },
    ];
    for (const width of ['laptop', 'tablet'] as const) {
      const page = await pageFor(demoUsers.administrator, width);
      for (const list of width === 'laptop' ? exports : exports.slice(0, 2)) {
        await go(page, list.path);
        const exportButton = page.getByRole('button', { name: 'Export' });
        await exportButton.waitFor();
        const [download] = await Promise.all([page.waitForEvent('download'), exportButton.click()]);
        const bytes = fs.readFileSync((await download.path())!);
        expect([...bytes.subarray(0, 3)], `${list.path}: UTF-8 byte-order mark`).toEqual([0xef, 0xbb, 0xbf]);
        const csv = bytes.subarray(3).toString('utf8');
        const [header, first] = csv.split('\r\n');
        for (const name of list.headers) expect(header!.split(','), `${list.path} header`).toContain(name);
        expect(first, `${list.path}: a link to the record`).toContain(`${app.url}/${list.link}`);
        for (const words of list.says ?? []) expect(csv, `${list.path}: says "${words}"`).toContain(words);
        // Readable values: no enum codes, no ISO dates, no base64 ids outside the links.
        const withoutLinks = csv.replace(/http\S+/g, '');
        expect(withoutLinks, `${list.path}: enum codes`).not.toMatch(/\b(NOT_STARTED|IN_PROGRESS|UNVERIFIED|THEMATIC|ADMINISTRATOR|PLANNED)\b/);
        expect(withoutLinks, `${list.path}: ISO dates`).not.toMatch(/\b\d{4}-\d{2}-\d{2}\b/);
        expect(withoutLinks, `${list.path}: ids`).not.toMatch(/\b(UmVj|QWN0|RXZp|UmVw|VXNl|T3Jn)[A-Za-z0-9+/=]{6,}/);
      }
      await done(page);
    }
  }, 300_000);

  it('12: list rows open with the keyboard, lineage links look like links, a record opens at its top', async () => {
    for (const [width, role] of [['laptop', 'inspector'], ['tablet', 'leader']] as const) {
      {
        const page = await pageFor(demoUsers[role], width);
        await go(page, '/recommendations');
        const firstLink = page.locator('a[href^="#/recommendations/"]').first();
        await firstLink.waitFor();
        await page.mouse.wheel(0, 2000);
        await page.waitForTimeout(200);
        // Tab reaches the first row's link, which leads to the recommendation's page (the lineage link below is followed).
        const focused = () => firstLink.evaluate((element) => { const inPage = element as unknown as InPage; return inPage === inPage.ownerDocument.activeElement; });
        for (let presses = 0; presses < 40 && !(await focused()); presses += 1) await page.keyboard.press('Tab');
        expect(await focused(), 'row link reached by Tab').toBe(true);
        const href = await firstLink.getAttribute('href');
        expect(href, 'the row link opens the recommendation').toMatch(/^#\/recommendations\/[^/]+\/show$/);
        // Enter on the focused row link opens that recommendation's page.
        await page.keyboard.press('Enter');
        await page.waitForURL((url) => url.hash === href);
        await page.getByRole('heading', { name: /Action plan/ }).first().waitFor();
        if (width === 'tablet') {
          // At 800 px an action's description keeps most of the row (owner and lead go under it), not one word a line.
          const plan = page.locator('section', { has: page.getByRole('heading', { name: 'Action plan' }) });
          const description = plan.locator('tbody tr td').first();
          await description.waitFor();
          const share = await description.evaluate((cell) => {
            const inPage = cell as unknown as { getBoundingClientRect(): { width: number }; closest(selector: string): { getBoundingClientRect(): { width: number } } };
            return inPage.getBoundingClientRect().width / inPage.closest('table').getBoundingClientRect().width;
          });
          expect(share, 'share of the action plan row the description gets at 800 px').toBeGreaterThan(0.45);
          await screenshot(page, 'daily-12-action-plan-tablet');
          // The same for the evidence (six columns once left its summary one letter wide).
          await go(page, `/recommendations/${encodeURIComponent(await recommendationId('R5', '2023'))}/show`);
          const evidence = page.locator('section', { has: page.getByRole('heading', { name: 'Evidence and verification' }) }).locator('tbody tr td').first();
          await evidence.waitFor();
          const evidenceShare = await evidence.evaluate((cell) => {
            const inPage = cell as unknown as { getBoundingClientRect(): { width: number }; closest(selector: string): { getBoundingClientRect(): { width: number } } };
            return inPage.getBoundingClientRect().width / inPage.closest('table').getBoundingClientRect().width;
          });
          expect(evidenceShare, 'share of the evidence row its summary gets at 800 px').toBeGreaterThan(0.45);
        }
        await done(page);
      }
    }
    const page = await pageFor(demoUsers.inspector, 'laptop');
    await go(page, `/recommendations/${encodeURIComponent(await recommendationId('R3', '2023'))}/show`);
    const earlier = page.getByRole('list', { name: 'Versions of this recommendation, earliest first' }).getByRole('link').first();
    await earlier.waitFor();
    const style = await earlier.locator('.MuiListItemText-primary').evaluate((element) => { const inPage = element as unknown as InPage; return inPage.ownerDocument.defaultView.getComputedStyle(inPage).textDecorationLine; });
    expect(style).toContain('underline');
    await earlier.scrollIntoViewIfNeeded();
    await screenshot(page, 'daily-12-lineage-links');
    await earlier.click();
    await page.waitForTimeout(400);
    expect(await page.evaluate('window.scrollY'), 'the earlier recommendation opens at its top').toBe(0);
    await done(page);
  }, 300_000);

  it('14: titles, rows per page, Themes, users open their page, one sign-in message, the evidence judged, search, status button', async () => {
    for (const width of ['laptop', 'tablet'] as const) {
      // One message for a wrong password.
      const signInPage = await pageFor(null, width);
      await signInPage.goto(`${app.url}/#/login`);
      await signInPage.getByLabel('Email').fill(demoUsers.leader.email);
      await signInPage.getByLabel('Password').fill('not-the-password');
      await signInPage.getByRole('button', { name: 'Sign in' }).click();
      await signInPage.getByRole('alert').first().waitFor();
      await signInPage.waitForTimeout(500);
      const alertText = await signInPage.getByRole('alert').allInnerTexts();
      expect(alertText.filter((text) => text.trim() !== '')).toHaveLength(1);
      await screenshot(signInPage, `daily-14-wrong-password-${width}`);
      await done(signInPage);

      if (width === 'laptop') {
        const admin = await pageFor(demoUsers.administrator, width);
        // Organisations: the rows-per-page selector shows its value; Themes in the menu.
        await go(admin, '/organisations');
        await admin.getByText('Cardiff and Vale PDU').first().waitFor();
        await expect(admin.getByRole('combobox').last().innerText()).resolves.toBe('100');
        await admin.getByRole('menuitem', { name: 'Themes' }).waitFor();
        // A user's row opens their page (not the edit form); the page is titled by the person's name.
        await go(admin, '/users');
        await admin.locator('tbody tr').filter({ hasText: 'Lee Evans' }).getByText('Leader', { exact: true }).click();
        await waitForRoute(admin, /^#\/users\/[^/]+\/show/);
        await admin.locator('#react-admin-title').getByText('User: Lee Evans (leader, Wales)').waitFor();
        // A report's title reads "Report: <title>".
        await go(admin, '/reports');
        await admin.locator('tbody a').first().click();
        await admin.locator('#react-admin-title').getByText(/^Report: \S/).waitFor();
        await screenshot(admin, `daily-14-report-title-${width}`);
        await done(admin);
      }

      // Search finds what is only in an action plan.
      const inspector = await pageFor(demoUsers.inspector, width);
      await go(inspector, `/recommendations?filter=${encodeURIComponent(JSON.stringify({ q: 'Cardiff' }))}`);
      await inspector.getByText(/Improve the quality of domestic abuse risk assessment/).first().waitFor();
      await screenshot(inspector, `daily-14-search-cardiff-${width}`);
      // The evidence dialog shows the evidence being judged.
      await go(inspector, '/evidence');
      const accept = inspector.getByRole('button', { name: /^Accept evidence “First quarterly audit/ });
      await accept.click();
      const dialog = inspector.getByRole('dialog');
      await dialog.getByRole('region', { name: 'The evidence' }).getByText('First quarterly audit: 31 of 50 assessments rated sufficient').waitFor();
      await dialog.getByText(/For the action “Quarterly audit of domestic abuse risk assessments in Cardiff and Vale”/).waitFor();
      await screenshot(inspector, `daily-14-evidence-dialog-${width}`);
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      // Inspectors are not offered the owner's status; its own leader is.
      const r2 = await recommendationId('R2', '2023');
      await go(inspector, `/recommendations/${encodeURIComponent(r2)}/show`);
      await inspector.getByRole('heading', { level: 1, name: 'Recommendation R2' }).waitFor();
      await inspector.getByRole('button', { name: 'Record assessment' }).waitFor();
      await expect(inspector.getByRole('button', { name: 'Change status' }).count()).resolves.toBe(0);
      await done(inspector);
      const owner = await pageFor(demoUsers.hmppsLeader, width);
      await go(owner, `/recommendations/${encodeURIComponent(r2)}/show`);
      await owner.getByRole('button', { name: 'Change status' }).waitFor();
      await done(owner);
    }
  }, 300_000);

  it('15: moving from one recommendation to another never shows the first one\'s action plan under the second one\'s heading', async () => {
    const page = await pageFor(demoUsers.hmppsLeader, 'laptop');
    const [from, to] = [await recommendationId('R3', '2023'), await recommendationId('R2', '2023')];
    await go(page, `/recommendations/${encodeURIComponent(from)}/show`);
    const plan = page.locator('section', { has: page.getByRole('heading', { name: 'Action plan' }) });
    await plan.locator('tbody tr').first().waitFor();
    const before = await plan.locator('tbody tr td.column-description').allInnerTexts();
    expect(before.length).toBeGreaterThan(0);
    // The next recommendation's actions are slow to come, as on a busy server.
    let held = 0;
    const slowActions = async (route: Route) => {
      const body = route.request().postData() ?? '';
      if (body.includes('actionItems') && body.includes('recommendationId')) {
        held += 1;
        await new Promise((resolve) => setTimeout(resolve, 2000));
      }
      await route.fallback();
    };
    await page.route('**/graphql', slowActions);
    await page.evaluate(`location.hash = '#/recommendations/${encodeURIComponent(to)}/show'`);
    await page.getByRole('heading', { level: 1, name: 'Recommendation R2' }).waitFor();
    await expect.poll(() => held).toBeGreaterThan(0);
    // While they come, none of the first one's actions, nor their buttons, stand under the second's heading.
    const shown = await plan.innerText();
    for (const description of before) expect(shown).not.toContain(description);
    await screenshot(page, 'daily-15-next-plan-loading');
    await page.unroute('**/graphql', slowActions);
    await plan.locator('tbody tr, p').first().waitFor();
    await page.waitForTimeout(2500);
    const after = await plan.locator('tbody tr td.column-description').allInnerTexts();
    expect(after.filter((description) => before.includes(description)), 'the two plans share no action, so the check above means something').toEqual([]);
    await done(page);
  }, 120_000);
});
