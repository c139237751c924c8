import { describe, expect, it } from 'vitest';
import { readableDay } from '../../server/domain/locale.ts';
import { databaseKind } from '../support/database.ts';
import { postGraphql, signInOverHttp, useTestServer } from '../support/server.ts';

const server = useTestServer();

/** Each page's text, its lines joined by spaces, as pdfjs reads it. */
async function pagesOf(pdf: Buffer): Promise<string[]> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const document = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
  try {
    const pages: string[] = [];
    for (let number = 1; number <= document.numPages; number++) {
      const { items } = await (await document.getPage(number)).getTextContent();
      pages.push(items.map((item) => ('str' in item ? item.str : '')).join(' ').replace(/\s+/g, ' '));
    }
    return pages;
  } finally {
    await document.destroy();
  }
}

type Report = { id: string; title: string; publishedOn: string; recommendations: { edges: { node: { reference: string } }[] } };

async function signedIn(email: string, password: string) {
  const { cookie } = await signInOverHttp(server.url, email, password);
  const { body } = await postGraphql<{ reports: { edges: { node: Report }[] } }>(
    server.url,
    '{ reports(first: 10) { edges { node { id title publishedOn recommendations(first: 50) { edges { node { reference } } } } } } }',
    {},
    { cookie },
  );
  const report = (year: number) => body.data!.reports.edges.map((edge) => edge.node).find((node) => node.publishedOn.startsWith(String(year)))!;
  return { cookie, report };
}

const packUrl = (id: string, kind = 'pdf') => `${server.url}/reports/${encodeURIComponent(id)}/follow-up-pack.${kind}`;

describe(`the follow-up pack as a PDF over HTTP on ${databaseKind}`, () => {
  it('is a download with a cover, a numbered page for each recommendation, and dates as the product writes them', async () => {
    const viewer = await signedIn('viewer@example.org', 'viewer-demo-2026');
    const report = viewer.report(2023);
    const response = await fetch(packUrl(report.id), { headers: { cookie: viewer.cookie } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="?follow-up-pack-a-thematic-inspection-[a-z0-9-]+-made-\d{4}-\d{2}-\d{2}\.pdf"?$/);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const pdf = Buffer.from(await response.arrayBuffer());
    // The fonts pdfmake ships, embedded: the pack reads the same on any machine.
    expect(pdf.toString('latin1')).toMatch(/\/FontFile2/);
    expect(pdf.toString('latin1')).toMatch(/Roboto-Regular/);

    const pages = await pagesOf(pdf);
    const count = pages.length;
    pages.forEach((text, index) => expect(text).toContain(`Page ${index + 1} of ${count}`));
    const cover = pages[0]!;
    expect(cover).toContain('Follow-up pack');
    expect(cover).toContain('HM Inspectorate of Probation');
    expect(cover).toContain(readableDay('2023-07-04'));
    expect(cover).toMatch(/Overstated by owner \(reported implemented, found not achieved\) 2 /);

    // One section per recommendation, each starting its own page, in the report's order.
    const references = report.recommendations.edges.map((edge) => edge.node.reference);
    expect(references).toHaveLength(13);
    const starts = references.map((reference) => pages.findIndex((text) => text.startsWith(`Recommendation ${reference} `)));
    expect(starts.every((start) => start > 0)).toBe(true);
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);

    const r3 = pages.slice(starts[2], starts[3]).join(' ');
    expect(r3).toContain('Overstated by owner');
    expect(r3).toContain(`${readableDay('2026-03-31')} (first set for ${readableDay('2024-03-31')}: moved twice, 730 days later)`);
    expect(r3).toContain('Lineage: repeats an earlier recommendation');
    expect(r3).toContain('Domestic abuse: the work undertaken by Community Rehabilitation Companies');
    expect(r3).toMatch(/Insufficient/);
  });

  it('is given for a read-only API token as for a session, and as JSON for the app', async () => {
    const viewer = await signedIn('viewer@example.org', 'viewer-demo-2026');
    const { body } = await postGraphql<{ createApiToken: { secret: string } }>(
      server.url,
      'mutation { createApiToken(input: { name: "pack export", access: READ }) { secret } }',
      {},
      { cookie: viewer.cookie },
    );
    const authorization = `Bearer ${body.data!.createApiToken.secret}`;
    const pdf = await fetch(packUrl(viewer.report(2025).id), { headers: { authorization } });
    expect(pdf.status).toBe(200);
    const pages = await pagesOf(Buffer.from(await pdf.arrayBuffer()));
    expect(pages.at(-1)).toContain(`Page ${pages.length} of ${pages.length}`);

    const json = await fetch(packUrl(viewer.report(2025).id, 'json'), { headers: { authorization } });
    expect(json.status).toBe(200);
    const pack = (await json.json()) as { recommendations: { reference: string; lineage: unknown[] }[] };
    expect(pack.recommendations[0]).toMatchObject({ reference: '1', lineage: [expect.anything(), expect.anything()] });
  });

  it('is refused without credentials or with a token that is not valid, and says what is wrong with the address', async () => {
    const viewer = await signedIn('viewer@example.org', 'viewer-demo-2026');
    const id = viewer.report(2023).id;
    const refusal = async (url: string, headers: Record<string, string>) => {
      const response = await fetch(url, { headers });
      const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
      return [response.status, body.errors[0]!.extensions.code];
    };
    await expect(refusal(packUrl(id), {})).resolves.toEqual([401, 'UNAUTHENTICATED']);
    await expect(refusal(packUrl(id, 'json'), {})).resolves.toEqual([401, 'UNAUTHENTICATED']);
    await expect(refusal(packUrl(id), { authorization: 'Bearer not-a-token' })).resolves.toEqual([401, 'UNAUTHENTICATED']);
    await expect(refusal(packUrl(id), { cookie: 'tracker_session=made-up' })).resolves.toEqual([401, 'UNAUTHENTICATED']);
    // Signed out: the session's cookie no longer opens the pack.
    await postGraphql(server.url, 'mutation { logout }', {}, { cookie: viewer.cookie });
    await expect(refusal(packUrl(id), { cookie: viewer.cookie })).resolves.toEqual([401, 'UNAUTHENTICATED']);

    const inspector = await signedIn('inspector@example.org', 'inspector-demo-2026');
    await expect(refusal(packUrl('not-an-id'), { cookie: inspector.cookie })).resolves.toEqual([400, 'BAD_USER_INPUT']);
    await expect(refusal(packUrl(Buffer.from('Recommendation:1').toString('base64')), { cookie: inspector.cookie })).resolves.toEqual([400, 'BAD_USER_INPUT']);
    await expect(refusal(packUrl(Buffer.from('Report:999999').toString('base64')), { cookie: inspector.cookie })).resolves.toEqual([404, 'NOT_FOUND']);
  });
  it('says a claim of implemented came after the verdict printed beside it, rather than denying that verdict', async () => {
    const hmpps = await signedIn('hmpps.leader@example.org', 'hmpps-demo-2026');
    const report = hmpps.report(2023);
    type Recs = { recommendations: { edges: { node: { id: string; version: number; reference: string } }[] } };
    const { body } = await postGraphql<Recs>(server.url, 'query ($id: ID!) { recommendations(first: 50, filter: { reportId: $id }) { edges { node { id version reference } } } }', { id: report.id }, { cookie: hmpps.cookie });
    const r13 = body.data!.recommendations.edges.map((edge) => edge.node).find((node) => node.reference === 'R13')!;
    // Found partly achieved after HMPPS reported it implemented; HMPPS reopens it and reports it implemented again.
    let version = r13.version;
    for (const status of ['IN_PROGRESS', 'IMPLEMENTED']) {
      const changed = await postGraphql<{ updateRecommendationStatus: { version: number } }>(server.url,
        'mutation ($input: UpdateRecommendationStatusInput!) { updateRecommendationStatus(input: $input) { version } }',
        { input: { id: r13.id, version, status, comment: 'Safety plans now in every case.' } }, { cookie: hmpps.cookie });
      version = changed.body.data!.updateRecommendationStatus.version;
    }
    const pages = await pagesOf(Buffer.from(await (await fetch(packUrl(report.id), { headers: { cookie: hmpps.cookie } })).arrayBuffer()));
    const page = pages.find((text) => text.startsWith('Recommendation R13 '))!;
    expect(page).toContain('Partly achieved');
    expect(page).toContain('Reported since the verdict, not yet verified');
    expect(page).not.toContain('Overstated by owner');
  });
});
