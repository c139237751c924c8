import { describe, expect, it } from 'vitest';
import { performance } from 'node:perf_hooks';
import { prisma } from '../../server/db/client.ts';
import { splitRecommendations } from '../../server/domain/intake/split.ts';
import { textLines } from '../../server/domain/intake/extract.ts';
import { databaseFingerprint } from '../support/consistency.ts';
import { databaseKind, useTestDatabase } from '../support/database.ts';
import { useDemo } from '../support/demo.ts';
import { execute, globalId, gql, gqlError, useGraphql } from '../support/graphql.ts';
import { fortyRecommendations, registerCsv, registerXlsx, reportDocx, reportPdf, type RegisterRow } from '../support/intake-fixtures.ts';

useTestDatabase();
useGraphql();
const { demo, as } = useDemo();

const PREVIEW = `mutation ($input: PreviewRecommendationIntakeInput!) {
  previewRecommendationIntake(input: $input) {
    format warnings
    rows { reference text recognisedAddressees addressees { id shortName } themes { name } targetDate warnings }
  }
}`;
const CANDIDATES = `query ($input: IntakeDraftInput!) {
  intakeRepeatCandidates(input: $input) { score reasons recommendation { id reference status latestVerdict report { title publishedOn } } }
}`;
const ADD = `mutation ($input: AddRecommendationsInput!) { addRecommendations(input: $input) { id reference text repeats { id } repeatConfirmed owner { shortName } addressees { organisation { shortName } } } }`;
const WITHDRAW = `mutation ($input: WithdrawRecommendationInput!) { withdrawRecommendation(input: $input) { id withdrawnAt withdrawalReason isOverdue version viewerCanWithdraw } }`;

type PreviewRow = {
  reference: string;
  text: string;
  recognisedAddressees: string[];
  addressees: { id: string; shortName: string | null }[];
  themes: { name: string }[];
  targetDate: string | null;
  warnings: string[];
};
type Candidate = { score: number; reasons: string[]; recommendation: { id: string; reference: string; report: { publishedOn: string } } };

async function preview(input: Record<string, unknown>, actor = as.inspector) {
  const { previewRecommendationIntake } = await gql<{ previewRecommendationIntake: { format: string; warnings: string[]; rows: PreviewRow[] } }>(PREVIEW, { input }, actor);
  return previewRecommendationIntake;
}

const file = (name: string, content: Buffer) => ({ name, contentBase64: content.toString('base64') });
const shortNames = (row: PreviewRow) => row.addressees.map((organisation) => organisation.shortName);

describe('splitting a recommendations section by its numbering', () => {
  const split = (text: string) => splitRecommendations({ kind: 'LINES', format: 'TEXT', lines: textLines(text) }).map((rec) => [rec.reference, rec.text, rec.addresseeText]);

  it('reads R-numbers, "Recommendation n", dotted numbers, lettered items and bullets', () => {
    expect(split('R1 HMPPS should do one thing.\nR2 The MoJ should do\nanother thing.')).toEqual([['R1', 'HMPPS should do one thing.', null], ['R2', 'The MoJ should do another thing.', null]]);
    expect(split('Recommendation 1: Train staff.\nRecommendation 2: Review cases.')).toEqual([['1', 'Train staff.', null], ['2', 'Review cases.', null]]);
    expect(split('2.1 Train staff.\n2.2 Review cases,\nincluding:\n(a) risk\n(b) safety')).toEqual([['2.1', 'Train staff.', null], ['2.2', 'Review cases, including: (a) risk (b) safety', null]]);
    expect(split('(a) Train staff.\n(b) Review cases.')).toEqual([['a', 'Train staff.', null], ['b', 'Review cases.', null]]);
    const bullets = splitRecommendations({ kind: 'LINES', format: 'TEXT', lines: textLines('• Train staff.\n• Review cases.') });
    expect(bullets.map((rec) => rec.reference)).toEqual(['1', '2']);
    expect(bullets[0]!.warnings).toEqual(['no number printed: numbered in order']);
  });

  it('groups recommendations under addressee headings, numbered or not', () => {
    expect(split('HMPPS should:\n1. train staff;\n2. review cases.\nThe Ministry of Justice should:\n3. fund the work.')).toEqual([
      ['1', 'train staff;', 'HMPPS should:'], ['2', 'review cases.', 'HMPPS should:'], ['3', 'fund the work.', 'The Ministry of Justice should:'],
    ]);
    expect(split('1. HMPPS should:\n(a) train staff\n(b) review cases\n2. The MoJ should:\n(a) fund it')).toEqual([
      ['1(a)', 'train staff', 'HMPPS should:'], ['1(b)', 'review cases', 'HMPPS should:'], ['2(a)', 'fund it', 'The MoJ should:'],
    ]);
  });

  it('reads a deadline the text gives as its target date, keeping the text as printed', () => {
    const read = (text: string) => splitRecommendations({ kind: 'LINES', format: 'TEXT', lines: textLines(text) })
      .map((rec) => [rec.reference, rec.text, rec.targetDate?.toISOString().slice(0, 10) ?? null, rec.warnings]);
    expect(read([
      '1. HMPPS should review every case by 31 March 2027.',
      '2. The MoJ should publish its plan by the end of\nSeptember 2026.',
      '3. Staff should be trained by 1st June, 2027, and assessed by the end of 2027.',
      '4. Managers should check supervision by 30/11/2026.',
      '5. Caseloads should be cut, as agreed by 12 partners in 2024.',
    ].join('\n'))).toEqual([
      ['1', 'HMPPS should review every case by 31 March 2027.', '2027-03-31', []],
      ['2', 'The MoJ should publish its plan by the end of September 2026.', '2026-09-30', []],
      ['3', 'Staff should be trained by 1st June, 2027, and assessed by the end of 2027.', null,
        ['the text gives 2 dates (by 1st June, 2027; by the end of 2027): give the target date']],
      ['4', 'Managers should check supervision by 30/11/2026.', '2026-11-30', []],
      ['5', 'Caseloads should be cut, as agreed by 12 partners in 2024.', null, []],
    ]);
    // A register's row with no date of its own reads its text the same way; a date of its own comes first.
    const rows = splitRecommendations({ kind: 'TABLE', format: 'XLSX', rows: [
      ['Ref', 'Recommendation', 'Target date'],
      ['1', 'Publish the plan by 31 March 2027.', ''],
      ['2', 'Train staff by June 2027 and audit by the end of 2027.', ''],
      ['3', 'Review cases by 31 March 2027.', '30/06/2026'],
    ] });
    expect(rows.map((rec) => [rec.reference, rec.targetDate?.toISOString().slice(0, 10) ?? null, rec.warnings])).toEqual([
      ['1', '2027-03-31', []],
      ['2', null, ['the text gives 2 dates (by June 2027; by the end of 2027): give the target date']],
      ['3', '2026-06-30', []],
    ]);
  });

  it('keeps a wrapped line that starts with a number inside its recommendation', () => {
    expect(split('1. Reduce caseloads to below\n50. cases each.\n2. Review cases.')).toEqual([['1', 'Reduce caseloads to below 50. cases each.', null], ['2', 'Review cases.', null]]);
  });
});

describe(`intake of recommendations through the API, on ${databaseKind}`, () => {
  it('previews pasted text: split, addressees recognised by name and short name, repeats proposed; nothing saved', async () => {
    const earlier = await prisma.recommendation.findUniqueOrThrow({ where: { id: demo.rec(2023, 'R1').dbId } });
    const before = await databaseFingerprint();
    const result = await preview({
      reportId: demo.report(2025).id,
      text: [
        'Summary of findings',
        'Recommendations',
        'HM Prison and Probation Service should:',
        `1. ${earlier.text}`,
        '2. give practitioners time and training for',
        'domestic abuse work, including coercive control.',
        '',
        'The Probation Service and the MoJ should:',
        '3. publish how many people wait for an intervention.',
        '4. Publish a plan for the estate.',
      ].join('\n'),
    });
    expect(await databaseFingerprint()).toBe(before);
    expect(result.format).toBe('TEXT');
    expect(result.rows.map((row) => row.reference)).toEqual(['1', '2', '3', '4']);
    expect(result.rows[1]!.text).toBe('give practitioners time and training for domestic abuse work, including coercive control.');
    expect(shortNames(result.rows[0]!)).toEqual(['HMPPS']);
    expect(shortNames(result.rows[2]!)).toEqual(['PS', 'MoJ']);
    expect(result.rows[2]!.recognisedAddressees).toEqual(['The Probation Service', 'MoJ']);
    // Each row's probable repeats, asked row by row: the earlier recommendation it restates is
    // proposed, and only recommendations of earlier reports are.
    for (const [index, row] of result.rows.entries()) {
      const { intakeRepeatCandidates } = await gql<{ intakeRepeatCandidates: Candidate[] }>(CANDIDATES, {
        input: { reportId: demo.report(2025).id, reference: row.reference, text: row.text, addresseeIds: row.addressees.map((organisation) => organisation.id) },
      }, as.inspector);
      if (index === 0) expect(intakeRepeatCandidates.map((c) => c.recommendation.id)).toContain(demo.rec(2023, 'R1').id);
      for (const c of intakeRepeatCandidates) expect(c.recommendation.report.publishedOn < '2025-01-01').toBe(true);
    }
    await gqlError('FORBIDDEN', CANDIDATES, { input: { reportId: demo.report(2025).id, text: 'Anything.' } }, as.leader);
  });

  it('reads a PDF of forty recommendations: page headers, footers and wrapped lines do not break them', async () => {
    const groups = fortyRecommendations();
    const pdf = await reportPdf(groups);
    const started = performance.now();
    const result = await preview({ publishedOn: '2026-06-01', inspectorateId: demo.org('HMIP').id, file: file('thematic.pdf', pdf) });
    console.log(`${databaseKind}: preview of a 40-recommendation PDF (${(pdf.length / 1024).toFixed(0)} kB) in ${(performance.now() - started).toFixed(0)} ms`);
    expect(result.format).toBe('PDF');
    const expected = groups.flatMap((group) => group.recommendations);
    expect(result.rows.map((row) => row.reference)).toEqual(expected.map((rec) => rec.reference.replace('.', '')));
    expect(result.rows.map((row) => row.text)).toEqual(expected.map((rec) => rec.text));
    expect(shortNames(result.rows[0]!)).toEqual(['HMPPS']);
    expect(shortNames(result.rows[39]!)).toEqual(['PS', 'MoJ']);
  });

  it('reads a Word document numbered by Word, and leaves out what follows the recommendations', async () => {
    const docx = await reportDocx('The Probation Service should:', ['Make sure every case has a risk assessment.', 'Train staff in coercive control.']);
    const result = await preview({ reportId: demo.report(2025).id, file: file('report.docx', docx) });
    expect(result.format).toBe('DOCX');
    expect(result.rows.map((row) => [row.reference, row.text, shortNames(row)])).toEqual([
      ['1', 'Make sure every case has a risk assessment.', ['PS']],
      ['2', 'Train staff in coercive control.', ['PS']],
    ]);
  });

  const register: RegisterRow[] = [
    { reference: 'R1', text: 'Review every case when risk changes.', owner: 'HMPPS and the Ministry of Justice', targetDate: new Date(Date.UTC(2026, 2, 31)), theme: 'reviewing' },
    { reference: 'R2', text: 'Cut caseloads, so that "time to think" is real.', owner: 'Probation Service Wales', targetDate: '31/12/2026', theme: 'workload; no such theme' },
    { reference: 'R3', text: 'Publish the plan.', owner: 'Nobody we know', targetDate: 'soon', theme: '' },
  ];

  for (const [name, content] of [['register.xlsx', () => registerXlsx(register)], ['register.csv', async () => registerCsv(register)]] as const) {
    it(`reads a register as ${name.split('.')[1]!.toUpperCase()}: columns told by their headers`, async () => {
      const result = await preview({ reportId: demo.report(2025).id, file: file(name, await content()) });
      expect(result.rows.map((row) => [row.reference, row.text, shortNames(row), row.targetDate, row.themes.map((theme) => theme.name)])).toEqual([
        ['R1', register[0]!.text, ['HMPPS', 'MoJ'], '2026-03-31', ['reviewing']],
        ['R2', register[1]!.text, ['Wales'], '2026-12-31', ['workload']],
        ['R3', 'Publish the plan.', [], null, []],
      ]);
      expect(result.rows[1]!.warnings).toEqual(['the theme “no such theme” is not known']);
      expect(result.rows[2]!.warnings).toEqual(['the target date “soon” is not a date: give it again', 'no addressee recognised: choose who it is addressed to']);
    });
  }

  it('refuses a damaged file, a file of another type and one too large with a stable reason, never an internal error', async () => {
    const report = demo.report(2025).id;
    const refusal = async (name: string, content: Buffer) => {
      const error = await gqlError('BAD_USER_INPUT', PREVIEW, { input: { reportId: report, file: file(name, content) } }, as.inspector);
      return [error.extensions?.reason, (error.extensions?.fields as { path: string[] }[])[0]!.path];
    };
    expect(await refusal('report.pdf', Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> rubbish'))).toEqual(['FILE_UNREADABLE', ['file']]);
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');
    expect(await refusal('report.pdf', png)).toEqual(['FILE_TYPE_NOT_SUPPORTED', ['file']]);
    expect(await refusal('report.docx', (await reportDocx('HMPPS should:', ['Do it.'])).subarray(0, 1500))).toEqual(['FILE_TYPE_NOT_SUPPORTED', ['file']]);
    expect(await refusal('big.csv', Buffer.alloc(10 * 2 ** 20 + 1, 'a'))).toEqual(['FILE_TOO_LARGE', ['file']]);
    expect(await refusal('empty.txt', Buffer.alloc(0))).toEqual(['FILE_HAS_NO_TEXT', ['file']]);
    await gqlError('BAD_USER_INPUT', PREVIEW, { input: { reportId: report, file: { name: 'x.pdf', contentBase64: 'not base64!' } } }, as.inspector);
    await gqlError('BAD_USER_INPUT', PREVIEW, { input: { reportId: report } }, as.inspector);
  });

  it('refuses text or a document that reads as thousands of recommendations, soon, reading it off the main thread', async () => {
    const report = demo.report(2025).id;
    // The same number on every line, as a register pasted with its numbering flattened: each told apart from the others.
    const lines = Array.from({ length: 20_000 }, () => '1. HMPPS should improve its assessment of the risk of domestic abuse').join('\n');
    const started = performance.now();
    const pasted = await gqlError('BAD_USER_INPUT', PREVIEW, { input: { reportId: report, text: lines } }, as.inspector);
    expect(pasted.message).toMatch(/reads as 20000 recommendations, and at most 500 are loaded at once/);
    expect(pasted.extensions?.fields).toEqual([{ path: ['text'], message: expect.stringContaining('at most 500') }]);
    expect(performance.now() - started).toBeLessThan(15_000);

    // A Word document of 20,000 list items (about 6 MB unpacked, from a file of a few hundred KB).
    const docx = await reportDocx('HMPPS should:', Array.from({ length: 20_000 }, (_, i) => `Improve the assessment of risk in case ${i}.`));
    const before = performance.eventLoopUtilization();
    const read = await gqlError('BAD_USER_INPUT', PREVIEW, { input: { reportId: report, file: file('report.docx', docx) } }, as.inspector);
    const busy = performance.eventLoopUtilization(before);
    expect(read.extensions?.fields).toEqual([{ path: ['file'], message: expect.stringMatching(/reads as \d+ recommendations, and at most 500/) }]);
    // Seconds of parsing, and the main thread, which answers every other request, was mostly free meanwhile.
    expect(busy.idle + busy.active).toBeGreaterThan(1_000);
    expect(busy.utilization).toBeLessThan(0.5);
  }, 120_000);

  it('saves corrected rows into an existing report in one transaction, with the repeats chosen and history', async () => {
    const report = demo.report(2025);
    const repeated = demo.rec(2023, 'R1');
    const { addRecommendations } = await gql(ADD, {
      input: {
        reportId: report.id,
        recommendations: [
          { reference: 'N1', text: 'Assess the risk of domestic abuse in every case, again.', ownerId: demo.org('HMPPS').id, addresseeIds: [demo.org('MoJ').id], repeatsId: repeated.id },
          { reference: 'N2', text: 'Publish waiting times for interventions.', ownerId: demo.org('PS').id, themeIds: [demo.theme('interventions').id] },
        ],
      },
    }, as.inspector);
    expect(addRecommendations).toMatchObject([
      { reference: 'N1', repeats: { id: repeated.id }, repeatConfirmed: true, owner: { shortName: 'HMPPS' }, addressees: expect.arrayContaining([{ organisation: { shortName: 'MoJ' } }]) },
      { reference: 'N2', repeats: null, owner: { shortName: 'PS' } },
    ]);
    const saved = await prisma.recommendation.findMany({ where: { reportId: report.dbId, reference: { in: ['N1', 'N2'] } }, orderBy: { position: 'asc' } });
    const others = await prisma.recommendation.aggregate({ where: { reportId: report.dbId, reference: { notIn: ['N1', 'N2'] } }, _max: { position: true } });
    expect(saved[0]!.position).toBe((others._max.position ?? -1) + 1);
    const history = await prisma.historyEvent.findMany({ where: { recommendationId: saved[0]!.id }, orderBy: { id: 'asc' } });
    expect(history.map((event) => event.kind)).toEqual(['CREATED', 'REPEAT_CONFIRMED']);
    expect(history[0]!.actorId).toBe(as.inspector.userId);
    const onReport = await prisma.historyEvent.findFirstOrThrow({ where: { subject: 'REPORT', subjectId: report.dbId, field: 'recommendations' }, orderBy: { id: 'desc' } });
    expect(onReport.toValue).toBe('added N1, N2');

    // A reference the report has already, or one given twice: nothing saved.
    const before = await databaseFingerprint();
    await gqlError('BAD_USER_INPUT', ADD, { input: { reportId: report.id, recommendations: [{ reference: 'N1', text: 'Again.', ownerId: demo.org('HMPPS').id }] } }, as.inspector);
    await gqlError('BAD_USER_INPUT', ADD, { input: { reportId: report.id, recommendations: [{ reference: 'N3', text: 'Later.', ownerId: demo.org('HMPPS').id, repeatsId: demo.rec(2023, 'R2').id }, { reference: 'N3', text: 'Twice.', ownerId: demo.org('HMPPS').id }] } }, as.inspector);
    // The same text loaded twice: every row whose reference the report has is named at once, not the first only.
    const twice = await gqlError('BAD_USER_INPUT', ADD, { input: { reportId: report.id, recommendations: ['N1', 'N9', 'N2'].map((reference) => ({ reference, text: 'Again.', ownerId: demo.org('HMPPS').id })) } }, as.inspector);
    expect((twice.extensions?.fields as { path: unknown[] }[]).map((field) => field.path)).toEqual([['recommendations', 0, 'reference'], ['recommendations', 2, 'reference']]);
    expect(await databaseFingerprint()).toBe(before);
  });

  it('lets only the report’s own inspectorate (and administrators) preview, add and withdraw', async () => {
    const report = demo.report(2025).id;
    const one = { reportId: report, recommendations: [{ reference: 'X1', text: 'Nothing.', ownerId: demo.org('HMPPS').id }] };
    const elsewhere = { ...as.inspector, organisationPath: '/9999999999/' };
    for (const actor of [as.leader, as.viewer, elsewhere]) {
      await gqlError('FORBIDDEN', ADD, { input: one }, actor);
      await gqlError('FORBIDDEN', PREVIEW, { input: { reportId: report, text: '1. HMPPS should act.' } }, actor);
    }
    const rec = await prisma.recommendation.findFirstOrThrow({ where: { reportId: demo.report(2025).dbId } });
    await gqlError('FORBIDDEN', WITHDRAW, { input: { id: globalId('Recommendation', rec.id), version: rec.version, reason: 'Not ours.' } }, elsewhere);
    // Nor does an inspector of another inspectorate change the report or what it recommends, or publish one in its name.
    const reportNow = await prisma.report.findUniqueOrThrow({ where: { id: demo.report(2025).dbId } });
    await gqlError('FORBIDDEN', 'mutation ($input: UpdateReportInput!) { updateReport(input: $input) { id } }',
      { input: { id: report, version: reportNow.version, title: 'Taken over' } }, elsewhere);
    await gqlError('FORBIDDEN', 'mutation ($input: UpdateRecommendationInput!) { updateRecommendation(input: $input) { id } }',
      { input: { id: globalId('Recommendation', rec.id), version: rec.version, text: 'Rewritten elsewhere.' } }, elsewhere);
    await gqlError('FORBIDDEN', 'mutation ($input: CreateReportInput!) { createReport(input: $input) { id } }',
      { input: { title: 'In their name', kind: 'THEMATIC', publishedOn: '2026-01-01', inspectorateId: demo.org('HMIP').id, recommendations: one.recommendations } }, elsewhere);
    const offered = `query ($report: ID!, $rec: ID!) { report(id: $report) { viewerCanEdit } recommendation(id: $rec) { viewerCanEdit } }`;
    expect(await gql(offered, { report, rec: globalId('Recommendation', rec.id) }, elsewhere)).toEqual({ report: { viewerCanEdit: false }, recommendation: { viewerCanEdit: false } });
    expect(await gql(offered, { report, rec: globalId('Recommendation', rec.id) }, as.inspector)).toEqual({ report: { viewerCanEdit: true }, recommendation: { viewerCanEdit: true } });
    const asAdmin = await execute(ADD, { input: one }, as.admin);
    expect(asAdmin.errors).toBeUndefined();
  });

  it('withdraws a recommendation with a reason: kept and shown as withdrawn, no longer overdue or repeated-and-unmet', async () => {
    const target = await prisma.recommendation.findFirstOrThrow({ where: { isRepeatedUnmet: true, withdrawnAt: null } });
    await gqlError('BAD_USER_INPUT', WITHDRAW, { input: { id: globalId('Recommendation', target.id), version: target.version, reason: '  ' } }, as.inspector);
    const { withdrawRecommendation } = await gql(WITHDRAW, {
      input: { id: globalId('Recommendation', target.id), version: target.version, reason: 'Superseded by the new national strategy.' },
    }, as.inspector);
    expect(withdrawRecommendation).toMatchObject({ withdrawalReason: 'Superseded by the new national strategy.', isOverdue: false, version: target.version + 1, viewerCanWithdraw: false });
    expect(withdrawRecommendation.withdrawnAt).not.toBeNull();
    const after = await prisma.recommendation.findUniqueOrThrow({ where: { id: target.id } });
    expect(after.isRepeatedUnmet).toBe(false);
    const event = await prisma.historyEvent.findFirstOrThrow({ where: { recommendationId: target.id, subject: 'RECOMMENDATION' }, orderBy: { id: 'desc' } });
    expect(event).toMatchObject({ kind: 'WITHDRAWN', comment: 'Superseded by the new national strategy.', actorId: as.inspector.userId });
    await gqlError('BAD_USER_INPUT', WITHDRAW, { input: { id: globalId('Recommendation', target.id), version: target.version + 1, reason: 'Again.' } }, as.inspector);
  });
});
