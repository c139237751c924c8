import { describe, expect, it } from 'vitest';
import { useAdminApp } from './support/admin-app.ts';
import { screenshot, sidewaysOverflow } from './support/browser.ts';
import { apiSession, demoUsers } from './support/session.ts';

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
});
