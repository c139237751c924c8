import { inTransaction, prisma, type TransactionClient } from '../../server/db/client.ts';
import { hashPassword } from '../../server/auth/password.ts';
import type { Prisma } from '../../server/db/generated/prisma/client.ts';
import { refreshDerivedFacts, refreshOrganisationPaths } from '../../server/domain/derived-facts.ts';
import * as demo from './demo-data.ts';

/** Any fixed number: it names the lock that keeps two processes from loading twice. */
const DEMO_LOCK = 727_001;
const DEMO_LOAD_TIMEOUT_MS = 5 * 60_000;

const day = (value: string) => new Date(`${value}T00:00:00.000Z`);
/** A time during the working day, so history sorts sensibly within a day. */
const at = (value: string, hour = 10) => new Date(`${value}T${String(hour).padStart(2, '0')}:00:00.000Z`);

/** The latest of some days, as the time of a record's last update. */
function latest(days: (string | undefined)[]): Date {
  const sorted = days.filter((value): value is string => value !== undefined).sort();
  return at(sorted[sorted.length - 1] ?? '2000-01-01', 17);
}

function lookup<T>(map: Map<string, T>, key: string, what: string): T {
  const value = map.get(key);
  if (value === undefined) throw new Error(`Demo data: unknown ${what} "${key}"`);
  return value;
}

/**
 * The demo accounts still active in the database, with the passwords they were loaded with: the
 * start-up prints them, so whoever started the server can sign in to try it.
 */
export async function demoSignIns(): Promise<{ email: string; password: string }[]> {
  const active = await prisma.user.findMany({ where: { email: { in: demo.users.map((user) => user.email) }, active: true }, select: { email: true } });
  const emails = new Set(active.map((user) => user.email));
  return demo.users.filter((user) => emails.has(user.email)).map(({ email, password }) => ({ email, password }));
}

/**
 * Loads the illustrative demo data into an empty database, once. "Empty" means
 * no users: once anyone can sign in, the database belongs to its people.
 * Returns whether it loaded.
 */
export async function loadDemoDataIfEmpty(): Promise<boolean> {
  // Every start asks; only a first start should pay for hashing the demo passwords.
  if ((await prisma.user.count()) > 0) return false;
  // Hashing is slow on purpose; do it before the transaction holds the database.
  const passwordHashes = new Map(
    await Promise.all(demo.users.map(async (user) => [user.key, await hashPassword(user.password)] as const)),
  );
  return inTransaction(async (tx) => {
    // Another process starting beside this one may be loading it now: wait for it, however long,
    // then find its users. (The application's own writes give up on a lock after a few seconds.)
    await tx.$executeRaw`SET LOCAL lock_timeout = 0`;
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${DEMO_LOCK})`;
    if ((await tx.user.count()) > 0) return false;
    await loadDemoData(tx, passwordHashes);
    return true;
    // A first start on a busy machine may take a while: far more than a request's 5 s.
  }, { timeout: DEMO_LOAD_TIMEOUT_MS, maxWait: DEMO_LOAD_TIMEOUT_MS });
}

async function loadDemoData(tx: TransactionClient, passwordHashes: Map<string, string>): Promise<void> {
  const orgs = new Map<string, number>();
  for (const org of demo.organisations) {
    const created = await tx.organisation.create({
      data: {
        name: org.name,
        shortName: org.shortName,
        kind: org.kind,
        active: org.active ?? true,
        parentId: org.parent ? lookup(orgs, org.parent, 'organisation') : undefined,
      },
    });
    orgs.set(org.key, created.id);
  }
  const themes = new Map<string, number>();
  for (const theme of demo.themes) {
    themes.set(theme.name, (await tx.theme.create({ data: theme })).id);
  }
  const users = new Map<string, number>();
  for (const user of demo.users) {
    const created = await tx.user.create({
      data: {
        email: user.email,
        name: user.name,
        role: user.role,
        passwordHash: lookup(passwordHashes, user.key, 'user'),
        organisationId: user.organisation ? lookup(orgs, user.organisation, 'organisation') : undefined,
      },
    });
    users.set(user.key, created.id);
  }
  const inspector = lookup(users, 'inspector', 'user');
  const history: Prisma.HistoryEventCreateManyInput[] = [];

  const reports = new Map<string, { id: number; publishedOn: string }>();
  for (const report of demo.reports) {
    const created = await tx.report.create({
      data: {
        title: report.title,
        kind: report.kind,
        publishedOn: day(report.publishedOn),
        summary: report.summary,
        inspectorateId: lookup(orgs, 'hmip', 'organisation'),
        followsUp: { connect: report.followsUp.map((key) => ({ id: lookup(reports, key, 'report').id })) },
        createdAt: at(report.publishedOn, 9),
      },
    });
    reports.set(report.key, { id: created.id, publishedOn: report.publishedOn });
    history.push({ kind: 'CREATED', subject: 'REPORT', subjectId: created.id, reportId: created.id, actorId: inspector, createdAt: at(report.publishedOn, 9) });
  }

  const recommendations = new Map<string, number>();
  for (const [position, rec] of demo.recommendations.entries()) {
    const report = lookup(reports, rec.report, 'report');
    const moves = rec.target?.moves ?? [];
    const steps = rec.status ?? [];
    const lastStep = steps[steps.length - 1];
    const created = await tx.recommendation.create({
      data: {
        reportId: report.id,
        reference: rec.reference,
        position,
        text: rec.text,
        ownerId: lookup(orgs, rec.owner, 'organisation'),
        targetDate: rec.target ? day(moves[moves.length - 1]?.to ?? rec.target.first) : undefined,
        status: lastStep?.to ?? 'NOT_STARTED',
        statusChangedAt: lastStep ? at(lastStep.on, 11) : at(report.publishedOn, 9),
        repeatsId: rec.repeats ? lookup(recommendations, rec.repeats, 'recommendation') : undefined,
        repeatConfirmed: rec.repeats !== undefined,
        themes: { connect: rec.themes.map((name) => ({ id: lookup(themes, name, 'theme') })) },
        addressees: {
          create: rec.addressees.map((addressee) => ({
            organisationId: lookup(orgs, addressee.org, 'organisation'),
            response: addressee.response,
            responseNote: addressee.note,
            respondedAt: addressee.respondedOn ? at(addressee.respondedOn) : undefined,
          })),
        },
        createdAt: at(report.publishedOn, 9),
        // Changed last by the owner's latest act on it or its plan (status, target, actions, evidence), as
        // the API's writes touch it (touchRecommendation); an inspector's verdict does not.
        updatedAt: latest([
          report.publishedOn, ...steps.map((step) => step.on), ...moves.map((move) => move.on),
          ...(rec.actions ?? []).flatMap((action) => [action.completedOn, ...(action.evidence ?? []).map((evidence) => evidence.submittedOn)]),
        ]),
      },
    });
    const id = created.id;
    recommendations.set(rec.key, id);
    const onRec = { subject: 'RECOMMENDATION' as const, subjectId: id, recommendationId: id };
    const owner = lookup(users, rec.owner === 'hmpps' || rec.owner === 'moj' ? 'hmppsLeader' : 'admin', 'user');
    history.push({ ...onRec, kind: 'CREATED', actorId: inspector, createdAt: at(report.publishedOn, 9) });
    if (rec.repeats) {
      const earlierRec = demo.recommendations.find((candidate) => candidate.key === rec.repeats)!;
      const earlier = `${earlierRec.reference} (report of ${lookup(reports, earlierRec.report, 'report').publishedOn})`;
      history.push({ ...onRec, kind: 'REPEAT_LINKED', field: 'repeats', toValue: earlier, actorId: inspector, createdAt: at(report.publishedOn, 10) });
      history.push({ ...onRec, kind: 'REPEAT_CONFIRMED', field: 'repeats', toValue: earlier, actorId: inspector, comment: 'Confirmed when the report was loaded.', createdAt: at(report.publishedOn, 10) });
    }
    for (const addressee of rec.addressees) {
      if (!addressee.respondedOn) continue;
      history.push({ ...onRec, kind: 'RESPONSE_CHANGED', field: `response:${lookup(orgs, addressee.org, 'organisation')}`, fromValue: 'AWAITING_RESPONSE', toValue: addressee.response, comment: addressee.note, actorId: owner, createdAt: at(addressee.respondedOn) });
    }
    let status = 'NOT_STARTED';
    for (const step of steps) {
      history.push({ ...onRec, kind: 'STATUS_CHANGED', field: 'status', fromValue: status, toValue: step.to, comment: step.comment, actorId: owner, createdAt: at(step.on, 11) });
      status = step.to;
    }
    let target = rec.target?.first;
    for (const move of moves) {
      history.push({ ...onRec, kind: 'TARGET_DATE_CHANGED', field: 'targetDate', fromValue: target, toValue: move.to, comment: move.reason, actorId: owner, createdAt: at(move.on, 12) });
      target = move.to;
    }

    for (const action of rec.actions ?? []) {
      const item = await tx.actionItem.create({
        data: {
          recommendationId: id,
          description: action.description,
          ownerId: lookup(orgs, action.owner, 'organisation'),
          leadPerson: action.lead,
          dueDate: day(action.due),
          status: action.status,
          completedOn: action.completedOn ? day(action.completedOn) : undefined,
          createdAt: at(report.publishedOn, 13),
          updatedAt: latest([report.publishedOn, action.completedOn]),
        },
      });
      const actionActor = lookup(users, action.owner === 'wales' || action.owner === 'cardiff' || action.owner === 'swansea' ? 'leader' : 'hmppsLeader', 'user');
      const onItem = { subject: 'ACTION_ITEM' as const, subjectId: item.id, subjectName: action.description, recommendationId: id };
      history.push({ ...onItem, kind: 'CREATED', toValue: action.description, actorId: actionActor, createdAt: at(report.publishedOn, 13) });
      if (action.completedOn) {
        history.push({ ...onItem, kind: 'COMPLETED', field: 'status', fromValue: 'IN_PROGRESS', toValue: 'COMPLETED', actorId: actionActor, createdAt: at(action.completedOn, 14) });
      }
      for (const evidence of action.evidence ?? []) {
        const submittedBy = lookup(users, evidence.submittedBy, 'user');
        const row = await tx.evidence.create({
          data: {
            actionItemId: item.id,
            summary: evidence.summary,
            url: evidence.url,
            strength: evidence.strength,
            submittedById: submittedBy,
            submittedAt: at(evidence.submittedOn, 15),
            verification: evidence.verification,
            verificationNote: evidence.note,
            verifiedById: evidence.verifiedOn ? inspector : undefined,
            verifiedAt: evidence.verifiedOn ? at(evidence.verifiedOn, 16) : undefined,
          },
        });
        const onEvidence = { subject: 'EVIDENCE' as const, subjectId: row.id, recommendationId: id };
        history.push({ ...onEvidence, kind: 'EVIDENCE_SUBMITTED', actorId: submittedBy, createdAt: at(evidence.submittedOn, 15) });
        if (evidence.verifiedOn) {
          history.push({ ...onEvidence, kind: 'EVIDENCE_VERIFIED', field: 'verification', fromValue: 'UNVERIFIED', toValue: evidence.verification, comment: evidence.note, actorId: inspector, createdAt: at(evidence.verifiedOn, 16) });
        }
      }
    }
  }

  for (const assessment of demo.assessments) {
    const recommendationId = lookup(recommendations, assessment.recommendation, 'recommendation');
    const report = lookup(reports, assessment.report, 'report');
    const row = await tx.assessment.create({
      data: {
        recommendationId,
        reportId: report.id,
        verdict: assessment.verdict,
        commentary: assessment.commentary,
        assessedOn: day(assessment.assessedOn),
        inspectorId: inspector,
        createdAt: at(assessment.assessedOn, 9),
      },
    });
    history.push({ subject: 'ASSESSMENT', subjectId: row.id, recommendationId, reportId: report.id, kind: 'ASSESSMENT_RECORDED', toValue: assessment.verdict, comment: assessment.commentary, actorId: inspector, createdAt: at(assessment.assessedOn, 9) });
  }

  history.sort((a, b) => Number(a.createdAt) - Number(b.createdAt));
  await tx.historyEvent.createMany({ data: history });
  await refreshOrganisationPaths(tx, 'all');
  await refreshDerivedFacts(tx, 'all');
}
