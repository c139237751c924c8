import { describe, expect, it } from 'vitest';
import { useAdminApp } from './support/admin-app.ts';
import { demoUsers } from './support/session.ts';

/**
 * Addresses that no longer lead anywhere. A page opened before an upgrade asks for screens the new
 * build no longer has: the server answers 404 (not an internal error), and the page loads itself again
 * once, to get the new build, instead of showing an error its own refresh cannot clear. A link to a
 * record that is gone says so in plain words.
 */
const app = useAdminApp();

describe('old addresses', () => {
  it('loads itself again when a screen of the old build is gone, and shows the screen', async () => {
    const page = await app.signedIn(demoUsers.viewer, { at: 'menu' });
    const gone = await fetch(`${app.url}/assets/Themes-of-an-old-build.js`);
    expect([gone.status, ((await gone.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code]).toEqual([404, 'NOT_FOUND']);
    // The Themes screen's code, as if an upgrade had replaced it: missing once, there after the reload.
    let refused = 0;
    await page.route(/\/assets\/ThemeList-[\w-]+\.js$/, async (route) => {
      if (refused === 0) {
        refused++;
        return route.fulfill({ status: 404, contentType: 'application/json', body: '{"errors":[]}' });
      }
      return route.continue();
    });
    const reloaded = page.waitForEvent('load');
    await page.getByRole('menuitem', { name: 'Themes' }).click();
    await reloaded;
    await page.getByRole('heading', { name: 'Themes' }).first().waitFor();
    expect(refused).toBe(1);
    expect(await page.getByText('Something went wrong').count()).toBe(0);
  }, 120_000);

  it('says in plain words that a linked record does not exist', async () => {
    const page = await app.signedIn(demoUsers.viewer, { at: 'menu' });
    await page.goto(app.showPage('recommendations', 'nonsense'));
    await page.getByText('That record does not exist: the link is wrong, or it was removed.').waitFor();
    expect(await page.getByText('Element does not exist').count()).toBe(0);
  }, 120_000);
});
