import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction, prisma } from '../../server/db/client.ts';
import { folderStore } from '../../server/domain/evidence-files/folder-store.ts';
import { configureEvidenceFiles, StoredBytes } from '../../server/domain/evidence-files/store.ts';
import { databaseFingerprint } from '../support/consistency.ts';
import { databaseKind } from '../support/database.ts';
import { globalId } from '../support/graphql.ts';
import { registerXlsx, reportPdf } from '../support/intake-fixtures.ts';
import { postGraphql, signInOverHttp, useTestServer } from '../support/server.ts';

const server = useTestServer();
const cookies = {} as Record<'leader' | 'hmppsLeader' | 'viewer' | 'inspector', string>;
let walesItem: string;
let otherItem: string;
let pdf: Buffer;

/** A 1×1 PNG. */
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
/** The start of a Windows program: what a renamed .exe holds. */
const program = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]);

const file = (name: string, content: Buffer) => ({ name, contentBase64: content.toString('base64') });

const FILE_FIELDS = 'id name contentType typeName size sha256 downloadUrl viewerCanRemove uploadedBy { name }';
const SUBMIT = `mutation ($input: SubmitEvidenceInput!) { submitEvidence(input: $input) { id version files { ${FILE_FIELDS} } } }`;
const ATTACH = `mutation ($input: AttachEvidenceFilesInput!) { attachEvidenceFiles(input: $input) { id version files { ${FILE_FIELDS} } } }`;
const REMOVE = `mutation ($input: RemoveEvidenceFileInput!) { removeEvidenceFile(input: $input) { id version files { id name } } }`;
const HISTORY = `query ($filter: HistoryFilter) { history(first: 20, filter: $filter) { edges { node { summary comment subject } } } }`;

type EvidenceFile = { id: string; name: string; contentType: string; typeName: string; size: number; sha256: string; downloadUrl: string; viewerCanRemove: boolean };
type Evidence = { id: string; version: number; files: EvidenceFile[] };

async function api<T>(query: string, variables: Record<string, unknown>, who: keyof typeof cookies) {
  return postGraphql<T>(server.url, query, variables, { cookie: cookies[who] });
}

async function submit(who: keyof typeof cookies, actionItemId: string, files: { name: string; contentBase64: string }[]) {
  return api<{ submitEvidence: Evidence }>(SUBMIT, { input: { actionItemId, summary: 'The revised plan, signed off', strength: 'POLICY', files } }, who);
}

async function submitted(who: keyof typeof cookies, actionItemId: string, files: { name: string; contentBase64: string }[]): Promise<Evidence> {
  const { body } = await submit(who, actionItemId, files);
  expect(body.errors).toBeUndefined();
  return body.data!.submitEvidence;
}

const download = (url: string, cookie?: string) => fetch(`${server.url}${url}`, { headers: cookie ? { cookie } : {} });

async function historyOf(evidenceId: string) {
  const evidence = await prisma.evidence.findUniqueOrThrow({ where: { id: Number(Buffer.from(evidenceId, 'base64').toString().split(':')[1]) }, select: { actionItem: { select: { recommendationId: true } } } });
  const { body } = await api<{ history: { edges: { node: { summary: string; comment: string | null; subject: string } }[] } }>(
    HISTORY, { filter: { recommendationId: globalId('Recommendation', evidence.actionItem.recommendationId), subjects: ['EVIDENCE'] } }, 'inspector');
  return body.data!.history.edges.map((edge) => edge.node);
}

beforeAll(async () => {
  cookies.leader = (await signInOverHttp(server.url, 'leader@example.org', 'leader-demo-2026')).cookie;
  cookies.hmppsLeader = (await signInOverHttp(server.url, 'hmpps.leader@example.org', 'hmpps-demo-2026')).cookie;
  cookies.viewer = (await signInOverHttp(server.url, 'viewer@example.org', 'viewer-demo-2026')).cookie;
  cookies.inspector = (await signInOverHttp(server.url, 'inspector@example.org', 'inspector-demo-2026')).cookie;
  const wales = await prisma.organisation.findFirstOrThrow({ where: { users: { some: { email: 'leader@example.org' } } }, select: { path: true } });
  walesItem = globalId('ActionItem', (await prisma.actionItem.findFirstOrThrow({ where: { owner: { path: { startsWith: wales.path } } } })).id);
  const hmpps = await prisma.organisation.findFirstOrThrow({ where: { users: { some: { email: 'hmpps.leader@example.org' } } }, select: { path: true } });
  // Within HMPPS (whose leader may change it) but not within Wales.
  otherItem = globalId('ActionItem', (await prisma.actionItem.findFirstOrThrow({ where: { AND: [{ owner: { path: { startsWith: hmpps.path } } }, { owner: { path: { not: { startsWith: wales.path } } } }] } })).id);
  pdf = await reportPdf([{ heading: 'Action plan', recommendations: [{ reference: '1', text: 'Train every practitioner in domestic abuse risk assessment.' }] }]);
});

describe(`evidence files on ${databaseKind}, kept in the database`, () => {
  it('attaches files at submission, each typed from its content, with history', async () => {
    const evidence = await submitted('leader', walesItem, [file('plan.pdf', pdf), file('photo.pdf', png)]);
    expect(evidence.files.map(({ name, contentType, typeName, size }) => ({ name, contentType, typeName, size }))).toEqual([
      { name: 'plan.pdf', contentType: 'application/pdf', typeName: 'PDF', size: pdf.length },
      // A PNG sent as ".pdf" is kept, and offered, as what it is.
      { name: 'photo.png', contentType: 'image/png', typeName: 'PNG image', size: png.length },
    ]);
    expect(evidence.files.every((f) => f.viewerCanRemove)).toBe(true);
    expect(await prisma.evidenceFileContent.count()).toBe(2);
    const stored = await prisma.evidenceFile.findMany({ where: { name: { in: ['plan.pdf', 'photo.png'] } } });
    expect(stored.map((f) => f.storage)).toEqual(['DATABASE', 'DATABASE']);
    const summaries = (await historyOf(evidence.id)).map((event) => event.summary);
    expect(summaries).toEqual(expect.arrayContaining(['attached the file “plan.pdf” to evidence', 'attached the file “photo.png” to evidence']));
  });

  it('attaches a spreadsheet to evidence already submitted, moving its version', async () => {
    const evidence = await submitted('leader', walesItem, []);
    const xlsx = await registerXlsx([{ reference: 'R1', text: 'Figures', owner: 'HMPPS', targetDate: null, theme: 'workload' }]);
    const { body } = await api<{ attachEvidenceFiles: Evidence }>(ATTACH, { input: { evidenceId: evidence.id, files: [file('figures.xlsx', xlsx)] } }, 'leader');
    expect(body.errors).toBeUndefined();
    expect(body.data!.attachEvidenceFiles.files.map((f) => f.typeName)).toEqual(['Spreadsheet']);
    expect(body.data!.attachEvidenceFiles.version).toBe(evidence.version + 1);
  });

  it('refuses a program renamed .pdf, and unknown content, changing nothing', async () => {
    const before = await databaseFingerprint();
    const { body } = await submit('leader', walesItem, [file('plan.pdf', pdf), file('minutes.pdf', program)]);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'FILE_TYPE_NOT_SUPPORTED', fields: [{ path: ['files', 1] }] });
    expect(body.errors?.[0]?.message).toContain('a program (.exe)');
    // It says which of the files given is refused.
    expect(body.errors?.[0]?.extensions?.fields).toMatchObject([{ message: expect.stringMatching(/^"minutes\.pdf": this is a program \(\.exe\)/) }]);
    const text = await submit('leader', walesItem, [file('notes.pdf', Buffer.from('just some text, not a document'))]);
    expect(text.body.errors?.[0]?.extensions).toMatchObject({ reason: 'FILE_TYPE_NOT_SUPPORTED' });
    expect(await databaseFingerprint()).toBe(before);
  });

  it('refuses a file over the limit (10 MB by default), changing nothing', async () => {
    const before = await databaseFingerprint();
    const large = Buffer.concat([pdf, Buffer.alloc(10 * 2 ** 20 + 1 - pdf.length, 0x20)]);
    const { status, body } = await submit('leader', walesItem, [file('large.pdf', large)]);
    expect(status).toBe(200);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'FILE_TOO_LARGE', fields: [{ path: ['files', 0] }] });
    expect(await databaseFingerprint()).toBe(before);
  });

  it('is downloaded only as an attachment, by someone signed in', async () => {
    const [kept] = (await submitted('leader', walesItem, [file('report "draft".pdf', pdf)])).files;
    const answer = await download(kept!.downloadUrl, cookies.viewer);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('application/pdf');
    expect(answer.headers.get('content-disposition')).toBe('attachment; filename="report \\"draft\\".pdf"');
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
    expect(answer.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
    expect(answer.headers.get('cache-control')).toBe('private, no-store');
    expect(Buffer.from(await answer.arrayBuffer()).equals(pdf)).toBe(true);
    expect((await download(kept!.downloadUrl)).status).toBe(401);
    expect((await fetch(`${server.url}${kept!.downloadUrl}`, { headers: { authorization: 'Bearer not-a-token' } })).status).toBe(401);
    expect((await download(`/evidence-files/${globalId('EvidenceFile', 999_999)}`, cookies.viewer)).status).toBe(404);
    expect((await download(`/evidence-files/${globalId('Evidence', 1)}`, cookies.viewer)).status).toBe(404);
  });

  it('refuses attaching and removing to a leader of another organisation, and to a viewer', async () => {
    const evidence = await submitted('hmppsLeader', otherItem, [file('plan.pdf', pdf)]);
    const [kept] = evidence.files;
    const before = await databaseFingerprint();
    const attach = await api(ATTACH, { input: { evidenceId: evidence.id, files: [file('more.png', png)] } }, 'leader');
    expect(attach.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const remove = await api(REMOVE, { input: { id: kept!.id } }, 'leader');
    expect(remove.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const viewer = await api(REMOVE, { input: { id: kept!.id } }, 'viewer');
    expect(viewer.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const asLeader = await api<{ node: EvidenceFile }>(`query ($id: ID!) { node(id: $id) { ... on EvidenceFile { viewerCanRemove } } }`, { id: kept!.id }, 'leader');
    expect(asLeader.body.data!.node.viewerCanRemove).toBe(false);
    expect(await databaseFingerprint()).toBe(before);
  });

  it('is removed by whoever may change the evidence, with history, and its bytes go', async () => {
    const evidence = await submitted('leader', walesItem, [file('draft.pdf', pdf)]);
    const [kept] = evidence.files;
    const contents = await prisma.evidenceFileContent.count();
    const { body } = await api<{ removeEvidenceFile: Evidence }>(REMOVE, { input: { id: kept!.id, comment: 'Uploaded the draft by mistake' } }, 'leader');
    expect(body.errors).toBeUndefined();
    expect(body.data!.removeEvidenceFile.files).toEqual([]);
    expect(body.data!.removeEvidenceFile.version).toBe(evidence.version + 1);
    expect(await prisma.evidenceFileContent.count()).toBe(contents - 1);
    expect(await historyOf(evidence.id)).toContainEqual({ summary: 'removed the file “draft.pdf” from evidence', comment: 'Uploaded the draft by mistake', subject: 'EVIDENCE' });
    expect((await download(kept!.downloadUrl, cookies.viewer)).status).toBe(404);
    const again = await api(REMOVE, { input: { id: kept!.id } }, 'leader');
    expect(again.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});

describe('evidence files in a folder', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'evidence-files-'));
  beforeAll(() => configureEvidenceFiles({ maxBytes: 10 * 2 ** 20, storage: { kind: 'folder', dir } }));
  afterAll(() => {
    configureEvidenceFiles();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('keeps the bytes on disk under a key of its own, serves them, and removes them with the file', async () => {
    const contents = await prisma.evidenceFileContent.count();
    const [kept] = (await submitted('leader', walesItem, [file('../../etc/plan.pdf', pdf)])).files;
    expect(kept!.name).toBe('plan.pdf');
    const record = await prisma.evidenceFile.findFirstOrThrow({ where: { sha256: kept!.sha256, storage: 'FOLDER' }, orderBy: { id: 'desc' } });
    const onDisk = path.join(dir, record.storageKey.slice(0, 2), record.storageKey);
    expect(fs.readFileSync(onDisk).equals(pdf)).toBe(true);
    expect(await prisma.evidenceFileContent.count()).toBe(contents);
    const answer = await download(kept!.downloadUrl, cookies.leader);
    expect(Buffer.from(await answer.arrayBuffer()).equals(pdf)).toBe(true);
    await api(REMOVE, { input: { id: kept!.id } }, 'leader');
    expect(fs.existsSync(onDisk)).toBe(false);
  });

  it('removes the bytes again when the change they belong to does not commit', async () => {
    const store = folderStore(dir);
    const bytes = new StoredBytes();
    const key = randomUUID();
    const failing = bytes.around(() =>
      inTransaction(async (tx) => {
        await bytes.put(tx, store, key, pdf, 'application/pdf');
        expect(fs.existsSync(path.join(dir, key.slice(0, 2), key))).toBe(true);
        throw new Error('the change failed after the bytes were written');
      }),
    );
    await expect(failing).rejects.toThrow('the change failed');
    expect(fs.existsSync(path.join(dir, key.slice(0, 2), key))).toBe(false);
  });

  it('still serves files kept in the database before the setting changed', async () => {
    const older = await prisma.evidenceFile.findFirstOrThrow({ where: { storage: 'DATABASE' } });
    const answer = await download(`/evidence-files/${globalId('EvidenceFile', older.id)}`, cookies.viewer);
    expect(answer.status).toBe(200);
    expect(Number(answer.headers.get('content-length'))).toBe(older.size);
  });
});

describe('evidence files in an S3-compatible store (s3rver on 127.0.0.1)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'evidence-s3-'));
  const s3 = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: dir, configureBuckets: [{ name: 'evidence', configs: [] }] });
  beforeAll(async () => {
    const { port } = await s3.run();
    configureEvidenceFiles({
      maxBytes: 10 * 2 ** 20,
      storage: { kind: 's3', bucket: 'evidence', region: 'us-east-1', endpoint: `http://127.0.0.1:${port}`, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } },
    });
  });
  afterAll(async () => {
    configureEvidenceFiles();
    await s3.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('puts, serves and deletes the object', async () => {
    const [kept] = (await submitted('leader', walesItem, [file('photo.png', png)])).files;
    const record = await prisma.evidenceFile.findFirstOrThrow({ where: { storage: 'S3' }, orderBy: { id: 'desc' } });
    const objectFolder = path.join(dir, 'evidence', 'evidence');
    const keptInBucket = () => fs.existsSync(objectFolder) && fs.readdirSync(objectFolder).some((name) => name.startsWith(record.storageKey));
    expect(keptInBucket()).toBe(true);
    const answer = await download(kept!.downloadUrl, cookies.viewer);
    expect(answer.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await answer.arrayBuffer()).equals(png)).toBe(true);
    await api(REMOVE, { input: { id: kept!.id } }, 'leader');
    expect(keptInBucket()).toBe(false);
  });
});
