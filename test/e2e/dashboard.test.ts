import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useAdminApp } from './support/admin-app.ts';
import { screenshot, sidewaysOverflow } from './support/browser.ts';
import { demoUsers, signIn } from './support/session.ts';

// The dashboard as an inspector, a leader whose region owns action items but no recommendations,
// and an HMPPS leader, at 1280 and 800 px: every figure opens the list it counts, charts read
// without overlapping labels and carry their numbers, and no chart is drawn with nothing in it.
const app = useAdminApp();

async function dashboardAs(user: { email: string; password: string }, width: number): Promise<Page> {
  const opened = await app.browser({ width, height: 900 });
  const problems: string[] = [];
  opened.page.on('pageerror', (error) => problems.push(error.message));
  await signIn(opened.page, app.url, user);
  await opened.page.getByRole('list', { name: /Key figures|action items/ }).first().waitFor();
  // Charts draw after their container is measured.
  await opened.page.waitForTimeout(800);
  expect(problems).toEqual([]);
  return opened.page;
}

/** The number a figure tile shows, found by its label. */
async function tile(list: Locator, label: string): Promise<{ value: number; link: Locator }> {
  const link = list.getByRole('link').filter({ has: list.page().getByText(label, { exact: true }) });
  const value = Number((await link.locator('p').first().textContent())?.trim());
  return { value, link };
}

/** How many rows the list now open says it has ("1–10 of 16"). */
async function listTotal(page: Page): Promise<number> {
  const pagination = page.getByText(/^\d+[-–]\d+ of \d+$/);
  await pagination.first().waitFor();
  return Number((await pagination.first().textContent())!.split(' of ')[1]);
}

/** No two labels' boxes overlap. */
async function expectApart(labels: Locator) {
  await labels.first().waitFor();
  const boxes = (await Promise.all((await labels.all()).map((label) => label.boundingBox()))).filter((box) => box !== null);
  expect(boxes.length).toBeGreaterThan(0);
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const [a, b] = [boxes[i]!, boxes[j]!];
      const overlap = a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
      expect(overlap, `labels ${i} and ${j} overlap`).toBe(false);
    }
  }
}

/** Nothing on the page is wider than the window: no sideways scrolling. */
async function expectFits(page: Page) {
  expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
}

describe('dashboard', () => {
  it('shows an inspector open, overdue and untouched figures that match the lists they open, and who has the most overdue', async () => {
    for (const width of [1280, 800]) {
      const page = await dashboardAs(demoUsers.inspector, width);
      const figures = page.getByRole('list', { name: 'Key figures' });
      const open = await tile(figures, 'Open');
      const untouched = await tile(figures, 'Untouched for 90 days');
      const all = await tile(figures, 'Recommendations');
      expect(open.value).toBeGreaterThan(0);
      expect(open.value).toBeLessThan(all.value);

      // The progress chart: titles on the left, apart from one another, and a number on every bar.
      const progress = page.getByRole('region', { name: 'Progress by report' });
      const titles = progress.locator('.recharts-yAxis-tick-labels text');
      await expectApart(titles);
      // Two bars a report, implemented and achieved, each with its share written on it, 0% included.
      const values = await progress.locator('.recharts-label-list text').allTextContents();
      expect(values).toHaveLength(2 * (await titles.count()));
      for (const value of values) expect(value).toMatch(/^\d+%$/);
      await expectApart(page.getByRole('region', { name: /Status by owning organisation/ }).locator('.recharts-yAxis-tick-labels text'));
      // Hovering the last report's bar shows its box inside the chart and the window, its long title wrapped.
      const bars = progress.locator('.recharts-bar-rectangle');
      await bars.last().hover();
      const hoverBox = progress.locator('.recharts-tooltip-wrapper');
      await expect.poll(() => hoverBox.evaluate((element) => (element as unknown as { ownerDocument: { defaultView: { getComputedStyle(e: unknown): { visibility: string } } } }).ownerDocument.defaultView.getComputedStyle(element).visibility)).toBe('visible');
      const [boxAt, chartAt] = [await hoverBox.boundingBox(), await progress.boundingBox()];
      expect(boxAt!.x + boxAt!.width, 'the hover box ends inside the chart').toBeLessThanOrEqual(chartAt!.x + chartAt!.width + 1);
      expect(boxAt!.x).toBeGreaterThanOrEqual(chartAt!.x - 1);
      await screenshot(page, `dashboard-progress-hover-${width}`);
      await page.mouse.move(0, 0);

      // A repeated recommendation is named with its report's year ("R5 (2023)"), an overdue action with its
      // recommendation's reference, year and report: two reports' "R5"s do not read alike.
      const repeated = page.getByRole('region', { name: /^Repeated and unmet/ }).locator('.MuiListItemText-primary');
      expect(await repeated.count()).toBeGreaterThan(0);
      for (const line of await repeated.allTextContents()) expect(line).toMatch(/^[^ ]+ \(\d{4}\) · /);
      const late = page.getByRole('region', { name: /^Overdue action items/ }).locator('.MuiListItemText-secondary');
      expect(await late.count()).toBeGreaterThan(0);
      for (const line of await late.allTextContents()) expect(line).toMatch(/days late\) · [^ ,]+, \d{4} · \S/);

      // Who has the most overdue: ranked, most first.
      const ranking = page.getByRole('table', { name: /Organisations by overdue/ });
      const rows = ranking.locator('tbody tr');
      expect(await rows.count()).toBeGreaterThan(0);
      const totals = await Promise.all((await rows.all()).map(async (row) => (await row.locator('td').allTextContents()).slice(1).reduce((sum, text) => sum + Number(text), 0)));
      expect(totals).toEqual([...totals].sort((a, b) => b - a));
      await expectFits(page);
      await screenshot(page, `dashboard-inspector-${width}`);

      if (width === 1280) {
        // Each figure opens the list it counts: the same number on both.
        for (const [figure, shown] of [
          [untouched, async () => expect(await page.getByRole('spinbutton', { name: 'Untouched for (days)' }).inputValue()).toBe('90')],
          [open, async () => expect(await page.getByRole('switch', { name: 'Open', exact: true }).isChecked()).toBe(true)],
        ] as const) {
          await figure.link.click();
          expect(await listTotal(page)).toBe(figure.value);
          // The list says what it is filtered by: its filter is shown, set as the figure counts.
          await shown();
          await page.goBack();
          await figures.waitFor();
        }
        const first = rows.first().getByRole('link').first();
        const count = Number(await first.textContent());
        await first.click();
        expect(await listTotal(page)).toBe(count);
        await screenshot(page, 'dashboard-most-overdue-list');
      }
    }
  }, 240_000);

  it('shows a leader whose region owns action items but no recommendations its own work, and no empty charts', async () => {
    for (const width of [1280, 800]) {
      const page = await dashboardAs(demoUsers.leader, width);
      const work = page.getByRole('region', { name: 'Wales: our work' });
      await work.waitFor();
      const figures = work.getByRole('list', { name: 'Wales: action items' });
      const toDo = await tile(figures, 'Action items to do');
      expect(toDo.value).toBeGreaterThan(0);
      await tile(figures, 'Overdue');
      await tile(figures, 'Evidence to submit');
      // Due dates, soonest first, overdue marked.
      const due = work.getByRole('list').last().getByRole('link');
      expect(await due.count()).toBeGreaterThan(0);
      await expect(due.first().textContent()).resolves.toMatch(/\d{1,2} [A-Z][a-z]{2} \d{4}|No due date/);
      // Each names its recommendation with its report's year, as the lists do ("R5, 2023 · A thematic …").
      for (const line of await work.locator('.MuiListItemText-secondary').allTextContents()) expect(line).toMatch(/ · [^ ,]+, \d{4} · \S/);
      await page.getByText(/own no recommendations, so there are no recommendation figures or charts to show/).waitFor();
      // No chart frame with nothing in it, no zeros for figures that do not apply.
      await expect(page.locator('.recharts-wrapper').count()).resolves.toBe(0);
      await expect(page.getByRole('list', { name: 'Key figures' }).count()).resolves.toBe(0);
      await expectFits(page);
      await screenshot(page, `dashboard-leader-wales-${width}`);
      if (width === 1280) {
        await toDo.link.click();
        expect(await listTotal(page)).toBe(toDo.value);
        expect(await page.getByRole('switch', { name: 'To do', exact: true }).isChecked()).toBe(true);
      }
    }
  }, 240_000);

  it('shows an HMPPS leader their own work beside the recommendation figures of HMPPS and those under it', async () => {
    for (const width of [1280, 800]) {
      const page = await dashboardAs(demoUsers.hmppsLeader, width);
      await page.getByRole('region', { name: 'HMPPS: our work' }).waitFor();
      const figures = page.getByRole('list', { name: 'Key figures' });
      const overdue = await tile(figures, 'Overdue');
      expect(overdue.value).toBeGreaterThanOrEqual(0);
      await page.getByRole('region', { name: 'Progress by report' }).locator('.recharts-label-list text').first().waitFor();
      await expectFits(page);
      await screenshot(page, `dashboard-leader-hmpps-${width}`);
      if (width === 1280) {
        const all = await tile(figures, 'Recommendations');
        await overdue.link.click();
        expect(await listTotal(page)).toBe(overdue.value);
        // The status chart's link keeps to HMPPS and those under it, as its bars do (it opened every recommendation).
        await page.goBack();
        await page.getByRole('region', { name: /^Status by owning organisation/ }).getByRole('link', { name: 'All recommendations' }).click();
        expect(await listTotal(page)).toBe(all.value);
      }
    }
  }, 240_000);
});
