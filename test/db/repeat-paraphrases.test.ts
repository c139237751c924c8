import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '../../server/db/client.ts';
import { learnRepeatParaphrases } from '../../server/domain/repeat-paraphrases.ts';
import { rankRepeatCandidates, wordsToAsk, type RepeatDraft } from '../../server/domain/repeat-ranking.ts';
import { databaseKind, useTestDatabase } from '../support/database.ts';
import { useDemo } from '../support/demo.ts';

useTestDatabase();
useDemo();

/**
 * A register in which an inspectorate, repeating its recommendations, has written "MARAC" where it
 * first wrote "multi-agency risk assessment conference" (and "re-examine" for "review"), with the
 * repeats confirmed; and two earlier recommendations a new draft about MARAC might repeat.
 */
let area = 0;
let inspectorate = 0;
const maracLinks: number[] = [];
const ids = { conferences: 0, police: 0 };

async function report(title: string, publishedOn: string) {
  return prisma.report.create({ data: { title, publishedOn: new Date(`${publishedOn}T00:00:00Z`), kind: 'INSPECTION', inspectorateId: inspectorate } });
}

async function recommendation(reportId: number, reference: string, text: string, repeatsId?: number) {
  return prisma.recommendation.create({
    data: {
      reportId, reference, text, ownerId: area, repeatsId, repeatConfirmed: repeatsId !== undefined,
      addressees: { create: [{ organisationId: area }] },
    },
  });
}

beforeAll(async () => {
  inspectorate = (await prisma.organisation.findFirstOrThrow({ where: { kind: 'INSPECTORATE' } })).id;
  area = (await prisma.organisation.create({ data: { name: 'Probation Service for Wealdshire', kind: 'SERVICE' } })).id;
  const topics = ['stalking cases', 'cases of coercive control', 'cases where children live at home', 'cases transferred from another area'];
  for (const [index, topic] of topics.entries()) {
    const first = await report(`Wealdshire inspection ${index + 1}`, `201${index}-03-01`);
    const again = await report(`Wealdshire follow-up ${index + 1}`, `201${index}-11-01`);
    const earlier = await recommendation(first.id, 'R1', `Wealdshire should refer ${topic} to the multi-agency risk assessment conference promptly.`);
    maracLinks.push((await recommendation(again.id, 'R1', `Wealdshire should refer ${topic} to MARAC promptly.`, earlier.id)).id);
    const reviewed = await recommendation(first.id, 'R2', `Wealdshire should review ${topic} each quarter.`);
    await recommendation(again.id, 'R2', `Wealdshire should re-examine ${topic} each quarter.`, reviewed.id);
  }
  const older = await report('Wealdshire domestic abuse inspection', '2019-06-01');
  ids.conferences = (await recommendation(older.id, 'R3',
    'Staff should attend each multi-agency risk assessment conference in person.')).id;
  ids.police = (await recommendation(older.id, 'R4',
    'Practitioners should refer each victim to an independent adviser.')).id;
});

const draft = (): RepeatDraft => ({
  text: 'Practitioners should attend MARAC for every victim of domestic abuse.',
  publishedOn: new Date('2024-06-01T00:00:00Z'),
  addresseeIds: [area],
});

describe(`paraphrases learned from confirmed repeats, on ${databaseKind}`, () => {
  it('learns the words confirmed repeats swap, and not the words every repeat shares', async () => {
    const learned = await learnRepeatParaphrases(prisma);
    expect(learned.relearned).toBe(true);
    const paraphrases = await prisma.repeatParaphrase.findMany({ where: { word: 'marac' }, orderBy: { related: 'asc' } });
    expect(paraphrases.map((row) => row.related)).toEqual(expect.arrayContaining(['assess', 'confer', 'multi-ag', 'risk']));
    expect(paraphrases.every((row) => row.links === 4 && row.share === 1)).toBe(true);
    expect(await prisma.repeatParaphrase.findMany({ where: { word: 'review' }, select: { related: true } })).toEqual(expect.arrayContaining([{ related: 're-examin' }]));
    // Words on both sides of a link ("wealdshire", "promptly") are not paraphrases of anything.
    expect(await prisma.repeatParaphrase.count({ where: { OR: [{ word: 'wealdshir' }, { related: 'wealdshir' }, { word: 'prompt' }] } })).toBe(0);
  });

  it('finds an earlier recommendation worded as the register rewords it, above one sharing more of the draft’s words', async () => {
    await prisma.repeatParaphrase.deleteMany({});
    const unlearned = await rankRepeatCandidates(prisma, draft(), { minimumScore: 0 });
    const at = (ranked: typeof unlearned, id: number) => ranked.findIndex((candidate) => candidate.recommendationId === id);
    // Without what the register teaches, "MARAC" is a word no earlier text has: the one sharing more of its other words comes first.
    expect(at(unlearned, ids.police)).toBeLessThan(at(unlearned, ids.conferences));

    await learnRepeatParaphrases(prisma);
    const learned = await rankRepeatCandidates(prisma, draft(), { minimumScore: 0 });
    expect(learned[0]!.recommendationId).toBe(ids.conferences);
    expect(learned[0]!.reasons.join('; ')).toMatch(/reworded as confirmed repeats reword it \(marac → (multi-agency|risk|assessment|conference)/);
  });

  it('learns again only when the confirmed links change, and forgets a paraphrase too few links still show', async () => {
    expect((await learnRepeatParaphrases(prisma)).relearned).toBe(false);
    // Two of the four links turn out not to be repeats: "MARAC" for "conference" is now seen twice, too few to learn.
    await prisma.recommendation.updateMany({ where: { id: { in: maracLinks.slice(0, 2) } }, data: { repeatConfirmed: false } });
    const again = await learnRepeatParaphrases(prisma);
    expect(again.relearned).toBe(true);
    expect(await prisma.repeatParaphrase.count({ where: { word: 'marac' } })).toBe(0);
    expect(await prisma.repeatParaphrase.count({ where: { word: 'review', related: 're-examin' } })).toBe(1);
    // A status change on a linked recommendation changes nothing learned from: not learned again.
    await prisma.recommendation.update({ where: { id: maracLinks[3]! }, data: { status: 'IN_PROGRESS', version: { increment: 1 } } });
    expect((await learnRepeatParaphrases(prisma)).relearned).toBe(false);
    // An edited text on a link is learned again.
    await prisma.recommendation.update({ where: { id: maracLinks[2]! }, data: { text: 'Wealdshire should refer stalking cases to MARAC at once.', version: { increment: 1 } } });
    expect((await learnRepeatParaphrases(prisma)).relearned).toBe(true);
  });

  it('asks the index for the draft’s own words before any paraphrase, within the budget', () => {
    const own = (word: string, documents: number) => ({ word, documents, share: 1 });
    const paraphrase = (word: string, documents: number, share: number) => ({ word, documents, share });
    // Two rare paraphrases would fill the budget before the draft's rarest word: they come after it.
    const asked = wordsToAsk([own('resort', 3285), own('england', 1834), own('public', 4324)], [paraphrase('phe', 785, 0.72), paraphrase('video', 817, 0.52)], 3000);
    expect(asked.map((term) => term.word)).toEqual(['england', 'resort']);
    // Room left after the draft's words goes to paraphrases, likeliest for their rarity first.
    expect(wordsToAsk([own('marac', 40)], [paraphrase('agenc', 900, 0.2), paraphrase('confer', 300, 1)], 1000).map((term) => term.word)).toEqual(['marac', 'confer']);
  });

  it('learns nothing from links whose texts differ in too many words to tell which replaced which', async () => {
    const first = await report('Wealdshire long report', '2015-01-01');
    const again = await report('Wealdshire long report again', '2016-01-01');
    const long = (words: string) => `Wealdshire should ${words} promptly.`;
    const before = 'audit archive ballast cobalt dynamo ember falcon garnet harbour indigo juniper kestrel lantern meadow nectar orchard pewter quartz raven saffron tundra';
    const after = 'bramble cinder drizzle elbow fjord glacier hazel iris jasper kelp lagoon marble nimbus oyster pebble quill russet sorrel thistle umber willow';
    for (const reference of ['R7', 'R8', 'R9']) {
      const earlier = await recommendation(first.id, reference, long(before));
      await recommendation(again.id, reference, long(after), earlier.id);
    }
    await learnRepeatParaphrases(prisma);
    // 21 words dropped and 21 added, in three links: 441 pairs each, past what a link may teach.
    expect(await prisma.repeatParaphrase.count({ where: { OR: [{ word: 'cobalt' }, { related: 'cobalt' }] } })).toBe(0);
  });
});
