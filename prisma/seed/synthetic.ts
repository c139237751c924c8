/**
 * Synthetic data for measuring at scale: deterministic from a seed, with the
 * proportions of real inspection work. For N recommendations: about N/20
 * reports, 15% repeats in chains of up to 4 across reports, about 5 action
 * items and 10 pieces of evidence per recommendation, assessments, history.
 */
import type { Prisma } from '../../server/db/generated/prisma/client.ts';
import type {
  ActionItemStatus,
  AssessmentVerdict,
  EvidenceStrength,
  EvidenceVerification,
  RecommendationResponse,
  RecommendationStatus,
  ReportKind,
} from '../../server/db/generated/prisma/enums.ts';
import { inTransaction, type TransactionClient } from '../../server/db/client.ts';
import { refreshDerivedFacts, refreshOrganisationPaths } from '../../server/domain/derived-facts.ts';
import { bulkInsert } from './bulk-insert.ts';
import { themes as themeNames } from './demo-data.ts';

export type SyntheticOptions = { size: number; seed: number };

/** Small, fast, deterministic generator (mulberry32). */
export function randomSource(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T,
    weighted: <T extends string>(weights: Record<T, number>): T => {
      const entries = Object.entries(weights) as [T, number][];
      let roll = next() * entries.reduce((sum, [, weight]) => sum + weight, 0);
      for (const [value, weight] of entries) {
        roll -= weight;
        if (roll < 0) return value;
      }
      return entries[entries.length - 1]![0];
    },
    chance: (probability: number) => next() < probability,
  };
}

const DAY = 86_400_000;
const REGIONS = ['North East', 'North West', 'Yorkshire', 'Midlands', 'East of England', 'London', 'South West', 'Wales'];
const VERBS = ['Make sure that', 'Improve how', 'Review how', 'Set out how', 'Monitor whether', 'Strengthen the way'];
const SUBJECTS = [
  'practitioners assess the risk of further domestic abuse',
  'enquiries with the police and children’s social care are made and used',
  'structured interventions are delivered to those who need them',
  'workloads allow time for meaningful supervision',
  'victims and children at risk are identified and protected',
  'managers oversee the quality of case work',
  'cases are reviewed when risk factors change',
  'specialist services are known and used locally',
  'staff are trained for work with domestic abuse',
  'information from other agencies informs sentence plans',
];
const QUALIFIERS = [
  'in every relevant case',
  'from the start of the sentence',
  'across all delivery units',
  'with regular audit of practice',
  'so that risk is managed effectively',
  'and report progress to the board',
];
const ACTIONS = [
  'Deliver refresher training',
  'Audit a sample of cases',
  'Agree a protocol with partners',
  'Publish updated guidance',
  'Recruit to vacant posts',
  'Set up a quality panel',
  'Report monthly performance figures',
  'Brief managers on the change',
];

function startOfDay(time: number): Date {
  return new Date(Math.floor(time / DAY) * DAY);
}

export type SyntheticPlan = ReturnType<typeof planSynthetic>;

/** Builds every row in memory, deterministically; ids are offsets from the table's current maximum. */
export function planSynthetic(options: SyntheticOptions, base: Record<'organisation' | 'user' | 'report' | 'recommendation' | 'actionItem' | 'evidence' | 'assessment', number>, themeIds: number[]) {
  const random = randomSource(options.seed);
  const label = `seed ${options.seed}`;
  const organisations: Prisma.OrganisationCreateManyInput[] = [];
  let organisationId = base.organisation;
  const inspectorateId = ++organisationId;
  organisations.push({ id: inspectorateId, name: `Synthetic inspectorate (${label})`, kind: 'INSPECTORATE' });
  const serviceId = ++organisationId;
  organisations.push({ id: serviceId, name: `Synthetic probation service (${label})`, kind: 'SERVICE' });
  const regions: number[] = [];
  const units: number[] = [];
  for (const region of REGIONS) {
    const regionId = ++organisationId;
    regions.push(regionId);
    organisations.push({ id: regionId, name: `Synthetic ${region} (${label})`, kind: 'REGION', parentId: serviceId });
    for (let unit = 1; unit <= 6; unit++) {
      const unitId = ++organisationId;
      units.push(unitId);
      organisations.push({ id: unitId, name: `Synthetic ${region} PDU ${unit} (${label})`, kind: 'DELIVERY_UNIT', parentId: regionId });
    }
  }
  const inspectorId = base.user + 1;
  const leaderId = base.user + 2;
  const users: Prisma.UserCreateManyInput[] = [
    // No password can match "!": these accounts act in history, they never sign in.
    { id: inspectorId, email: `synthetic.inspector.${options.seed}@example.invalid`, name: `Synthetic inspector (${label})`, role: 'INSPECTOR', organisationId: inspectorateId, passwordHash: '!', active: false },
    { id: leaderId, email: `synthetic.leader.${options.seed}@example.invalid`, name: `Synthetic leader (${label})`, role: 'LEADER', organisationId: serviceId, passwordHash: '!', active: false },
  ];

  const reportCount = Math.max(1, Math.round(options.size / 20));
  const reports: Prisma.ReportCreateManyInput[] = [];
  const followUps: { A: number; B: number }[] = [];
  // Publication dates strictly increase with the report's index, ending in mid-2026.
  const maxGap = Math.max(1, Math.floor(11_680 / reportCount)); // about 16 years in all
  const gaps = Array.from({ length: reportCount }, () => random.int(1, maxGap));
  let published = Date.UTC(2026, 5, 30) - gaps.reduce((sum, gap) => sum + gap, 0) * DAY;
  for (let index = 0; index < reportCount; index++) {
    published += gaps[index]! * DAY;
    const kind = random.weighted<ReportKind>({ THEMATIC: 40, INSPECTION: 40, FOLLOW_UP: 15, JOINT: 5 });
    reports.push({
      id: base.report + index + 1,
      title: `Synthetic ${kind.toLowerCase().replace('_', '-')} report ${index + 1} (${label})`,
      kind,
      publishedOn: startOfDay(published),
      summary: `Synthetic report for measuring the tracker at scale (${label}).`,
      inspectorateId,
      createdAt: new Date(published),
      updatedAt: new Date(published),
    });
    // Prisma's implicit table for the self-relation: A is followed up by B.
    if (kind === 'FOLLOW_UP' && index > 0) followUps.push({ A: base.report + random.int(1, index), B: base.report + index + 1 });
  }

  const recommendations: Prisma.RecommendationCreateManyInput[] = [];
  const addressees: Prisma.RecommendationAddresseeCreateManyInput[] = [];
  const themeLinks: { A: number; B: number }[] = [];
  const actionItems: Prisma.ActionItemCreateManyInput[] = [];
  const evidence: Prisma.EvidenceCreateManyInput[] = [];
  const assessments: Prisma.AssessmentCreateManyInput[] = [];
  const history: Omit<Prisma.HistoryEventCreateManyInput, 'id'>[] = [];
  // Recommendations that may still be repeated: [id, chain length, report index, text].
  const repeatable: [number, number, number, string][] = [];
  const now = Date.UTC(2026, 10, 1);

  // Between 5 and 35 recommendations a report, scaled so that they add up to the size asked for.
  const weights = reports.map(() => random.int(5, 35));
  const totalWeight = weights.reduce((sum, weight) => sum + weight, 0);
  const ends: number[] = [];
  let cumulative = 0;
  for (const weight of weights) ends.push(Math.round(((cumulative += weight) / totalWeight) * options.size));

  let reportIndex = 0;
  let inReport = 0;
  for (let index = 0; index < options.size; index++) {
    while (index >= ends[reportIndex]! && reportIndex < reportCount - 1) {
      reportIndex++;
      inReport = 0;
    }
    inReport++;
    const report = reports[reportIndex]!;
    const reportTime = (report.publishedOn as Date).getTime();
    const id = base.recommendation + index + 1;
    const owner = random.chance(0.3) ? serviceId : random.pick(regions);

    // About 15% repeat an earlier report's recommendation whose chain is shorter than 4.
    let repeatsId: number | undefined;
    let chain = 1;
    let text = `${random.pick(VERBS)} ${random.pick(SUBJECTS)} ${random.pick(QUALIFIERS)}.`;
    if (random.chance(0.15)) {
      for (let attempt = 0; attempt < 4 && repeatsId === undefined; attempt++) {
        const candidate = repeatable[Math.floor(random.next() * repeatable.length)];
        if (candidate && candidate[2] < reportIndex && candidate[1] < 4) {
          repeatsId = candidate[0];
          chain = candidate[1] + 1;
          text = `${candidate[3].replace(/\.$/, '')}, as recommended before.`;
        }
      }
    }
    repeatable.push([id, chain, reportIndex, text]);

    const age = (now - reportTime) / (365 * DAY);
    const status = random.weighted<RecommendationStatus>({
      NOT_STARTED: age < 1 ? 40 : 8,
      IN_PROGRESS: 45,
      IMPLEMENTED: age > 2 ? 40 : 15,
      NOT_PLANNED: 7,
    });
    const statusTime = Math.min(now, reportTime + random.int(30, 700) * DAY);
    const targetDate = startOfDay(reportTime + random.int(180, 730) * DAY);
    recommendations.push({
      id,
      reportId: report.id!,
      reference: `R${inReport}`,
      position: inReport,
      text,
      ownerId: owner,
      targetDate,
      status,
      statusChangedAt: new Date(statusTime),
      repeatsId,
      repeatConfirmed: repeatsId !== undefined && random.chance(0.8),
      repeatSimilarity: repeatsId !== undefined ? 0.8 : undefined,
      createdAt: new Date(reportTime),
      updatedAt: new Date(statusTime),
    });
    const response = random.weighted<RecommendationResponse>({ ACCEPTED: 75, PARTLY_ACCEPTED: 12, NOT_ACCEPTED: 3, AWAITING_RESPONSE: 10 });
    addressees.push({ recommendationId: id, organisationId: owner, response, respondedAt: response === 'AWAITING_RESPONSE' ? undefined : new Date(reportTime + 60 * DAY) });
    if (random.chance(0.2) && owner !== serviceId) {
      addressees.push({ recommendationId: id, organisationId: serviceId, response: 'ACCEPTED', respondedAt: new Date(reportTime + 60 * DAY) });
    }
    const themeCount = random.int(1, 3);
    const chosen = new Set<number>();
    while (chosen.size < themeCount) chosen.add(random.pick(themeIds));
    for (const themeId of chosen) themeLinks.push({ A: id, B: themeId });

    const onRec = { subject: 'RECOMMENDATION' as const, subjectId: id, recommendationId: id };
    history.push({ ...onRec, kind: 'CREATED', actorId: inspectorId, createdAt: new Date(reportTime) });
    if (repeatsId !== undefined) {
      history.push({ ...onRec, kind: 'REPEAT_LINKED', field: 'repeats', toValue: String(repeatsId), actorId: inspectorId, createdAt: new Date(reportTime) });
    }
    if (status !== 'NOT_STARTED') {
      history.push({ ...onRec, kind: 'STATUS_CHANGED', field: 'status', fromValue: 'NOT_STARTED', toValue: status, comment: 'Synthetic status change.', actorId: leaderId, createdAt: new Date(statusTime) });
    }

    // Older recommendations have an inspector's verdict, mostly short of achieved.
    if (age > 1.5 && random.chance(0.6)) {
      const verdict = random.weighted<AssessmentVerdict>({ ACHIEVED: 25, PARTLY_ACHIEVED: 35, NOT_ACHIEVED: 35, NO_LONGER_APPLICABLE: 5 });
      const assessmentId = base.assessment + assessments.length + 1;
      const assessedOn = startOfDay(reportTime + random.int(365, 540) * DAY);
      assessments.push({ id: assessmentId, recommendationId: id, verdict, commentary: 'Synthetic verdict.', assessedOn, inspectorId, createdAt: assessedOn });
      history.push({ subject: 'ASSESSMENT', subjectId: assessmentId, recommendationId: id, kind: 'ASSESSMENT_RECORDED', toValue: verdict, actorId: inspectorId, createdAt: assessedOn });
    }

    const items = random.int(1, 9);
    for (let item = 0; item < items; item++) {
      const actionItemId = base.actionItem + actionItems.length + 1;
      const due = reportTime + random.int(90, 900) * DAY;
      const itemStatus = random.weighted<ActionItemStatus>({ PLANNED: 20, IN_PROGRESS: 35, BLOCKED: 5, COMPLETED: due < now ? 45 : 10, CANCELLED: 3 });
      const completed = itemStatus === 'COMPLETED' ? Math.min(now, due + random.int(-60, 90) * DAY) : undefined;
      actionItems.push({
        id: actionItemId,
        recommendationId: id,
        description: `${random.pick(ACTIONS)} (${item + 1} of ${items})`,
        ownerId: random.chance(0.7) ? random.pick(units) : owner,
        leadPerson: 'Synthetic lead',
        dueDate: startOfDay(due),
        status: itemStatus,
        completedOn: completed === undefined ? undefined : startOfDay(completed),
        createdAt: new Date(reportTime),
        updatedAt: new Date(completed ?? reportTime),
      });
      const onItem = { subject: 'ACTION_ITEM' as const, subjectId: actionItemId, recommendationId: id };
      history.push({ ...onItem, kind: 'CREATED', actorId: leaderId, createdAt: new Date(reportTime) });
      if (completed !== undefined) {
        history.push({ ...onItem, kind: 'COMPLETED', field: 'status', toValue: 'COMPLETED', actorId: leaderId, createdAt: new Date(completed) });
      }
      const pieces = random.int(0, 4);
      for (let piece = 0; piece < pieces; piece++) {
        const evidenceId = base.evidence + evidence.length + 1;
        const submitted = Math.min(now, reportTime + random.int(30, 800) * DAY);
        const verification = random.weighted<EvidenceVerification>({ UNVERIFIED: 40, ACCEPTED: 40, INSUFFICIENT: 20 });
        const verified = verification === 'UNVERIFIED' ? undefined : Math.min(now, submitted + random.int(7, 120) * DAY);
        evidence.push({
          id: evidenceId,
          actionItemId,
          summary: `Synthetic evidence ${piece + 1} for action ${item + 1}`,
          strength: random.weighted<EvidenceStrength>({ POLICY: 50, PRACTICE: 35, OUTCOME: 15 }),
          submittedById: leaderId,
          submittedAt: new Date(submitted),
          verification,
          verificationNote: verification === 'INSUFFICIENT' ? 'Does not show a change in practice.' : undefined,
          verifiedById: verified === undefined ? undefined : inspectorId,
          verifiedAt: verified === undefined ? undefined : new Date(verified),
        });
        history.push({ subject: 'EVIDENCE', subjectId: evidenceId, recommendationId: id, kind: 'EVIDENCE_SUBMITTED', actorId: leaderId, createdAt: new Date(submitted) });
      }
    }
  }
  return { label, organisations, users, reports, followUps, recommendations, addressees, themeLinks, actionItems, evidence, assessments, history };
}

const tables = ['Organisation', 'User', 'Report', 'Recommendation', 'ActionItem', 'Evidence', 'Assessment', 'HistoryEvent'] as const;

async function maxIds(tx: TransactionClient) {
  const [row] = await tx.$queryRawUnsafe<Record<string, number>[]>(
    `SELECT ${tables.map((table) => `(SELECT coalesce(max(id), 0) FROM "${table}")::int AS "${table}"`).join(', ')}`,
  );
  return row!;
}

export type SyntheticResult = { loaded: boolean; counts: Partial<Record<string, number>> };

/** Loads the synthetic set for this seed, once: a second call with the same seed changes nothing. */
export async function loadSynthetic(options: SyntheticOptions): Promise<SyntheticResult> {
  return inTransaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(727002)`;
      const marker = `Synthetic inspectorate (seed ${options.seed})`;
      if (await tx.organisation.findUnique({ where: { name: marker }, select: { id: true } })) {
        return { loaded: false, counts: {} };
      }
      await tx.theme.createMany({ data: themeNames, skipDuplicates: true });
      const themeIds = (await tx.theme.findMany({ select: { id: true }, orderBy: { id: 'asc' } })).map((theme) => theme.id);
      const max = await maxIds(tx);
      const plan = planSynthetic(
        options,
        {
          organisation: max.Organisation!,
          user: max.User!,
          report: max.Report!,
          recommendation: max.Recommendation!,
          actionItem: max.ActionItem!,
          evidence: max.Evidence!,
          assessment: max.Assessment!,
        },
        themeIds,
      );
      await tx.organisation.createMany({ data: plan.organisations });
      await tx.user.createMany({ data: plan.users });
      await bulkInsert(tx, 'Report', [
        { name: 'id', type: 'int' }, { name: 'title', type: 'text' }, { name: 'kind', type: '"ReportKind"' },
        { name: 'publishedOn', type: 'date' }, { name: 'summary', type: 'text' }, { name: 'inspectorateId', type: 'int' },
        { name: 'createdAt', type: 'timestamp(3)' }, { name: 'updatedAt', type: 'timestamp(3)' },
      ], plan.reports);
      await bulkInsert(tx, '_ReportFollowUp', [{ name: 'A', type: 'int' }, { name: 'B', type: 'int' }], plan.followUps);
      await bulkInsert(tx, 'Recommendation', [
        { name: 'id', type: 'int' }, { name: 'reportId', type: 'int' }, { name: 'reference', type: 'text' },
        { name: 'position', type: 'int' }, { name: 'text', type: 'text' }, { name: 'ownerId', type: 'int' },
        { name: 'targetDate', type: 'date' }, { name: 'status', type: '"RecommendationStatus"' },
        { name: 'statusChangedAt', type: 'timestamp(3)' }, { name: 'repeatsId', type: 'int' },
        { name: 'repeatConfirmed', type: 'boolean' }, { name: 'repeatSimilarity', type: 'float8' },
        { name: 'createdAt', type: 'timestamp(3)' }, { name: 'updatedAt', type: 'timestamp(3)' },
      ], plan.recommendations);
      await bulkInsert(tx, 'RecommendationAddressee', [
        { name: 'recommendationId', type: 'int' }, { name: 'organisationId', type: 'int' },
        { name: 'response', type: '"RecommendationResponse"' }, { name: 'respondedAt', type: 'timestamp(3)' },
      ], plan.addressees);
      await bulkInsert(tx, '_RecommendationToTheme', [{ name: 'A', type: 'int' }, { name: 'B', type: 'int' }], plan.themeLinks);
      await bulkInsert(tx, 'Assessment', [
        { name: 'id', type: 'int' }, { name: 'recommendationId', type: 'int' }, { name: 'verdict', type: '"AssessmentVerdict"' },
        { name: 'commentary', type: 'text' }, { name: 'assessedOn', type: 'date' }, { name: 'inspectorId', type: 'int' },
        { name: 'createdAt', type: 'timestamp(3)' },
      ], plan.assessments);
      await bulkInsert(tx, 'ActionItem', [
        { name: 'id', type: 'int' }, { name: 'recommendationId', type: 'int' }, { name: 'description', type: 'text' },
        { name: 'ownerId', type: 'int' }, { name: 'leadPerson', type: 'text' }, { name: 'dueDate', type: 'date' },
        { name: 'status', type: '"ActionItemStatus"' }, { name: 'completedOn', type: 'date' },
        { name: 'createdAt', type: 'timestamp(3)' }, { name: 'updatedAt', type: 'timestamp(3)' },
      ], plan.actionItems);
      await bulkInsert(tx, 'Evidence', [
        { name: 'id', type: 'int' }, { name: 'actionItemId', type: 'int' }, { name: 'summary', type: 'text' },
        { name: 'strength', type: '"EvidenceStrength"' }, { name: 'submittedById', type: 'int' },
        { name: 'submittedAt', type: 'timestamp(3)' }, { name: 'verification', type: '"EvidenceVerification"' },
        { name: 'verificationNote', type: 'text' }, { name: 'verifiedById', type: 'int' }, { name: 'verifiedAt', type: 'timestamp(3)' },
      ], plan.evidence);
      await bulkInsert(tx, 'HistoryEvent', [
        { name: 'kind', type: '"HistoryEventKind"' }, { name: 'subject', type: '"HistorySubject"' },
        { name: 'subjectId', type: 'int' }, { name: 'recommendationId', type: 'int' }, { name: 'field', type: 'text' },
        { name: 'fromValue', type: 'text' }, { name: 'toValue', type: 'text' }, { name: 'comment', type: 'text' },
        { name: 'actorId', type: 'int' }, { name: 'createdAt', type: 'timestamp(3)' },
      ], plan.history);
      await refreshOrganisationPaths(tx, [plan.organisations[0]!.id!, plan.organisations[1]!.id!]);
      await refreshDerivedFacts(tx, plan.recommendations.map((rec) => rec.id!));
      // Rows were given explicit ids: move each sequence past them.
      for (const table of tables) {
        await tx.$executeRawUnsafe(
          `SELECT setval(pg_get_serial_sequence('"${table}"', 'id'), (SELECT coalesce(max(id), 0) + 1 FROM "${table}"), false)`,
        );
      }
      await tx.$executeRawUnsafe('ANALYZE');
      return {
        loaded: true,
        counts: {
          reports: plan.reports.length,
          recommendations: plan.recommendations.length,
          repeats: plan.recommendations.filter((rec) => rec.repeatsId !== undefined).length,
          actionItems: plan.actionItems.length,
          evidence: plan.evidence.length,
          assessments: plan.assessments.length,
          historyEvents: plan.history.length,
        },
      };
    },
    { timeout: 30 * 60_000, maxWait: 60_000 },
  );
}
