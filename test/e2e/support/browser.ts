import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';

export const artifacts = path.resolve(import.meta.dirname, '../../artifacts');

export type Browser = {
  context: BrowserContext;
  page: Page;
  /** Every request the pages made to somewhere other than the app's own origin. */
  foreignRequests: string[];
  /** The warnings and errors the pages wrote to the browser's console, each with the route it was on. */
  consoleProblems: string[];
  newPage(): Promise<Page>;
  close(): Promise<void>;
};

/** Debian's Chromium with a fresh profile, recording requests that leave the app's origin. */
export async function openBrowser(origin: string, viewport = { width: 1280, height: 900 }): Promise<Browser> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'tracker-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport,
    locale: 'en-GB',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const foreignRequests: string[] = [];
  context.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(`${origin}/`) && !url.startsWith('data:') && !url.startsWith('blob:')) foreignRequests.push(url);
  });
  const consoleProblems: string[] = [];
  const watchConsole = (opened: Page) =>
    opened.on('console', (message) => {
      if (message.type() === 'warning' || message.type() === 'error') consoleProblems.push(`${message.type()} at ${new URL(opened.url()).hash || '/'}: ${message.text()}`);
    });
  context.pages().forEach(watchConsole);
  context.on('page', watchConsole);
  const page = context.pages()[0] ?? (await context.newPage());
  fs.mkdirSync(artifacts, { recursive: true });
  return {
    context,
    page,
    foreignRequests,
    consoleProblems,
    newPage: () => context.newPage(),
    async close() {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

export const screenshot = (page: Page, name: string) => page.screenshot({ path: path.join(artifacts, `${name}.png`), fullPage: true });

/** How far the page reaches past the window's right edge (0 or less when nothing scrolls sideways). */
export const sidewaysOverflow = (page: Page) => page.evaluate('document.documentElement.scrollWidth - window.innerWidth') as Promise<number>;

/** How far an open dialog reaches past the window's right edge (0 when it fits, or none is open). */
const dialogOverflow = (page: Page) =>
  page.evaluate(`(() => {
    const paper = document.querySelector('[role=dialog] .MuiPaper-root');
    return paper ? Math.max(0, paper.getBoundingClientRect().right - window.innerWidth) : 0;
  })()`) as Promise<number>;

/** How wide the side menu is drawn (0 on a page without it). */
const menuWidth = (page: Page) =>
  page.evaluate(`(() => {
    const menu = document.querySelector('.RaSidebar-fixed');
    return menu ? menu.getBoundingClientRect().width : 0;
  })()`) as Promise<number>;

/** The column headings of the page's tables cut short with an ellipsis ("Reference ↑ …"): a heading is read whole. */
const cutHeadings = (page: Page) =>
  page.locator('thead th').evaluateAll((cells) =>
    (cells as unknown as { scrollWidth: number; clientWidth: number; textContent: string }[])
      .filter((cell) => cell.scrollWidth > cell.clientWidth + 1).map((cell) => `${cell.textContent} (needs ${cell.scrollWidth} px, has ${cell.clientWidth})`)) as Promise<string[]>;

/**
 * Links and buttons whose accessible name does not start with the words they show (WCAG 2.5.3, label
 * in name): someone using voice control says what they see ("click R2"), and a name that only holds
 * those words further on ("Recommendation R2 of …") is not found. The name is the aria-labelledby
 * elements' words, else aria-label; the words shown leave out text drawn at no size (an invisible
 * badge is scaled to nothing, not hidden) and icon-only controls show none.
 */
const nameNotLikeText = (page: Page) =>
  page.locator(['a', 'button', '[role=button]'].flatMap((control) => [`${control}[aria-label]`, `${control}[aria-labelledby]`]).join(', ')).evaluateAll((elements) => {
    type Box = { width: number; height: number };
    type InPage = {
      innerText: string; parentElement: InPage | null; getAttribute(name: string): string | null; getClientRects(): { length: number };
      getBoundingClientRect(): Box; checkVisibility(options: object): boolean; querySelectorAll(selector: string): ArrayLike<InPage>;
      ownerDocument: { getElementById(id: string): { textContent: string | null } | null };
    };
    const words = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();
    const drawn = (element: InPage) => {
      const box = element.getBoundingClientRect();
      return box.width > 0 && box.height > 0 && element.checkVisibility({ opacityProperty: true, visibilityProperty: true });
    };
    // innerText, less the words of the outermost parts drawn at no size.
    const shownText = (element: InPage) =>
      Array.from(element.querySelectorAll('*'))
        .filter((part) => !drawn(part) && (part.parentElement === element || (part.parentElement !== null && drawn(part.parentElement))))
        .reduce((text, hidden) => (hidden.innerText ? text.replace(hidden.innerText, '') : text), element.innerText);
    const nameOf = (element: InPage) => {
      const labelledBy = element.getAttribute('aria-labelledby');
      return labelledBy
        ? labelledBy.split(/\s+/).map((id) => element.ownerDocument.getElementById(id)?.textContent ?? '').join(' ')
        : element.getAttribute('aria-label') ?? '';
    };
    return (elements as unknown as InPage[])
      .filter((element) => element.getClientRects().length > 0)
      .map((element) => ({ shown: words(shownText(element)), name: words(nameOf(element)) }))
      .filter(({ shown, name }) => shown !== '' && !name.startsWith(shown))
      .map(({ shown, name }) => `"${name}" shows "${shown}"`);
  }) as Promise<string[]>;

/**
 * Screenshots of the page as it is now at 1280 px and at 800 px wide (`<name>-1280.png`, `<name>-800.png`):
 * the whole page, or only the window while a dialog is open. At 800 px neither the page nor an open
 * dialog may be wider than the window, and at both no table's column heading is cut short and no link
 * or button is named otherwise than by the words it shows. The window is 1280 px wide again afterwards.
 */
export async function screenshotsAtTwoWidths(page: Page, name: string): Promise<void> {
  const fullPage = (await page.getByRole('dialog').count()) === 0;
  await page.screenshot({ path: path.join(artifacts, `${name}-1280.png`), fullPage });
  expect(await cutHeadings(page), `${name}: column headings cut short at 1280 px`).toEqual([]);
  expect(await nameNotLikeText(page), `${name}: names that do not start with the words shown, at 1280 px`).toEqual([]);
  await page.setViewportSize({ width: 800, height: 900 });
  await page.waitForTimeout(300);
  // Measured once the page has settled at its new width: an open list of choices follows its field
  // a moment after the resize, and on a loaded machine that moment was longer than the wait above.
  const settled = { timeout: 3000, interval: 250 };
  await expect.poll(() => sidewaysOverflow(page), { ...settled, message: `${name}: the page is wider than 800 px` }).toBeLessThanOrEqual(0);
  await expect.poll(() => dialogOverflow(page), { ...settled, message: `${name}: the dialog is wider than 800 px` }).toBe(0);
  // On a tablet the menu folds to its icons; the shot waits for it (half folded, its words were cut to "Re…").
  await expect.poll(() => menuWidth(page), { ...settled, message: `${name}: the menu is not folded to its icons at 800 px` }).toBeLessThan(80);
  await page.screenshot({ path: path.join(artifacts, `${name}-800.png`), fullPage });
  expect(await cutHeadings(page), `${name}: column headings cut short at 800 px`).toEqual([]);
  expect(await nameNotLikeText(page), `${name}: names that do not start with the words shown, at 800 px`).toEqual([]);
  await page.setViewportSize({ width: 1280, height: 900 });
}
