import { describe, expect, it } from 'vitest';
import { useAdminApp } from './support/admin-app.ts';
import { screenshot, sidewaysOverflow } from './support/browser.ts';
import { apiSession, demoUsers, recommendationId } from './support/session.ts';
import { NO_VERDICT } from '../../server/domain/enum-labels.ts';

const app = useAdminApp();

type Candidate = { score: number; recommendation: { id: string; reference: string; report: { title: string } } };

/** Two 2023 recommendations not yet linked as repeats that have candidates, with their candidates. */
async function unlinkedWithCandidates() {
  const post = await apiSession(app.url, demoUsers.inspector);
  const list = await post<{ recommendations: { edges: { node: { id: string; reference: string; report: { publishedOn: string } } }[] } }>(
    '{ recommendations(first: 100, filter: { repeats: false }) { edges { node { id reference report { publishedOn } } } } }',
  );
  const found: { id: string; candidates: Candidate[] }[] = [];
  for (const { node } of list.data!.recommendations.edges.filter(({ node }) => node.report.publishedOn.startsWith('2023'))) {
    const result = await post<{ repeatCandidates: Candidate[] }>(
      'query ($id: ID!) { repeatCandidates(recommendationId: $id, first: 5) { score recommendation { id reference report { title } } } }',
      { id: node.id },
    );
    if (result.data!.repeatCandidates.length > 0) found.push({ id: node.id, candidates: result.data!.repeatCandidates });
  }
  if (found.length < 2) throw new Error('fewer than two unlinked 2023 recommendations with candidates in the demo data');
  return { rejecting: found[0]!, linking: found[1]!, post };
}

describe('repeat candidates in the admin app', () => {
  it('shows an inspector the candidates with report, date, status and verdict; one is rejected and not proposed again, another linked', async () => {
    const { rejecting, linking, post } = await unlinkedWithCandidates();
    const rejected = rejecting.candidates[0]!;
    const linked = linking.candidates[0]!;
    const page = await app.signedIn(demoUsers.inspector, { viewport: { width: 1280, height: 1000 } });
    await page.goto(app.showPage('recommendations', rejecting.id));
    const section = page.getByRole('list', { name: 'Earlier recommendations it may repeat' });
    await section.waitFor();
    const rejectedName = `${rejected.recommendation.reference} (${rejected.recommendation.report.title})`;
    const first = section.getByRole('listitem').first();
    await expect(first.textContent()).resolves.toContain(rejected.recommendation.report.title);
    // Each with its date, its status and why it is proposed.
    await expect(first.textContent()).resolves.toMatch(/\d{1,2} \w{3,9} \d{4}/);
    await expect(first.textContent()).resolves.toMatch(/Why: .*similar text/);
    await screenshot(page, 'repeats-candidates-1280');

    await page.getByRole('button', { name: `Not a repeat of ${rejectedName}` }).click();
    await page.getByText(`${rejected.recommendation.reference} will not be proposed again`).waitFor();
    await page.getByRole('button', { name: `Not a repeat of ${rejectedName}` }).waitFor({ state: 'detached' });
    const again = await post<{ repeatCandidates: Candidate[] }>(
      'query ($id: ID!) { repeatCandidates(recommendationId: $id, first: 10) { recommendation { id } } }',
      { id: rejecting.id },
    );
    expect(again.data!.repeatCandidates.map((candidate) => candidate.recommendation.id)).not.toContain(rejected.recommendation.id);

    // At 800 px the buttons sit under each candidate and nothing runs off the page.
    await page.setViewportSize({ width: 800, height: 1000 });
    await page.goto(app.showPage('recommendations', linking.id));
    await section.waitFor();
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'repeats-candidates-800');

    const linkedName = `${linked.recommendation.reference} (${linked.recommendation.report.title})`;
    // Clicked twice in haste: linked once, and no word of someone else's change.
    await page.getByRole('button', { name: `Link as repeat of ${linkedName}` }).dblclick();
    await page.getByText(`Linked as a repeat of ${linked.recommendation.reference}`).waitFor();
    await page.waitForTimeout(500);
    expect(await page.getByText(/Someone else changed this record/).count()).toBe(0);
    await section.waitFor({ state: 'detached' });
    const after = await post<{ recommendation: { repeats: { id: string } | null; repeatConfirmed: boolean } }>(
      'query ($id: ID!) { recommendation(id: $id) { repeats { id } repeatConfirmed } }',
      { id: linking.id },
    );
    expect(after.data!.recommendation).toEqual({ repeats: { id: linked.recommendation.id }, repeatConfirmed: true });
    await screenshot(page, 'repeats-linked-800');
  }, 300_000);

  it('draws a lineage that branches as a tree: two later recommendations repeating one stand side by side', async () => {
    const post = await apiSession(app.url, demoUsers.inspector);
    const earlier = await recommendationId(post, 'R6', '2023');
    const organisations = await post<{ organisations: { edges: { node: { id: string; shortName: string | null; name: string } }[] } }>('{ organisations(first: 100) { edges { node { id shortName name } } } }');
    const byShortName = (shortName: string) => organisations.data!.organisations.edges.find((edge) => edge.node.shortName === shortName)!.node.id;
    const owner = byShortName('HMPPS');
    const created = await post<{ createReport: { id: string } }>(
      'mutation ($input: CreateReportInput!) { createReport(input: $input) { id } }',
      { input: { title: 'Domestic abuse: two regional reviews', kind: 'THEMATIC', publishedOn: '2026-05-01', inspectorateId: byShortName('HMIP'), recommendations: [
        { reference: 'N1', text: 'Regions should make sure domestic abuse checks are recorded before sentencing.', ownerId: owner, repeatsId: earlier },
        { reference: 'S1', text: 'Regions should make sure domestic abuse checks are recorded in every case.', ownerId: owner, repeatsId: earlier },
      ] } },
    );
    expect(created.errors).toBeUndefined();

    const page = await app.signedIn(demoUsers.inspector);
    await page.goto(`${app.url}/#/recommendations/${encodeURIComponent(earlier)}/show`);
    const versions = page.getByRole('list', { name: 'Versions of this recommendation, earliest first' }).locator('> li');
    await versions.filter({ hasText: 'S1' }).waitFor();
    const placed = await versions.evaluateAll((items) => items.map((item) => {
      const inPage = item as unknown as { textContent: string; getBoundingClientRect(): { x: number } };
      return { text: inPage.textContent, x: Math.round(inPage.getBoundingClientRect().x) };
    }));
    const at = (reference: string) => placed.find((entry) => entry.text.includes(` — ${reference}`))!;
    // Both later ones are under R6, at one depth, each saying what it repeats; R6 is not drawn as repeated by N1.
    expect(at('N1').x).toBe(at('S1').x);
    expect(at('N1').x).toBeGreaterThan(at('R6').x);
    expect(at('N1').text).toContain('repeating R6 (2023)');
    expect(at('S1').text).toContain('repeating R6 (2023)');
    await screenshot(page, 'repeats-lineage-branches');
    // A version not yet assessed says so on its page, as the lineage does, instead of an empty verdict.
    await versions.filter({ hasText: 'N1' }).getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: 'Recommendation N1' }).waitFor();
    await page.getByText(NO_VERDICT, { exact: true }).waitFor();
  }, 120_000);
});
