import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '../../server/db/client.ts';
import type { Actor } from '../../server/domain/actor.ts';
import { createLogger } from '../../server/logger.ts';
import { createMailer, type Mailer } from '../../server/reminders/mailer.ts';
import { startReminders } from '../../server/reminders/schedule.ts';
import { sendDueDigests, type DigestRun } from '../../server/reminders/send-digests.ts';
import { databaseKind, useTestDatabase } from '../support/database.ts';
import { countStatements, execute, useGraphql } from '../support/graphql.ts';

useTestDatabase();
useGraphql();

/** What the SMTP server received: the envelope's recipients and the message as parsed. */
type Received = { to: string[]; mail: ParsedMail };
const received: Received[] = [];
/** Recipients the server turns away for now (a full mailbox, a server in trouble). */
const refused = new Set<string>();

const smtp = new SMTPServer({
  // Plain SMTP on the loopback address, as a relay inside the network would take it.
  disabledCommands: ['STARTTLS', 'AUTH'],
  authOptional: true,
  logger: false,
  onRcptTo(address, _session, callback) {
    callback(refused.has(address.address) ? Object.assign(new Error('Mailbox busy, try again later'), { responseCode: 450 }) : null);
  },
  onData(stream, session, callback) {
    simpleParser(stream).then(
      (mail) => {
        received.push({ to: session.envelope.rcptTo.map((rcpt) => rcpt.address), mail });
        callback();
      },
      (error: Error) => callback(error),
    );
  },
});
let smtpUrl = '';
const mailers: Mailer[] = [];
const mailer = () => {
  const made = createMailer(smtpUrl, 'Recommendation tracker <tracker@example.org>');
  mailers.push(made);
  return made;
};

beforeAll(async () => {
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  for (const made of mailers) made.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

const DAY = 86_400_000;
/** A Tuesday morning: the day's digests and the week's (2026-W49) are both due. */
const NOW = new Date('2026-12-01T09:00:00.000Z');
const day = (offset: number, from = NOW) => new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate()) + offset * DAY);
const APP = 'https://tracker.example.org';
const run = (options: Partial<DigestRun> = {}) => sendDueDigests({ mailer: mailer(), appUrl: APP, hour: 6, escalationDays: 30, now: NOW, ...options });
const to = (email: string) => received.filter((message) => message.to.includes(email));

const people = {
  regionLeader: 'region.leader@example.org',
  unitLeader: 'unit.leader@example.org',
  quietLeader: 'quiet.leader@example.org',
  inspector: 'inspector@example.org',
  administrator: 'admin@example.org',
};
let ids: Record<keyof typeof people, number>;
let titles: Record<string, string>;

/**
 * A region with a delivery unit under it, each with a leader; an inspectorate with an inspector. The
 * unit has overdue work (one action 40 days late: escalated to the region), the region work due soon.
 */
beforeAll(async () => {
  const inspectorate = await prisma.organisation.create({ data: { name: 'HM Inspectorate of Reminders', kind: 'INSPECTORATE' } });
  const region = await prisma.organisation.create({ data: { name: 'North Region', kind: 'REGION' } });
  const unit = await prisma.organisation.create({ data: { name: 'Harbour Delivery Unit', shortName: 'Harbour', kind: 'DELIVERY_UNIT', parentId: region.id } });
  const pad = (id: number) => String(id).padStart(10, '0');
  await prisma.organisation.update({ where: { id: inspectorate.id }, data: { path: `/${pad(inspectorate.id)}/` } });
  await prisma.organisation.update({ where: { id: region.id }, data: { path: `/${pad(region.id)}/` } });
  await prisma.organisation.update({ where: { id: unit.id }, data: { path: `/${pad(region.id)}/${pad(unit.id)}/` } });
  const user = (email: string, role: 'LEADER' | 'INSPECTOR' | 'ADMINISTRATOR', organisationId: number | null, digestFrequency: 'DAILY' | 'WEEKLY' | 'NONE') =>
    prisma.user.create({ data: { email, name: email.split('@')[0]!.replace('.', ' '), role, organisationId, digestFrequency, passwordHash: 'unused' } });
  ids = {
    regionLeader: (await user(people.regionLeader, 'LEADER', region.id, 'DAILY')).id,
    unitLeader: (await user(people.unitLeader, 'LEADER', unit.id, 'WEEKLY')).id,
    quietLeader: (await user(people.quietLeader, 'LEADER', unit.id, 'NONE')).id,
    inspector: (await user(people.inspector, 'INSPECTOR', inspectorate.id, 'DAILY')).id,
    administrator: (await user(people.administrator, 'ADMINISTRATOR', null, 'WEEKLY')).id,
  };
  const report = await prisma.report.create({ data: { title: 'Reminders inspection', inspectorateId: inspectorate.id, kind: 'INSPECTION', publishedOn: day(-200) } });
  const rec = (reference: string, text: string, ownerId: number, targetDate: Date) =>
    prisma.recommendation.create({ data: { reportId: report.id, reference, text, ownerId, targetDate } });
  const r1 = await rec('R1', 'Harbour unit to review every risk assessment', unit.id, day(-5));
  await rec('R2', 'The region to publish its training plan', region.id, day(7));
  await rec('R3', 'A recommendation met long ago', unit.id, day(-50)).then((done) => prisma.recommendation.update({ where: { id: done.id }, data: { status: 'IMPLEMENTED' } }));
  const action = (description: string, ownerId: number, dueDate: Date) => prisma.actionItem.create({ data: { recommendationId: r1.id, description, ownerId, dueDate } });
  await action('Forty days late: hire two assessors', unit.id, day(-40));
  const late = await action('Three days late: audit ten cases', unit.id, day(-3));
  await action('Region: brief the managers', region.id, day(10));
  await action('Due in a month: retrain staff', unit.id, day(30));
  await prisma.evidence.create({ data: { actionItemId: late.id, summary: 'Audit of ten cases, first half', strength: 'PRACTICE', submittedById: ids.unitLeader, submittedAt: day(-1) } });
  await prisma.evidence.create({
    data: { actionItemId: late.id, summary: 'Already accepted', strength: 'POLICY', submittedById: ids.unitLeader, verification: 'ACCEPTED', verifiedById: ids.inspector },
  });
  titles = { r1: r1.text, r1Id: String(r1.id) };
});

describe(`reminder digests by email on ${databaseKind}`, () => {
  it('sends each leader their organisation’s work and escalations, and each inspector what waits for their assessment or verification, once each', async () => {
    expect(await run()).toEqual({ sent: 3, failed: 0 });
    expect(received.map((message) => message.to).sort()).toEqual([[people.inspector], [people.regionLeader], [people.unitLeader]]);

    const [unit] = to(people.unitLeader);
    expect(unit!.mail.subject).toBe('Weekly reminder: 3 overdue');
    expect(unit!.mail.from?.value).toEqual([{ name: 'Recommendation tracker', address: 'tracker@example.org' }]);
    const unitText = unit!.mail.text!;
    expect(unitText).toContain('Weekly reminder of your work (2026-W49)');
    expect(unitText).toContain(`Recommendation: ${titles.r1}`);
    expect(unitText).toContain('Action: Forty days late: hire two assessors');
    expect(unitText).toContain('40 days overdue');
    // Each item names its recommendation as My work does: reference first, then the report's title.
    expect(unitText).toMatch(/- Action: Forty days late: hire two assessors\n {2}R1, Reminders inspection · [^\n]+ · due /);
    expect(unitText).toContain('Action: Three days late: audit ten cases');
    expect(unitText).not.toContain('Due in a month');
    expect(unitText).not.toContain('met long ago');
    expect(unitText).toContain(`${APP}/#/recommendations/${encodeURIComponent(Buffer.from(`Recommendation:${titles.r1Id}`).toString('base64'))}/show`);

    const [region] = to(people.regionLeader);
    expect(region!.mail.subject).toBe('Daily reminder: 2 due soon, 1 escalated');
    expect(region!.mail.text).toContain('Due in the next 14 days (2)');
    expect(region!.mail.text).toContain('Recommendation: The region to publish its training plan');
    expect(region!.mail.text).toContain('Action: Region: brief the managers');
    expect(region!.mail.text).toContain('overdue by more than 30 days (1)');
    expect(region!.mail.text).toMatch(/Escalated[^\n]*\n\n- Action: Forty days late: hire two assessors/);
    expect(region!.mail.text).not.toContain('Three days late');

    const [inspector] = to(people.inspector);
    expect(inspector!.mail.subject).toBe('Daily reminder: 1 to assess, 1 to verify');
    // R3, reported implemented and not yet assessed, waits for the inspectors' verdict.
    expect(inspector!.mail.text).toMatch(/Reported implemented, waiting for your assessment \(1\)\n\n- Recommendation: A recommendation met long ago\n {2}R3, Reminders inspection · Harbour Delivery Unit · reported implemented \d{1,2} [A-Z][a-z]{2,3} \d{4}\n/);
    expect(inspector!.mail.text).toContain('Evidence: Audit of ten cases, first half');
    expect(inspector!.mail.text).not.toContain('Already accepted');

    // What was sent is recorded: to whom, when, for which period, how many items.
    const sent = await prisma.sentDigest.findMany({ orderBy: { userId: 'asc' } });
    expect(sent.map(({ userId, kind, period, email, itemCount, sections, attempts }) => ({ userId, kind, period, email, itemCount, sections, attempts }))).toEqual([
      { userId: ids.regionLeader, kind: 'WORK', period: '2026-12-01', email: people.regionLeader, itemCount: 3, sections: { DUE_SOON: 2, ESCALATED: 1 }, attempts: 1 },
      { userId: ids.unitLeader, kind: 'WORK', period: '2026-W49', email: people.unitLeader, itemCount: 3, sections: { OVERDUE: 3 }, attempts: 1 },
      { userId: ids.inspector, kind: 'VERIFICATION', period: '2026-12-01', email: people.inspector, itemCount: 2, sections: { TO_ASSESS: 1, TO_VERIFY: 1 }, attempts: 1 },
    ]);
    expect(sent.every((digest) => digest.sentAt !== null && digest.messageId)).toBe(true);
  });

  it('sends nothing new when run again for the same period, as after a restart; the next day only the daily digests', async () => {
    const before = received.length;
    // The people (with their organisations) and their claims are read once, however many people there
    // are: no one's work is worked out again.
    const again = await countStatements(() => run({ now: new Date(NOW.getTime() + 3 * 3_600_000) }));
    expect(again.result).toEqual({ sent: 0, failed: 0 });
    expect(again.statements).toHaveLength(3);
    expect(received.length).toBe(before);

    expect(await run({ now: new Date(NOW.getTime() + DAY) })).toEqual({ sent: 2, failed: 0 });
    expect(received.slice(before).map((message) => message.to[0]).sort()).toEqual([people.inspector, people.regionLeader]);
    // Before the hour, the day's digests wait.
    expect(await run({ now: new Date('2026-12-03T05:59:00Z') })).toEqual({ sent: 0, failed: 0 });
  });

  it('sends once when two runs go at the same time, as from two server processes', async () => {
    const before = received.length;
    const now = new Date('2026-12-03T07:00:00Z');
    const results = await Promise.all([run({ now }), run({ now }), run({ now })]);
    expect(results.reduce((sum, result) => sum + result.sent, 0)).toBe(2);
    const arrived = received.slice(before).map((message) => message.to[0]).sort();
    expect(arrived).toEqual([people.inspector, people.regionLeader]);
    expect(await prisma.sentDigest.count({ where: { period: '2026-12-03' } })).toBe(2);
  });

  it('keeps a digest whose send failed, and sends it on a later run rather than losing it', async () => {
    const now = new Date('2026-12-04T07:00:00Z');
    refused.add(people.inspector);
    const failures: unknown[] = [];
    expect(await run({ now, onFailure: (failure) => failures.push(failure) })).toEqual({ sent: 1, failed: 1 });
    expect(failures).toHaveLength(1);
    const key = { kind: 'VERIFICATION' as const, userId: ids.inspector, period: '2026-12-04' };
    const failed = await prisma.sentDigest.findUniqueOrThrow({ where: { kind_userId_period: key } });
    expect(failed.sentAt).toBeNull();
    expect(failed.lastError).toMatch(/Mailbox busy/);

    // Not at once: another process may still be sending it.
    refused.delete(people.inspector);
    const before = received.length;
    expect(await run({ now: new Date(now.getTime() + 60_000) })).toEqual({ sent: 0, failed: 0 });
    // Once the retry interval has passed, it goes, once.
    expect(await run({ now: new Date(now.getTime() + 11 * 60_000) })).toEqual({ sent: 1, failed: 0 });
    expect(received.slice(before).map((message) => [message.to[0], message.mail.subject])).toEqual([[people.inspector, 'Daily reminder: 1 to assess, 1 to verify']]);
    const sent = await prisma.sentDigest.findUniqueOrThrow({ where: { kind_userId_period: key } });
    expect([sent.attempts, sent.lastError, sent.sentAt !== null]).toEqual([2, null, true]);
  });

  it('tells a person of comments that mention them in their next digest, once', async () => {
    const rec = await prisma.recommendation.findFirstOrThrow({ where: { id: Number(titles.r1Id) } });
    const comment = await prisma.comment.create({ data: { recommendationId: rec.id, authorId: ids.inspector, text: '@region leader can the region lend the unit two assessors?' } });
    const mention = await prisma.mention.create({ data: { commentId: comment.id, userId: ids.regionLeader } });
    const before = received.length;
    expect(await run({ now: new Date('2026-12-05T07:00:00Z') })).toEqual({ sent: 2, failed: 0 });
    const [region] = to(people.regionLeader).slice(-1);
    expect(received.length).toBe(before + 2);
    expect(region!.mail.subject).toBe('Daily reminder: 2 due soon, 1 escalated, 1 mentioning you');
    expect(region!.mail.text).toMatch(/Comments that mention you \(1\)\n\n- Comment: @region leader can the region lend the unit two assessors\?\n  R1, Reminders inspection · by inspector on/);
    expect((await prisma.mention.findUniqueOrThrow({ where: { id: mention.id } })).notifiedAt).not.toBeNull();
    // Told once: the next day's digest has the work, not the mention.
    await run({ now: new Date('2026-12-06T07:00:00Z') });
    const [next] = to(people.regionLeader).slice(-1);
    expect(next!.mail.subject).toBe('Daily reminder: 2 due soon, 1 escalated');
  });

  it('links a mention in an action’s thread to the action’s page, where that thread is', async () => {
    const action = await prisma.actionItem.findFirstOrThrow({ where: { description: 'Region: brief the managers' } });
    const comment = await prisma.comment.create({ data: { recommendationId: action.recommendationId, actionItemId: action.id, authorId: ids.inspector, text: '@region leader who briefs them?' } });
    await prisma.mention.create({ data: { commentId: comment.id, userId: ids.regionLeader } });
    await run({ now: new Date('2026-12-07T07:00:00Z') });
    const [region] = to(people.regionLeader).slice(-1);
    const actionPage = `${APP}/#/actionItems/${encodeURIComponent(Buffer.from(`ActionItem:${action.id}`).toString('base64'))}`;
    const lines = region!.mail.text!.split('\n');
    const at = lines.indexOf('- Comment: @region leader who briefs them?');
    expect(lines.slice(at + 1, at + 3)).toEqual([expect.stringMatching(/^ {2}R1, Reminders inspection · by inspector on /), `  ${actionPage}`]);
  });

  it('sends nothing with no SMTP server configured, and says so once in the log', async () => {
    const lines: string[] = [];
    const log = createLogger('info', { destination: { write: (chunk: string) => void lines.push(chunk) } });
    const digestsBefore = await prisma.sentDigest.count();
    const stop = startReminders({ smtpUrl: null, from: null, appUrl: null, hour: 0, escalationDays: 30 }, log, 'http://127.0.0.1:4000');
    await new Promise((resolve) => setTimeout(resolve, 200));
    await stop();
    expect(lines.map((line) => JSON.parse(line) as { level: string; msg: string })).toEqual([
      expect.objectContaining({ level: 'info', msg: 'Reminder emails are off: SMTP_URL is not set, so no digests are sent.' }),
    ]);
    expect(await prisma.sentDigest.count()).toBe(digestsBefore);
  });

  it('sends through the scheduled job when an SMTP server is configured, and stops cleanly', async () => {
    const lines: string[] = [];
    const log = createLogger('info', { destination: { write: (chunk: string) => void lines.push(chunk) } });
    // The real clock: whatever day it is, the inspector's daily digest of today is due from hour 0.
    await prisma.sentDigest.deleteMany({ where: { userId: ids.inspector, period: new Date().toISOString().slice(0, 10) } });
    const before = to(people.inspector).length;
    const stop = startReminders({ smtpUrl, from: 'tracker@example.org', appUrl: APP, hour: 0, escalationDays: 30 }, log, 'http://127.0.0.1:4000');
    await expect.poll(() => to(people.inspector).length, { timeout: 10_000 }).toBe(before + 1);
    await stop();
    const messages = lines.map((line) => (JSON.parse(line) as { msg: string }).msg);
    expect(messages[0]).toBe(`Reminder emails go through ${smtpUrl} from tracker@example.org, from 0:00 UTC (weekly ones on Mondays); links point to ${APP}.`);
    // Whoever else's daily or weekly digest of the real day is due goes too.
    expect(messages.some((message) => /^Reminder digests: [1-9]\d* sent, 0 failed\.$/.test(message))).toBe(true);
  });
});

describe('my work in the API', () => {
  /** The person as a request's authentication reads them: with their role and organisation. */
  const actor = async (userId: number, access: Actor['access'] = 'READ_WRITE', apiTokenId: number | null = null): Promise<Actor> => {
    const user = await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { role: true, organisationId: true, organisation: { select: { path: true } } } });
    return { userId, role: user.role, organisationId: user.organisationId, organisationPath: user.organisation?.path ?? null, apiTokenId, access };
  };
  const MY_WORK = '{ myWork { section record title reference reportTitle reportPublishedOn organisation organisationShortName date daysOverdue } }';

  it('lists the same items as the digest, for the signed-in person', async () => {
    const result = await execute<{ myWork: { section: string; record: string; title: string; daysOverdue: number | null }[] }>(MY_WORK, {}, await actor(ids.regionLeader));
    expect(result.errors).toBeUndefined();
    const today = new Date();
    // The API answers as of now, so the fixture's days are counted from the real clock here.
    const overdueBy = Math.floor((Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()) - day(-40).getTime()) / DAY);
    expect(result.data!.myWork.map((item) => [item.section, item.record, item.title])).toContainEqual(['ESCALATED', 'ACTION_ITEM', 'Forty days late: hire two assessors']);
    expect(result.data!.myWork.find((item) => item.section === 'ESCALATED')!.daysOverdue).toBe(overdueBy);
    // The report's publication and the owner's short name, for the page to name them as the lists do.
    expect(result.data!.myWork.find((item) => item.section === 'ESCALATED')).toMatchObject({
      reference: 'R1', reportTitle: 'Reminders inspection', reportPublishedOn: day(-200).toISOString().slice(0, 10), organisation: 'Harbour Delivery Unit', organisationShortName: 'Harbour',
    });
    // The region has no short name.
    expect(result.data!.myWork.find((item) => item.section === 'DUE_SOON')).toMatchObject({ organisation: 'North Region', organisationShortName: null });
    const inspector = await execute<{ myWork: { section: string; title: string }[] }>(MY_WORK, {}, await actor(ids.inspector));
    expect(inspector.data!.myWork).toEqual([
      expect.objectContaining({ section: 'TO_ASSESS', record: 'RECOMMENDATION', title: 'A recommendation met long ago', reference: 'R3', daysOverdue: null }),
      expect.objectContaining({ section: 'TO_VERIFY', title: 'Audit of ten cases, first half' }),
    ]);
    // Once an inspector has assessed it, it waits for no one.
    const r3 = await prisma.recommendation.findFirstOrThrow({ where: { reference: 'R3' } });
    const assessed = await execute(
      'mutation ($input: RecordAssessmentInput!) { recordAssessment(input: $input) { verdict } }',
      { input: { recommendationId: Buffer.from(`Recommendation:${r3.id}`).toString('base64'), verdict: 'ACHIEVED', commentary: 'Seen in practice.' } },
      await actor(ids.inspector),
    );
    expect(assessed.errors).toBeUndefined();
    expect((await execute<{ myWork: { section: string }[] }>(MY_WORK, {}, await actor(ids.inspector))).data!.myWork.map((item) => item.section)).toEqual(['TO_VERIFY']);
    expect((await execute<{ myWork: unknown[] }>(MY_WORK, {}, await actor(ids.administrator))).data!.myWork).toEqual([]);
    expect((await execute(MY_WORK, {}, null)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('lets each person choose their own frequency, in their history; a read-only token may not', async () => {
    const SET = 'mutation ($frequency: DigestFrequency!) { setDigestFrequency(frequency: $frequency) { id digestFrequency version } }';
    const chosen = await execute<{ setDigestFrequency: { digestFrequency: string } }>(SET, { frequency: 'NONE' }, await actor(ids.unitLeader));
    expect(chosen.errors).toBeUndefined();
    expect(chosen.data!.setDigestFrequency.digestFrequency).toBe('NONE');
    const event = await prisma.historyEvent.findFirstOrThrow({ where: { subject: 'USER', subjectId: ids.unitLeader, field: 'digestFrequency' } });
    expect([event.fromValue, event.toValue, event.actorId]).toEqual(['WEEKLY', 'NONE', ids.unitLeader]);

    const token = await execute(SET, { frequency: 'DAILY' }, await actor(ids.unitLeader, 'READ', 1));
    expect(token.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await prisma.user.findUniqueOrThrow({ where: { id: ids.unitLeader } })).digestFrequency).toBe('NONE');

    // Administrators see each person's choice; other people do not.
    const READ = 'query ($id: ID!) { user(id: $id) { digestFrequency } }';
    const userId = Buffer.from(`User:${ids.unitLeader}`).toString('base64');
    expect((await execute<{ user: { digestFrequency: string | null } }>(READ, { id: userId }, await actor(ids.administrator))).data!.user.digestFrequency).toBe('NONE');
    expect((await execute<{ user: { digestFrequency: string | null } }>(READ, { id: userId }, await actor(ids.regionLeader))).data!.user.digestFrequency).toBeNull();

    // Chosen none, they are sent nothing, whatever is overdue.
    const before = to(people.unitLeader).length;
    await run({ now: new Date('2026-12-14T09:00:00Z') });
    expect(to(people.unitLeader).length).toBe(before);
  });
});
