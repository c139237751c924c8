import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useAdminApp } from './support/admin-app.ts';
import { screenshotsAtTwoWidths as shots } from './support/browser.ts';
import { apiSession, demoUsers } from './support/session.ts';
import { NO_VERDICT } from '../../server/domain/enum-labels.ts';

/**
 * The chips that tell a recommendation's state: a verdict looks the same wherever it is shown, and a
 * status is read whole in the list at 1280 px; screenshots at 1280 and 800 px wide.
 */

const app = useAdminApp();
const TIMEOUT = 180_000;

/** An element as the page sees it (this file is typed for Node, which has no DOM). */
type InPage = { ownerDocument: { defaultView: { getComputedStyle(element: unknown): Record<string, string> } } };

/** A chip's colours as drawn: its text, its border and its fill. */
const drawn = (chip: Locator) =>
  chip.evaluate((element) => {
    const inPage = element as unknown as InPage;
    const style = inPage.ownerDocument.defaultView.getComputedStyle(inPage);
    return `${style.color} / ${style.borderTopColor} / ${style.backgroundColor}`;
  });

const chip = (scope: Page | Locator, text: string) => scope.locator('.MuiChip-root').filter({ hasText: new RegExp(`^${text}$`) }).first();

type Version = { id: string; reference: string; latestVerdict: string | null; lineage: { id: string; reference: string; latestVerdict: string | null }[] };

describe('chips', () => {
  it('draws the Partly achieved verdict in one colour in the list, on the page, in a lineage and on the report', async () => {
    const post = await apiSession(app.url, demoUsers.inspector);
    const all = await post<{ recommendations: { edges: { node: Version }[] } }>(
      '{ recommendations(first: 100) { edges { node { id reference latestVerdict lineage { id reference latestVerdict } } } } }',
    );
    // A recommendation found partly achieved, and a later one that repeats it, whose lineage shows that verdict.
    const repeating = all.data!.recommendations.edges.map((edge) => edge.node)
      .find((node) => node.lineage.some((entry) => entry.id !== node.id && entry.latestVerdict === 'PARTLY_ACHIEVED'));
    expect(repeating, 'a recommendation that repeats one found partly achieved').toBeDefined();
    const { id: partly, reference } = repeating!.lineage.find((entry) => entry.id !== repeating!.id && entry.latestVerdict === 'PARTLY_ACHIEVED')!;
    const report = (await post<{ recommendation: { report: { id: string } } }>('query ($id: ID!) { recommendation(id: $id) { report { id } } }', { id: partly })).data!.recommendation.report.id;

    const page = await app.signedIn(demoUsers.inspector, { at: 'menu' });
    const colours: Record<string, string> = {};
    await page.goto(`${app.url}/#/recommendations?filter=${encodeURIComponent(JSON.stringify({ latestVerdicts: ['PARTLY_ACHIEVED'] }))}`);
    await page.getByRole('columnheader', { name: 'Status · verdict' }).waitFor();
    colours.list = await drawn(chip(page.locator('tbody'), 'Partly achieved'));
    const lineage = page.getByRole('list', { name: 'Versions of this recommendation, earliest first' });
    /** Opens a recommendation's page, waiting for its own lineage (not the page before's). */
    const open = async (id: string, ref: string) => {
      await page.goto(app.showPage('recommendations', id));
      await lineage.getByText(new RegExp(`— ${ref} \\(this recommendation\\)$`)).waitFor();
    };
    await open(partly, reference);
    // The summary's chip comes first, before the lineage's.
    colours.page = await drawn(chip(page.locator('main'), 'Partly achieved'));
    await open(repeating!.id, repeating!.reference);
    colours.lineage = await drawn(chip(lineage, 'Partly achieved'));
    await shots(page, 'chips-lineage');
    await page.goto(app.showPage('reports', report));
    await page.getByRole('columnheader', { name: 'Verdict' }).waitFor();
    colours.report = await drawn(chip(page.locator('tbody'), 'Partly achieved'));
    // The report's table flags what is overdue and says what has no verdict yet, as the recommendations list does.
    const its = (await post<{ node: { recommendations: { edges: { node: { isOverdue: boolean; latestVerdict: string | null } }[] } } }>(
      'query ($id: ID!) { node(id: $id) { ... on Report { recommendations(first: 50) { edges { node { isOverdue latestVerdict } } } } } }', { id: report })).data!.node.recommendations.edges.map((edge) => edge.node);
    expect(its.length).toBeLessThanOrEqual(25);
    expect(its.some((rec) => rec.isOverdue)).toBe(true);
    await expect.poll(() => page.locator('tbody').getByText('Overdue', { exact: true }).count()).toBe(its.filter((rec) => rec.isOverdue).length);
    expect(await page.locator('tbody').getByText(NO_VERDICT, { exact: true }).count()).toBe(its.filter((rec) => !rec.latestVerdict).length);
    expect(new Set(Object.values(colours)).size, JSON.stringify(colours, null, 1)).toBe(1);
  }, TIMEOUT);

  it('shows a long status whole in the recommendations list at 1280 px, with nothing scrolling sideways', async () => {
    const page = await app.signedIn(demoUsers.leader, { at: 'menu' });
    await page.goto(`${app.url}/#/recommendations?filter=${encodeURIComponent(JSON.stringify({ statuses: ['IMPLEMENTED', 'IN_PROGRESS'] }))}`);
    await chip(page.locator('tbody'), 'Implemented \\(reported\\)').waitFor();
    // Every chip's label fits its chip: none is cut with an ellipsis.
    const cut = (await page.locator('tbody .MuiChip-label').evaluateAll((labels) =>
      (labels as unknown as { scrollWidth: number; clientWidth: number; textContent: string }[])
        .filter((label) => label.scrollWidth > label.clientWidth + 1).map((label) => label.textContent))) as string[];
    expect(cut, 'chip labels cut short').toEqual([]);
    expect(await page.evaluate('document.documentElement.scrollWidth - window.innerWidth'), 'the list scrolls sideways at 1280 px').toBeLessThanOrEqual(0);
    await shots(page, 'chips-status-list');
  }, TIMEOUT);
  it('says on each card at 800 px what the table’s columns say: the report’s year, the verdict or none, the times made before', async () => {
    const page = await app.signedIn(demoUsers.inspector, { at: 'menu' });
    await page.setViewportSize({ width: 800, height: 900 });
    await page.goto(`${app.url}/#/recommendations?sort=${encodeURIComponent('report.publishedOn')}&order=DESC&perPage=50`);
    const cards = page.locator('.RaSimpleList-root li, ul.MuiList-root li').filter({ hasText: /\(\d{4}\) · / });
    await expect.poll(() => cards.count(), { timeout: 30_000 }).toBeGreaterThan(10);
    const texts = await cards.allInnerTexts();
    // One reference in two reports ("1" of 2018 and of 2025) is told apart by its report's year.
    const years = new Map<string, Set<string>>();
    for (const [, reference, year] of texts.map((text) => /^(\S+) \((\d{4})\) · /.exec(text)!)) years.set(reference!, (years.get(reference!) ?? new Set()).add(year!));
    expect([...years.values()].some((seen) => seen.size > 1), texts.join('\n')).toBe(true);
    expect(texts.some((text) => text.includes(`· verdict: ${NO_VERDICT}`))).toBe(true);
    expect(texts.some((text) => /· verdict: (Achieved|Partly achieved|Not achieved)/.test(text))).toBe(true);
    expect(texts.some((text) => /· made \d× before/.test(text))).toBe(true);

    // With no column headings to click, a button says how the cards are sorted and sorts them otherwise.
    const sort = page.getByRole('button', { name: 'Sorted by report date, descending' });
    await sort.click();
    await page.getByRole('menuitem', { name: 'Target date ascending' }).click();
    await expect.poll(() => decodeURIComponent(page.url())).toContain('sort=targetDate');
    await page.getByRole('button', { name: 'Sorted by target date, ascending' }).waitFor();
    await expect.poll(async () => {
      const due = (await cards.allInnerTexts()).map((text) => /(\d{1,2} [A-Z][a-z]{2,3} \d{4})/.exec(text)?.[1]).filter(Boolean).map((day) => Date.parse(day!.replace('Sept', 'Sep')));
      return due.length > 5 && due.every((day, i) => i === 0 || day >= due[i - 1]!);
    }).toBe(true);
    await page.setViewportSize({ width: 1280, height: 900 });
  }, TIMEOUT);
});
