import { describe, expect, it, beforeAll } from 'vitest';
import { prisma } from '../../server/db/client.ts';
import { rankRepeatCandidates, readCitation, type RepeatDraft } from '../../server/domain/repeat-ranking.ts';
import { databaseKind, useTestDatabase } from '../support/database.ts';
import { useDemo } from '../support/demo.ts';
import { gql, gqlError, globalId, useGraphql } from '../support/graphql.ts';

useTestDatabase();
useGraphql();
const { as } = useDemo();

/** Two earlier reports on one probation area, whose body has been renamed, and a later one. */
const ids = {} as Record<'programmes' | 'unpaidWork' | 'homeVisits' | 'estates' | 'homeVisitsAgain' | 'later', number>;
let testshire = 0;

async function report(title: string, publishedOn: string, inspectorateId: number) {
  return prisma.report.create({ data: { title, publishedOn: new Date(`${publishedOn}T00:00:00Z`), kind: 'INSPECTION', inspectorateId } });
}

async function recommendation(key: keyof typeof ids, reportId: number, reference: string, text: string, repeatsId?: number) {
  const rec = await prisma.recommendation.create({
    data: { reportId, reference, text, ownerId: testshire, repeatsId, addressees: { create: [{ organisationId: testshire }] } },
  });
  ids[key] = rec.id;
  return rec;
}

beforeAll(async () => {
  const inspectorate = await prisma.organisation.findFirstOrThrow({ where: { kind: 'INSPECTORATE' } });
  testshire = (await prisma.organisation.create({
    data: { name: 'Probation Service for Testshire', kind: 'SERVICE', formerNames: ['Testshire Community Rehabilitation Company'] },
  })).id;
  const first = await report('Report on an inspection of probation services in Testshire', '2016-05-10', inspectorate.id);
  await recommendation('programmes', first.id, 'R1',
    'The Testshire Community Rehabilitation Company should make sure that accredited programmes for men convicted of sexual offences start within twelve weeks of sentence.');
  await recommendation('unpaidWork', first.id, 'R2',
    'The Testshire Community Rehabilitation Company should review unpaid work placements so that supervisors are present at every placement.');
  await recommendation('homeVisits', first.id, 'R3',
    'The Testshire Community Rehabilitation Company should record home visits to families where children are at risk, and what was seen.');
  const second = await report('Testshire: a follow-up inspection', '2019-03-01', inspectorate.id);
  await recommendation('estates', second.id, 'R4', 'Leaders should strengthen the governance of the estates budget and publish its spending each quarter.');
  await recommendation('homeVisitsAgain', second.id, 'R1',
    'Probation Service for Testshire should make sure home visits to families with children at risk are recorded, with what practitioners saw.', ids.homeVisits);
});

const draft = (text: string, extra: Partial<RepeatDraft> = {}): RepeatDraft => ({
  text, publishedOn: new Date('2024-06-01T00:00:00Z'), addresseeIds: [testshire], ...extra,
});
const first = async (text: string, extra: Partial<RepeatDraft> = {}) => (await rankRepeatCandidates(prisma, draft(text, extra), { minimumScore: 0 }))[0];

describe(`ranking repeat candidates on ${databaseKind}`, () => {
  it('reads citations: numbers, years and months, quoted titles, and the last inspection', () => {
    const citation = readCitation('This repeats recommendation 4 of our March 2019 report ‘Testshire: a follow-up inspection’ (R4).');
    expect(citation.references).toEqual(['4']);
    expect(citation.periods.map(([from]) => from.toISOString().slice(0, 10))).toEqual(['2019-03-01']);
    expect(citation.titles).toEqual(['Testshire: a follow-up inspection']);
    expect(readCitation('As at our last inspection, this has not been achieved.').previous).toBe(true);
    expect(readCitation('Staff should be trained by 2027.').periods).toEqual([]);
  });

  it('puts a cited recommendation first, above one whose text is closer', async () => {
    const text = 'Accredited programmes for men convicted of sexual offences should start within twelve weeks of sentence. ' +
      'This repeats recommendation R4 of our 2019 report.';
    const ranked = await rankRepeatCandidates(prisma, draft(text), { minimumScore: 0 });
    expect(ranked[0]!.recommendationId).toBe(ids.estates);
    expect(ranked[0]!.reasons[0]).toMatch(/^cited: R4 of ‘Testshire: a follow-up inspection’/);
    expect(ranked.map((candidate) => candidate.recommendationId)).toContain(ids.programmes);
  });

  it('finds a reworded repeat by its words, and not a recommendation on a neighbouring subject', async () => {
    const found = await first('Men convicted of sexual offences must begin an accredited programme no later than twelve weeks after they are sentenced.');
    expect(found?.recommendationId).toBe(ids.programmes);
    expect(found!.score).toBeGreaterThan(0.3);
    expect(found!.reasons.join(' ')).toMatch(/similar text/);
  });

  it('matches a body named by its new name to recommendations made to it under its former name', async () => {
    const found = await first('Probation Service for Testshire should make sure supervisors are present at every unpaid work placement.', { addresseeIds: [] });
    expect(found?.recommendationId).toBe(ids.unpaidWork);
    expect(found!.reasons).toContain('same addressee: Probation Service for Testshire (then Testshire Community Rehabilitation Company)');
  });

  it('shows a chain of repeats once, as its latest member before the draft', async () => {
    const ranked = await rankRepeatCandidates(prisma, draft('Home visits to families where children are at risk should be recorded, with what was seen.'), { minimumScore: 0 });
    const proposed = ranked.map((candidate) => candidate.recommendationId);
    expect(proposed[0]).toBe(ids.homeVisitsAgain);
    expect(proposed).not.toContain(ids.homeVisits);
    // Before the later member existed, the earlier one stands for the chain.
    const earlier = await first('Home visits to families where children are at risk should be recorded, with what was seen.', { publishedOn: new Date('2018-01-01T00:00:00Z') });
    expect(earlier?.recommendationId).toBe(ids.homeVisits);
  });

  it('of two texts alike in their words, puts first the one written more like the draft (trigram similarity)', async () => {
    // The same stemmed words, once each: only the spelling tells them apart ("supervisors" and
    // "supervisor" are one word to the index). The first made would come first on a tie.
    const hostel = await prisma.organisation.create({ data: { name: 'Testshire Approved Premises', kind: 'SERVICE' } });
    const inspectorate = await prisma.organisation.findFirstOrThrow({ where: { kind: 'INSPECTORATE' } });
    const visit = await report('Report on an inspection of Testshire Approved Premises', '2021-09-14', inspectorate.id);
    const make = (reference: string, text: string) => prisma.recommendation.create({
      data: { reportId: visit.id, reference, text, ownerId: hostel.id, addressees: { create: [{ organisationId: hostel.id }] } },
    });
    const spelledOtherwise = await make('R1', 'Leaders should make sure the hostel supervisor checks the curfew log.');
    const spelledAlike = await make('R2', 'Leaders should make sure the hostel supervisors check the curfew logs.');
    const ranked = await rankRepeatCandidates(prisma, draft('Leaders should make sure hostel supervisors check curfew logs.', { addresseeIds: [hostel.id] }), { minimumScore: 0 });
    expect(ranked.slice(0, 2).map((candidate) => candidate.recommendationId)).toEqual([spelledAlike.id, spelledOtherwise.id]);
    expect(ranked[0]!.score).toBeGreaterThan(ranked[1]!.score);
  });

  it('keeps a recommendation cited by number and date first, however many texts read closer', async () => {
    // Seventy-two later texts nearly the same as the draft, and the cited one in other words: the cited
    // one must still be scored (it was once cut, as the trigram similarity was read for the best by words only).
    const inspectorate = await prisma.organisation.findFirstOrThrow({ where: { kind: 'INSPECTORATE' } });
    const body = await prisma.organisation.create({ data: { name: 'Testshire Hostels Board', kind: 'AGENCY' } });
    let state = 7;
    const next = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
    const word = () => `${Array.from({ length: 7 }, () => 'bcdfghjklmnpqrstvwz'[Math.floor(next() * 19)]).join('')}a`;
    const filler = await report('Report on hostels in Testshire: other subjects', '2010-01-10', inspectorate.id);
    await prisma.recommendation.createMany({
      data: Array.from({ length: 600 }, (_, index) => ({ reportId: filler.id, reference: `R${index + 1}`, text: `Leaders should make sure that ${word()} ${word()} ${word()} ${word()}.`, ownerId: body.id })),
    });
    for (const month of ['01', '02', '03']) {
      const later = await report(`Hostels in Testshire (${month}/2023)`, `2023-${month}-15`, inspectorate.id);
      await prisma.recommendation.createMany({
        data: Array.from({ length: 24 }, (_, index) => ({ reportId: later.id, reference: `R${index + 1}`, text: `Leaders should make sure that hostel supervisors check the curfew logs every night, ${word()}.`, ownerId: body.id })),
      });
    }
    const earlier = await report('Report on an inspection of a Testshire hostel', '2019-03-15', inspectorate.id);
    await prisma.recommendation.createMany({
      data: Array.from({ length: 6 }, (_, index) => ({ reportId: earlier.id, reference: `R${index + 1}`, text: `Leaders should make sure that ${word()} ${word()}.`, ownerId: body.id })),
    });
    const cited = await prisma.recommendation.create({ data: { reportId: earlier.id, reference: 'R7', text: 'Leaders should make sure that the hostel curfew log is kept.', ownerId: body.id } });
    const ranked = await rankRepeatCandidates(prisma, draft('Leaders should make sure that hostel supervisors check the curfew logs every night. This repeats recommendation R7 of our March 2019 report.', { addresseeIds: [] }));
    expect(ranked[0]?.recommendationId).toBe(cited.id);
    expect(ranked[0]!.reasons[0]).toMatch(/^cited: R7 of/);
  });

  it('keeps the word counts it weighs by in step with the texts', async () => {
    const count = async (word: string) => (await prisma.textTerm.findUnique({ where: { word } }))?.documents ?? 0;
    const texts = await count('');
    expect(texts).toBe(await prisma.recommendation.count());
    const before = await count('quarter');
    await prisma.recommendation.update({ where: { id: ids.estates }, data: { text: 'Leaders should strengthen the governance of the estates budget.' } });
    expect(await count('quarter')).toBe(before - 1);
    await prisma.recommendation.update({ where: { id: ids.estates }, data: { text: 'Leaders should strengthen the governance of the estates budget and publish its spending each quarter.' } });
    expect(await count('quarter')).toBe(before);
    expect(await count('')).toBe(texts);
  });

  it('answers bad input with a stable code and changes nothing', async () => {
    await expect(rankRepeatCandidates(prisma, draft('   '))).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    await expect(rankRepeatCandidates(prisma, draft('text', { publishedOn: new Date('not a date') }))).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    await expect(rankRepeatCandidates(prisma, draft('text'), { first: 0 })).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
  });
});

describe(`deciding on repeat candidates on ${databaseKind}`, () => {
  const candidatesQuery = `query ($id: ID!) { repeatCandidates(recommendationId: $id, first: 10, minimumScore: 0) {
    score reasons recommendation { id reference status latestVerdict report { title publishedOn } } } }`;
  const reject = `mutation ($input: RejectRepeatCandidateInput!) { rejectRepeatCandidate(input: $input) { id version } }`;

  it('forgets a rejected candidate for that recommendation, keeps the decision with history, and records a confirmation on linking', async () => {
    const later = await report('Testshire: a second follow-up inspection', '2024-06-01', (await prisma.organisation.findFirstOrThrow({ where: { kind: 'INSPECTORATE' } })).id);
    const rec = await recommendation('later', later.id, 'R1',
      'The Probation Service for Testshire should make sure accredited programmes for men convicted of sexual offences start within twelve weeks of sentence.');
    const id = globalId('Recommendation', rec.id);
    const before = await gql(candidatesQuery, { id }, as.inspector);
    const proposed = before.repeatCandidates.map((candidate: { recommendation: { id: string } }) => candidate.recommendation.id);
    expect(proposed[0]).toBe(globalId('Recommendation', ids.programmes));
    expect(before.repeatCandidates[0].recommendation).toMatchObject({ reference: 'R1', status: 'NOT_STARTED', latestVerdict: null, report: { publishedOn: '2016-05-10' } });

    const programmes = globalId('Recommendation', ids.programmes);
    await gql(reject, { input: { id, version: rec.version, candidateId: programmes, rank: 1, score: before.repeatCandidates[0].score } }, as.inspector);
    const after = await gql(candidatesQuery, { id }, as.inspector);
    expect(after.repeatCandidates.map((candidate: { recommendation: { id: string } }) => candidate.recommendation.id)).not.toContain(programmes);
    expect(await prisma.repeatDecision.findMany({ where: { recommendationId: rec.id }, select: { candidateId: true, decision: true, rank: true } })).toEqual([
      { candidateId: ids.programmes, decision: 'REJECTED', rank: 1 },
    ]);
    expect(await prisma.historyEvent.count({ where: { recommendationId: rec.id, kind: 'REPEAT_REJECTED' } })).toBe(1);

    // Rejected twice, another kind of id, itself, or by a viewer: refused, nothing kept.
    await gqlError('BAD_USER_INPUT', reject, { input: { id, version: rec.version, candidateId: programmes } }, as.inspector);
    await gqlError('BAD_USER_INPUT', reject, { input: { id, version: rec.version, candidateId: globalId('Report', later.id) } }, as.inspector);
    await gqlError('BAD_USER_INPUT', reject, { input: { id, version: rec.version, candidateId: id } }, as.inspector);
    await gqlError('FORBIDDEN', reject, { input: { id, version: rec.version, candidateId: globalId('Recommendation', ids.unpaidWork) } }, as.viewer);
    expect(await prisma.repeatDecision.count({ where: { recommendationId: rec.id } })).toBe(1);

    const unpaidWork = globalId('Recommendation', ids.unpaidWork);
    await gql(`mutation ($input: LinkRepeatInput!) { linkRepeat(input: $input) { id } }`,
      { input: { id, version: rec.version, repeatsId: unpaidWork, rank: 2, score: 0.41 } }, as.inspector);
    expect(await prisma.repeatDecision.findFirst({ where: { recommendationId: rec.id, decision: 'CONFIRMED' }, select: { candidateId: true, rank: true, score: true } }))
      .toEqual({ candidateId: ids.unpaidWork, rank: 2, score: 0.41 });
  });
});
