/**
 * Synthetic data for measuring at scale: deterministic from a seed, with the
 * proportions of real inspection work. For N recommendations: about N/20
 * reports, 15% repeats in chains of (almost always) up to 4 across reports, about 5 action
 * items and 10 pieces of evidence per recommendation, assessments, history.
 *
 * Texts are worded as an inspectorate would word them (synthetic-texts.ts): reports inspect an
 * establishment (a prison, a probation delivery unit, a youth justice service) or a topic
 * nationally, and make recommendations on a few topics to the establishment or national bodies.
 * Many recommendations on one topic to one body are not repeats; a repeat says the same again in
 * other words, to the body under its name of the day (bodies are renamed over time), with or
 * without citing the earlier one. Where nothing new is left to ask of a body (a place inspected
 * often, a topic inspected nationally again), what it is asked is a repeat, labelled as one: no
 * ask is made twice unlinked. The true repeat pairs are kept in `repeatPairs`: the labels for
 * measuring how well repeats are found (test/eval/repeats.ts). Establishments grow in number with
 * the size, so each is inspected every few years at 20,000 and at 200,000 alike.
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
import {
  ACTIONS, CITATIONS_WITH_NUMBER, CITATIONS_WITHOUT_NUMBER, CONTEXTS, DISTRICTS, LOCAL_LEADERS, MONTH_NAMES, NATIONAL_BODIES, placeName, TOPICS, TOWNS,
  type PlaceKind, type Wordings,
} from './synthetic-texts.ts';

/**
 * `textsOnly` loads organisations, reports and recommendations with their addressees and themes, but no
 * plans, evidence, assessments or history: enough to measure finding repeats at 200,000 in minutes.
 */
export type SyntheticOptions = { size: number; seed: number; textsOnly?: boolean };

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
const NATIONAL_GAP = 3 * 365 * DAY;
const REGIONS = ['North East', 'North West', 'Yorkshire', 'Midlands', 'East of England', 'London', 'South West', 'Wales'];
const PLAN_ACTIONS = [
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


type Random = ReturnType<typeof randomSource>;

/** What a recommendation asks for, whatever its wording: indices into a topic's vocabulary. */
type Intent = { topic: number; action: number; object: number; aim: number };
/** One wording of an intent: which synonym of each slot, which sentence frame, which context. */
type Wording = { action: number; object: number; aim: number; frame: number; context: number };

/** Who a report is about: an establishment, or (thematic reports) the topic nationally. */
type Focus = { key: string; kind: PlaceKind; placeOrganisation?: number; topics: number[]; town?: string };

function otherThan(random: Random, count: number, current: number, keep: number): number {
  if (count <= 1 || random.chance(keep)) return current;
  const other = random.int(0, count - 2);
  return other >= current ? other + 1 : other;
}

function wordingOf(random: Random, intent: Intent): Wording {
  const topic = TOPICS[intent.topic]!;
  return {
    action: random.int(0, ACTIONS[intent.action]!.length - 1),
    object: random.int(0, topic.objects[intent.object]!.length - 1),
    aim: random.int(0, 1),
    frame: random.int(0, 3),
    context: random.int(0, CONTEXTS.length - 1),
  };
}

/** The same intent worded again: most slots in other words, often another sentence frame. */
function rewording(random: Random, intent: Intent, earlier: Wording): Wording {
  const topic = TOPICS[intent.topic]!;
  return {
    action: otherThan(random, ACTIONS[intent.action]!.length, earlier.action, 0.35),
    object: otherThan(random, topic.objects[intent.object]!.length, earlier.object, 0.4),
    aim: otherThan(random, 2, earlier.aim, 0.5),
    frame: otherThan(random, 4, earlier.frame, 0.3),
    context: random.int(0, CONTEXTS.length - 1),
  };
}

function pickWording(words: Wordings, index: number): string {
  return words[index % words.length]!;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function renderText(intent: Intent, wording: Wording, addressee: string): string {
  const topic = TOPICS[intent.topic]!;
  const action = pickWording(ACTIONS[intent.action]!, wording.action);
  const object = pickWording(topic.objects[intent.object]!, wording.object);
  const [soThat, toDo] = topic.aims[intent.aim % topic.aims.length]!;
  const context = CONTEXTS[wording.context]!;
  const aimSoThat = pickWording(soThat, wording.aim);
  const aimTo = pickWording(toDo, wording.aim);
  switch (wording.frame) {
    case 0:
      return `${addressee} should ${action} ${object}${context} ${aimSoThat}.`;
    case 1:
      return `${capitalise(aimTo)}, ${addressee.replace(/^(The|Leaders|Managers|Senior|Partners)\b/, (word) => word.toLowerCase())} should ${action} ${object}${context}.`;
    case 2:
      return `${addressee} should ${action} ${object} ${aimSoThat}${context}.`;
    default:
      return `${addressee} must ${action} ${object}${context}, ${aimSoThat}.`;
  }
}

/** A body's name as written in a given year: its former name before it was renamed. */
function nameInYear(random: Random, current: string[], former: { name: string; until: number }[], year: number): string {
  const then = former.filter((name) => year < name.until).map((name) => name.name);
  return random.pick(then.length > 0 ? then : current);
}

export type SyntheticPlan = ReturnType<typeof planSynthetic>;

/** A true repeat, as the generator made it: the labels the ranking is measured against. */
export type RepeatPair = { recommendationId: number; repeatsId: number; citation: 'number' | 'report' | 'none'; readdressed: boolean };

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
  // National bodies, under the names they have now; texts written before a renaming use the old name.
  const bodies = NATIONAL_BODIES.map((body) => {
    const id = ++organisationId;
    organisations.push({
      id, name: `${body.name} (${label})`, shortName: body.shortName, kind: 'AGENCY',
      formerNames: body.formerNames.map((former) => former.name),
    });
    return { ...body, id };
  });
  // Establishments inspected: prisons, probation delivery units and youth justice services, one for
  // about every 150 recommendations, so that each is inspected every few years whatever the size.
  // Past one of each kind per town, more are placed by the same towns, under names made from theirs.
  const placeKinds: PlaceKind[] = ['prison', 'probation', 'youth'];
  const placeCount = Math.min(TOWNS.length * placeKinds.length * (DISTRICTS.length + 1), Math.max(6, Math.round(options.size / 150)));
  const places = Array.from({ length: placeCount }, (_, index) => {
    const kind = placeKinds[index % placeKinds.length]!;
    const townIndex = Math.floor(index / placeKinds.length);
    const district = DISTRICTS[Math.floor(townIndex / TOWNS.length) - 1];
    const town = `${TOWNS[townIndex % TOWNS.length]!}${district ?? ''}`;
    const names = placeName(kind, town, random.chance(0.4));
    const id = ++organisationId;
    organisations.push({
      id, name: `${names.current} (${label})`, kind: kind === 'probation' ? 'DELIVERY_UNIT' : 'SERVICE',
      formerNames: names.formerNames.map((former) => former.name),
      parentId: kind === 'probation' ? regions[index % regions.length] : undefined,
    });
    return { id, kind, town, names };
  });
  const inspectorId = base.user + 1;
  const leaderId = base.user + 2;
  const users: Prisma.UserCreateManyInput[] = [
    // No password can match "!": these accounts act in history, they never sign in.
    { id: inspectorId, email: `synthetic.inspector.${options.seed}@example.invalid`, name: `Synthetic inspector (${label})`, role: 'INSPECTOR', organisationId: inspectorateId, passwordHash: '!', active: false },
    { id: leaderId, email: `synthetic.leader.${options.seed}@example.invalid`, name: `Synthetic leader (${label})`, role: 'LEADER', organisationId: serviceId, passwordHash: '!', active: false },
  ];

  const reportCount = Math.max(1, Math.round(options.size / 20));
  const reports: Prisma.ReportCreateManyInput[] = [];
  const focuses: Focus[] = [];
  const followUps: { A: number; B: number }[] = [];
  // When each topic was last inspected nationally: a thematic inspection of one topic across the
  // country comes round every few years at most; in between, thematic reports inspect a place.
  const lastNational = new Map<string, number>();
  // Publication dates strictly increase with the report's index, ending in mid-2026.
  const maxGap = Math.max(1, Math.floor(11_680 / reportCount)); // about 16 years in all
  const gaps = Array.from({ length: reportCount }, () => random.int(1, maxGap));
  let published = Date.UTC(2026, 5, 30) - gaps.reduce((sum, gap) => sum + gap, 0) * DAY;
  for (let index = 0; index < reportCount; index++) {
    published += gaps[index]! * DAY;
    const kind = random.weighted<ReportKind>({ THEMATIC: 40, INSPECTION: 40, FOLLOW_UP: 15, JOINT: 5 });
    const publishedDate = new Date(published);
    const when = `${MONTH_NAMES[publishedDate.getUTCMonth()]} ${publishedDate.getUTCFullYear()}`;
    let title: string;
    // A third of thematic reports would look at one topic across the country (no more than once in three
    // years for a topic and a kind of establishment); the rest, and those that would come too soon, inspect a place.
    const topic = kind === 'THEMATIC' && random.chance(0.35) ? random.int(0, TOPICS.length - 1) : undefined;
    const placeKind = topic === undefined ? undefined : random.pick(TOPICS[topic]!.places);
    const nationalKey = `national ${placeKind} ${topic}`;
    if (topic !== undefined && placeKind !== undefined && published - (lastNational.get(nationalKey) ?? -Infinity) >= NATIONAL_GAP) {
      lastNational.set(nationalKey, published);
      focuses.push({ key: nationalKey, kind: placeKind, topics: [topic] });
      title = `A thematic inspection of ${TOPICS[topic]!.name} in ${placeKind === 'prison' ? 'prisons' : placeKind === 'probation' ? 'probation services' : 'youth justice services'} (${when})`;
    } else {
      const place = random.pick(places);
      const relevant = TOPICS.map((topic, topicIndex) => [topic, topicIndex] as const).filter(([topic]) => topic.places.includes(place.kind));
      const topics = new Set<number>();
      while (topics.size < Math.min(4, relevant.length)) topics.add(random.pick(relevant)[1]);
      focuses.push({ key: `place ${place.id}`, kind: place.kind, placeOrganisation: place.id, topics: [...topics], town: place.town });
      const name = nameInYear(random, [place.names.current], place.names.formerNames, publishedDate.getUTCFullYear());
      title = kind === 'FOLLOW_UP'
        ? `${name}: a follow-up inspection (${when})`
        : kind === 'JOINT' ? `Joint inspection of services in ${place.town}: ${name} (${when})` : `Report on an inspection of ${name} (${when})`;
    }
    reports.push({
      id: base.report + index + 1,
      title,
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
  const repeatPairs: RepeatPair[] = [];
  // What each recommendation asks, and where: two with the same ask at one place (or nationally on
  // one topic) must be one chain of repeats, or the labels are wrong (checked in its unit test).
  const asks: { recommendationId: number; focus: string; intent: string }[] = [];
  // Per focus, the recommendations that may still be repeated (the latest of their chain), and the
  // intents already used there, so that a recommendation alike in topic is never the same ask.
  type Made = { id: number; chain: number; reportIndex: number; time: number; intent: Intent; wording: Wording; reference: string; addressee: number; repeated: boolean };
  const madeAt = new Map<string, Made[]>();
  const intentsAt = new Map<string, Set<string>>();
  // The latest recommendation on each thing (a topic's object) there: an inspectorate
  // does not make two different recommendations about the same thing to the same body within a few
  // years (it repeats the first); long after, a new one on the same thing is not a repeat.
  // (Kept as of the reports before this one; `askedHere` holds this report's.)
  const lastAsked = new Map<string, Made>();
  const askedHere = new Map<string, Made>();
  const RECENT = 4 * 365 * DAY;
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
      for (const [thing, latest] of askedHere) lastAsked.set(thing, latest);
      askedHere.clear();
    }
    inReport++;
    const report = reports[reportIndex]!;
    const reportTime = (report.publishedOn as Date).getTime();
    const id = base.recommendation + index + 1;
    const focus = focuses[reportIndex]!;
    const year = new Date(reportTime).getUTCFullYear();
    const made = madeAt.get(focus.key) ?? [];
    madeAt.set(focus.key, made);
    const used = intentsAt.get(focus.key) ?? new Set<string>();
    intentsAt.set(focus.key, used);
    const reference = `R${inReport}`;

    // About 15% repeat an earlier report's recommendation to the same place (or, nationally, on the
    // same topic) whose chain is shorter than 4, saying it again in other words.
    let repeatsId: number | undefined;
    let chain = 1;
    let intent: Intent | undefined;
    let wording: Wording | undefined;
    let addressee: number;
    let citation: RepeatPair['citation'] = 'none';
    let earlier: Made | undefined;
    // (Asked of 19%: at a place inspected for the first time there is nothing to repeat yet.)
    if (random.chance(0.19)) {
      for (let attempt = 0; attempt < 6 && earlier === undefined; attempt++) {
        const candidate = made[made.length - 1 - Math.floor(random.next() * Math.min(made.length, 40))];
        if (candidate && !candidate.repeated && candidate.reportIndex < reportIndex && candidate.chain < 4) earlier = candidate;
      }
    }
    if (!earlier) {
      let fresh = false;
      let asked: Made | undefined;
      for (let attempt = 0; attempt < 24 && !fresh; attempt++) {
        const topic = random.pick(focus.topics);
        const candidate = {
          topic,
          action: random.int(0, ACTIONS.length - 1),
          object: random.int(0, TOPICS[topic]!.objects.length - 1),
          aim: random.int(0, TOPICS[topic]!.aims.length - 1),
        };
        intent = candidate;
        const thing = `${focus.key}|${topic}|${candidate.object}`;
        asked = lastAsked.get(thing);
        // A thing already asked in this same report may be asked again in another way (a sibling).
        fresh = !used.has(JSON.stringify(candidate)) && (asked === undefined || askedHere.has(thing) || reportTime - asked.time > RECENT);
      }
      // Every new thing there was asked lately: what is asked again is an earlier recommendation said
      // again (the latest on that thing, or another still open), a repeat labelled as one: never an
      // unlabelled second ask, which would make the labels wrong.
      if (!fresh) {
        const open = (one: Made | undefined, longest: number): one is Made => one !== undefined && !one.repeated && one.reportIndex < reportIndex && one.chain < longest;
        earlier = open(asked, 4) ? asked : made.findLast((one) => open(one, 4)) ?? made.findLast((one) => open(one, Infinity));
      }
      if (!earlier) {
        intent = intent!;
        wording = wordingOf(random, intent);
        addressee = focus.placeOrganisation ?? random.pick(bodies.filter((body) => body.places.includes(focus.kind))).id;
      }
    }
    if (earlier) {
      earlier.repeated = true;
      repeatsId = earlier.id;
      chain = earlier.chain + 1;
      intent = earlier.intent;
      wording = rewording(random, intent, earlier.wording);
      addressee = earlier.addressee;
    }
    intent = intent!;
    wording = wording!;
    addressee = addressee!;
    used.add(JSON.stringify(intent));
    asks.push({ recommendationId: id, focus: focus.key, intent: JSON.stringify(intent) });
    // A repeat is sometimes addressed to another body than the earlier one was.
    const readdressed = earlier !== undefined && focus.placeOrganisation === undefined && random.chance(0.2);
    if (readdressed) addressee = random.pick(bodies.filter((body) => body.places.includes(focus.kind))).id;
    const body = bodies.find((candidate) => candidate.id === addressee);
    const place = places.find((candidate) => candidate.id === addressee);
    const addresseeName = body
      ? nameInYear(random, [body.name, body.shortName], body.formerNames, year)
      : random.chance(0.5)
        ? nameInYear(random, [place!.names.current], place!.names.formerNames, year)
        : random.pick(LOCAL_LEADERS[focus.kind]);
    let text = renderText(intent, wording, addresseeName.startsWith('The ') || /^[A-Z]{2,}/.test(addresseeName) || addresseeName.startsWith('HM') || addresseeName.startsWith('NHS') ? addresseeName : body ? `The ${addresseeName}` : addresseeName);
    if (earlier) {
      const earlierReport = reports[earlier.reportIndex]!;
      const earlierDate = earlierReport.publishedOn as Date;
      const fill = (template: string) => template
        .replace('{ref}', earlier.reference)
        .replace('{year}', String(earlierDate.getUTCFullYear()))
        .replace('{month}', MONTH_NAMES[earlierDate.getUTCMonth()]!)
        .replace('{title}', earlierReport.title);
      const roll = random.next();
      if (roll < 0.45) {
        text += fill(random.pick(CITATIONS_WITH_NUMBER));
        citation = 'number';
      } else if (roll < 0.65) {
        text += fill(random.pick(CITATIONS_WITHOUT_NUMBER));
        citation = 'report';
      }
      repeatPairs.push({ recommendationId: id, repeatsId: earlier.id, citation, readdressed });
    }
    const thisOne: Made = { id, chain, reportIndex, time: reportTime, intent, wording, reference, addressee, repeated: false };
    made.push(thisOne);
    askedHere.set(`${focus.key}|${intent.topic}|${intent.object}`, thisOne);
    const owner = addressee;

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
      reference,
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
    if (random.chance(0.2)) {
      const also = random.pick(bodies.filter((candidate) => candidate.places.includes(focus.kind))).id;
      if (also !== owner) addressees.push({ recommendationId: id, organisationId: also, response: 'ACCEPTED', respondedAt: new Date(reportTime + 60 * DAY) });
    }
    // Themes follow the topic (and sometimes a second), as an inspector would tag them.
    const chosen = new Set<number>([themeIds[intent.topic % themeIds.length]!]);
    if (random.chance(0.3)) chosen.add(random.pick(themeIds));
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
      const description = `${random.pick(PLAN_ACTIONS)} (${item + 1} of ${items})`;
      actionItems.push({
        id: actionItemId,
        recommendationId: id,
        description,
        ownerId: random.chance(0.7) ? random.pick(units) : owner,
        leadPerson: 'Synthetic lead',
        dueDate: startOfDay(due),
        status: itemStatus,
        completedOn: completed === undefined ? undefined : startOfDay(completed),
        createdAt: new Date(reportTime),
        updatedAt: new Date(completed ?? reportTime),
      });
      const onItem = { subject: 'ACTION_ITEM' as const, subjectId: actionItemId, subjectName: description, recommendationId: id };
      history.push({ ...onItem, kind: 'CREATED', toValue: description, actorId: leaderId, createdAt: new Date(reportTime) });
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
  return { label, organisations, users, reports, followUps, recommendations, addressees, themeLinks, actionItems, evidence, assessments, history, repeatPairs, asks };
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
      if (!options.textsOnly) await bulkInsert(tx, 'Assessment', [
        { name: 'id', type: 'int' }, { name: 'recommendationId', type: 'int' }, { name: 'verdict', type: '"AssessmentVerdict"' },
        { name: 'commentary', type: 'text' }, { name: 'assessedOn', type: 'date' }, { name: 'inspectorId', type: 'int' },
        { name: 'createdAt', type: 'timestamp(3)' },
      ], plan.assessments);
      if (!options.textsOnly) await bulkInsert(tx, 'ActionItem', [
        { name: 'id', type: 'int' }, { name: 'recommendationId', type: 'int' }, { name: 'description', type: 'text' },
        { name: 'ownerId', type: 'int' }, { name: 'leadPerson', type: 'text' }, { name: 'dueDate', type: 'date' },
        { name: 'status', type: '"ActionItemStatus"' }, { name: 'completedOn', type: 'date' },
        { name: 'createdAt', type: 'timestamp(3)' }, { name: 'updatedAt', type: 'timestamp(3)' },
      ], plan.actionItems);
      if (!options.textsOnly) await bulkInsert(tx, 'Evidence', [
        { name: 'id', type: 'int' }, { name: 'actionItemId', type: 'int' }, { name: 'summary', type: 'text' },
        { name: 'strength', type: '"EvidenceStrength"' }, { name: 'submittedById', type: 'int' },
        { name: 'submittedAt', type: 'timestamp(3)' }, { name: 'verification', type: '"EvidenceVerification"' },
        { name: 'verificationNote', type: 'text' }, { name: 'verifiedById', type: 'int' }, { name: 'verifiedAt', type: 'timestamp(3)' },
      ], plan.evidence);
      if (!options.textsOnly) await bulkInsert(tx, 'HistoryEvent', [
        { name: 'kind', type: '"HistoryEventKind"' }, { name: 'subject', type: '"HistorySubject"' },
        { name: 'subjectId', type: 'int' }, { name: 'subjectName', type: 'text' }, { name: 'recommendationId', type: 'int' }, { name: 'field', type: 'text' },
        { name: 'fromValue', type: 'text' }, { name: 'toValue', type: 'text' }, { name: 'comment', type: 'text' },
        { name: 'actorId', type: 'int' }, { name: 'createdAt', type: 'timestamp(3)' },
      ], plan.history);
      await refreshOrganisationPaths(tx, plan.organisations.filter((org) => org.parentId === undefined).map((org) => org.id!));
      if (!options.textsOnly) await refreshDerivedFacts(tx, plan.recommendations.map((rec) => rec.id!));
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
    { timeout: 180 * 60_000, maxWait: 60_000 },
  );
}
