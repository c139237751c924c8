/**
 * Which earlier recommendations a recommendation probably repeats, best first. Used on a saved
 * recommendation (repeatCandidates) and on texts not yet saved (the intake preview).
 *
 * How the ranking works, in the order the evidence counts:
 *
 * 1. Explicit citations. Reports say so when they repeat themselves: "previously recommended in
 *    our 2018 report (recommendation 4)", "see R3 of ‘Rehabilitative work with adults’ (March
 *    2019)". The draft is read for recommendation references (R3, 2.1, "recommendation 4"), years
 *    and months, and quoted report titles; they are resolved to the earlier recommendations they
 *    name. "Our last inspection in 2013" names the 2013 report on the draft's own body. A candidate
 *    named by reference and by its report (date or title) is ranked above every candidate found by
 *    text alone; one only in a cited report is lifted.
 * 2. An IDF-weighted text score. The database keeps each text's stemmed words (English full-text
 *    search, a GIN index) and how many texts hold each word (TextTerm, kept by triggers). The
 *    draft's words, without its citing sentence, are asked of the index rarest first, as many as
 *    name at most POSTING_BUDGET texts together: the index reads short lists and hands over at most
 *    SHORT_LIST texts, best by the IDF of the words they share, however many recommendations there
 *    are. Each is then scored by the cosine of TF-IDF vectors (rare shared words count, common ones
 *    hardly) and, for the CONTENDERS that can still be ranked among the first, the trigram similarity
 *    of the whole texts (pg_trgm), which catches reworded and re-inflected phrasing. Words the register's confirmed repeats use instead of the
 *    draft's ("MARAC" for "multi-agency risk assessment conference": repeat-paraphrases.ts) are
 *    asked for and counted beside the draft's own, each for the share of repeats that swap them.
 * 3. Agreement of addressees and themes, and recency. Organisations named in either text, by their
 *    name, short name or a former name, count as addressees of it, so a recommendation to a body
 *    that has since been renamed matches one to the body under its new name; sharing an addressee
 *    (weighted by how few texts go to it) and sharing themes lift the score. Recommendations to the
 *    draft's specific bodies are also a source of candidates of their own, in the same statement as
 *    the word search. A repeat most often repeats the last inspection's recommendation: of two
 *    alike, the newer scores a little higher.
 *
 * Then one lineage is shown once: candidates on the same chain of repeats are represented by the
 *    chain's latest member before the draft, with the best score of any of them. Candidates an
 *    inspector has rejected for this recommendation are not proposed again.
 *
 * Scores run from 0 to 1. The work is a handful of indexed statements outside any transaction,
 * so it neither scans every text nor holds a transaction open.
 */
import type { PrismaClient, TransactionClient } from '../db/client.ts';
import { Prisma } from '../db/generated/prisma/client.ts';
import { badField } from '../errors.ts';

/**
 * A stemmed word as the draft writes it ("abus" → "abuse"), for the reasons a person reads: the
 * first word of the text that begins with the stem, or with all but its last letter (stemming turns
 * "happy" into "happi"); the stem itself if neither. The text is split once, however many stems.
 */
export function wordsAsWritten(text: string): (stem: string) => string {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+(?:['’][\p{L}]+|-[\p{L}\p{N}]+)*/gu) ?? [];
  return (stem) =>
    words.find((word) => word.startsWith(stem)) ?? (stem.length > 3 ? words.find((word) => word.startsWith(stem.slice(0, -1))) : undefined) ?? stem;
}

/** A recommendation's text and setting, saved or not, whose earlier repeats are sought. */
export type RepeatDraft = {
  text: string;
  reference?: string | null;
  publishedOn: Date;
  addresseeIds: number[];
  themeIds?: number[];
  excludeRecommendationId?: number;
  excludeReportId?: number;
};

export type RankedCandidate = { recommendationId: number; score: number; reasons: string[] };

export type RankingClient = PrismaClient | TransactionClient;

/** How many texts the full-text index may hand over for scoring. */
const SHORT_LIST = 120;
/**
 * How much more a text just before the draft counts in the short list than one long before (as in the
 * score, recency weighs about a third as much as the text): among the hundreds of texts to a ministry
 * on one subject, the one repeated is most often among the latest.
 */
const SHORT_LIST_RECENCY = 0.5;
/** How many texts the words asked of the index may name in all (what one ranking may read). */
const POSTING_BUDGET = 3000;
/** A body addressed by more texts than this is not a source of candidates by itself (it may still count). */
const ADDRESSED_BUDGET = 2000;
/** Words in more than this share of texts say nothing about which text is meant. */
const COMMON_WORD_SHARE = 0.15;
/** How many candidates, best by all else, the trigram similarity of texts is computed for. */
const CONTENDERS = 60;
/** How many of the draft's rarest words are asked for. */
const QUERY_WORDS = 10;
const MAX_TEXT = 20_000;
/**
 * How the evidence adds up (before citations), to at most 1: the text, then a shared addressee weighted
 * by how few texts go to it (a repeat to an establishment goes to that establishment), then how recent
 * the earlier recommendation is, then shared themes.
 */
const TEXT_WEIGHT = 0.435;
const ADDRESSEE_WEIGHT = 0.365;
const RECENCY_WEIGHT = 0.13;
const THEME_WEIGHT = 0.07;
/** An earlier recommendation this many years old counts half as recent as one made just before the draft. */
const RECENT_YEARS = 4;

export async function rankRepeatCandidates(
  db: RankingClient,
  draft: RepeatDraft,
  options: { first?: number; minimumScore?: number } = {},
): Promise<RankedCandidate[]> {
  const first = options.first ?? 10;
  const minimumScore = options.minimumScore ?? 0.1;
  checkDraft(draft, first, minimumScore);
  const text = draft.text.trim();
  // What the draft asks, without the sentence citing the earlier one: "This repeats recommendation R2
  // of our February 2026 report" names a recommendation (step 1), it says nothing of the subject, and
  // its words (a year, a number, a month) would be the draft's rarest and steer the text search.
  const subject = withoutCitations(text);
  const before = draft.publishedOn;
  const excludeId = draft.excludeRecommendationId ?? -1;
  const excludeReport = draft.excludeReportId ?? -1;

  const [{ counted, paraphrases }, organisations, rejected] = await Promise.all([
    draftWords(db, subject),
    organisationsMaybeNamed(db, text, draft.addresseeIds),
    draft.excludeRecommendationId === undefined
      ? Promise.resolve([] as number[])
      : db.repeatDecision
          .findMany({ where: { recommendationId: draft.excludeRecommendationId, decision: 'REJECTED' }, select: { candidateId: true } })
          .then((rows) => rows.map((row) => row.candidateId)),
  ]);
  // A saved recommendation's own words are already counted in TextTerm: leave its text out, or in a
  // small register every word it shares with the one it repeats looks too common to ask for.
  const own = draft.excludeRecommendationId === undefined ? 0 : 1;
  const words = {
    documents: Math.max(0, counted.documents - own),
    terms: counted.terms.map((term) => ({ ...term, documents: Math.max(0, term.documents - own) })),
  };
  const documents = Math.max(1, words.documents);
  const idf = (df: number) => Math.log(1 + (documents - df + 0.5) / (df + 0.5));

  // 2. The short list from the full-text index: texts sharing the draft's rarest words. The index's
  // work is reading their lists of texts and fetching the texts they name, so the words are taken
  // rarest first while their lists add up to at most POSTING_BUDGET texts: the cost is bounded
  // however many recommendations there are, and the rarest words are the ones that tell texts apart.
  const telling = (term: { documents: number }) => term.documents > 0 && term.documents <= Math.max(2, documents * COMMON_WORD_SHARE);
  const rare: SearchTerm[] = words.terms
    .filter(telling)
    .sort((a, b) => a.documents - b.documents || a.word.localeCompare(b.word))
    .slice(0, QUERY_WORDS)
    .map((term) => ({ ...term, share: 1 }));
  // The words confirmed repeats use instead of the draft's (repeat-paraphrases.ts), asked for beside
  // them and counting for as much as the share of repeats that swap them.
  const insteadOf = paraphrases.filter(telling).sort((a, b) => b.share * idf(b.documents) - a.share * idf(a.documents)).slice(0, QUERY_WORDS);
  const searched = [...rare, ...insteadOf];
  const asked = wordsToAsk(rare, insteadOf, POSTING_BUDGET);

  // 3 (as a source). Recommendations to the same specific body: a repeat to the same establishment is
  // often reworded past sharing its rarest words. Read only for bodies addressed by few enough texts.
  const draftAddressees = new Set([...draft.addresseeIds, ...organisationsNamedIn(text, organisations)]);
  const addresseeCounts = await addressedCounts(db, [...draftAddressees]);
  const specificity = (organisationId: number) => {
    const count = addresseeCounts.get(organisationId) ?? 0;
    // 1 for a body addressed by a handful of texts, falling towards 0 for one addressed by every text.
    // (In a small register every body is addressed by few: the scale is at least a factor of 10.)
    return count === 0 ? 0 : Math.max(0, Math.min(1, Math.log(documents / count) / Math.log(Math.max(10, documents / 20))));
  };
  const specific = [...draftAddressees].filter((id) => specificity(id) >= 0.3);
  const readable = specific.filter((id) => (addresseeCounts.get(id) ?? 0) <= ADDRESSED_BUDGET);
  const anyOf = searched.map((term) => quoteLexeme(term.word)).join(' | ');
  const citation = readCitation(text);
  // The word search and the citations' look-up need nothing of each other: asked at once.
  const [shortList, cited] = await Promise.all([
    textMatches(db, asked, searched, readable, idf, before, excludeId, excludeReport),
    citedBy(db, citation, anyOf, specific, readable, before, excludeId, excludeReport),
  ]);

  // The short list comes with what scoring reads of each text; a cited text not on it is read now.
  const listed = new Set(shortList.map((row) => row.id));
  const citedOnly = [...cited.keys()].filter((id) => !listed.has(id));
  const details = [...shortList, ...(citedOnly.length > 0 ? await candidateDetails(db, citedOnly) : [])].filter((row) => !rejected.includes(row.id));
  if (details.length === 0) return [];

  // Score the short list: TF-IDF cosine, trigram similarity, addressees, themes.
  const asWritten = wordsAsWritten(text);
  const candidateVectors = new Map(details.map((row) => [row.id, parseTsvector(row.vector ?? '')]));
  const allWords = new Set<string>();
  for (const vector of candidateVectors.values()) for (const word of vector.keys()) allWords.add(word);
  const frequencies = new Map(words.terms.map((term) => [term.word, term.documents]));
  const unknown = [...allWords].filter((word) => !frequencies.has(word));
  if (unknown.length > 0) {
    for (const row of await db.textTerm.findMany({ where: { word: { in: unknown } } })) frequencies.set(row.word, row.documents);
  }
  const weigh = (vector: Map<string, number>) => {
    const weights = new Map<string, number>();
    for (const [word, count] of vector) weights.set(word, (1 + Math.log(count)) * idf(frequencies.get(word) ?? 0));
    return weights;
  };
  const draftWeights = weigh(new Map(words.terms.map((term) => [term.word, term.count])));
  const draftNorm = norm(draftWeights);
  // A candidate's word that confirmed repeats use instead of one of the draft's stands for that word,
  // weighing the share of repeats that swap them: "multi-agency risk assessment conference" then
  // counts as the draft's "MARAC", once, not as four words the draft lacks.
  const standsFor = new Map(insteadOf.map((term) => [term.word, term]));

  const formerNames = new Map(organisations.map((org) => [org.id, org.formerNames]));
  const draftThemes = new Set(draft.themeIds ?? []);
  const organisationName = new Map(organisations.map((org) => [org.id, org.shortName ?? org.name]));

  // What each candidate shares with the draft: words (TF-IDF cosine), addressees, themes, and how recent it is.
  const compared = details.map((row) => {
    const weights = weigh(candidateVectors.get(row.id)!);
    const swappedFor = new Map<string, string>();
    for (const word of [...weights.keys()]) {
      const term = standsFor.get(word);
      if (term === undefined) continue;
      weights.delete(word);
      // No rarer than either word: a common word standing for a rare one ("agencies" for "MARAC") must
      // not count as if it were as telling as the rare one.
      const weight = term.share * Math.min(idf(frequencies.get(term.of) ?? 0), idf(term.documents));
      if (weight > (weights.get(term.of) ?? 0)) {
        weights.set(term.of, weight);
        swappedFor.set(term.of, word);
      }
    }
    let dot = 0;
    const shared: [string, number][] = [];
    for (const [word, weight] of draftWeights) {
      const other = weights.get(word);
      if (other !== undefined) {
        dot += weight * other;
        shared.push([word, idf(frequencies.get(word) ?? 0)]);
      }
    }
    const cosine = draftNorm > 0 ? dot / (draftNorm * norm(weights) || 1) : 0;
    const commonAddressees = row.addresseeIds.filter((id) => draftAddressees.has(id));
    // Sharing a body few texts are addressed to says much; sharing a ministry addressed by thousands, little.
    const addresseeScore = Math.max(0, ...commonAddressees.map(specificity));
    const commonThemes = row.themeIds.filter((id) => draftThemes.has(id)).length;
    const themeScore = draftThemes.size > 0 ? commonThemes / Math.max(draftThemes.size, row.themeIds.length) : 0;
    // A repeat most often repeats what the last inspection or two asked: of two alike, the newer counts more.
    const years = Math.max(0, before.getTime() - row.publishedOn.getTime()) / (365.25 * 86_400_000);
    const recency = 1 / (1 + years / RECENT_YEARS);
    return { row, swappedFor, shared, cosine, commonAddressees, addresseeScore, commonThemes, themeScore, recency };
  });

  /** A candidate's score given the trigram similarity of the two texts, with the reasons for a person. */
  const judge = (candidate: (typeof compared)[number], similarity: number, withReasons: boolean) => {
    const { row, swappedFor, shared, cosine, commonAddressees, addresseeScore, commonThemes, themeScore, recency } = candidate;
    const textScore = 0.7 * cosine + 0.3 * similarity;
    let score = TEXT_WEIGHT * textScore + ADDRESSEE_WEIGHT * addresseeScore + THEME_WEIGHT * themeScore + RECENCY_WEIGHT * recency;
    const reasons: string[] = [];
    if (withReasons) {
      const own = shared.filter(([word]) => !swappedFor.has(word));
      if (own.length > 0) {
        // Two stems may be one word as written ("high" and "high-risk" are both "high-risk"): named once.
        const rarest = [...new Set(own.sort((a, b) => b[1] - a[1]).map(([word]) => asWritten(word)))].slice(0, 4);
        reasons.push(`similar text (${Math.round(textScore * 100)}%), sharing ${rarest.join(', ')}`);
      }
      const swapped = shared.filter(([word]) => swappedFor.has(word)).sort((a, b) => b[1] - a[1]).slice(0, 2);
      if (swapped.length > 0) {
        const candidateWords = wordsAsWritten(row.text);
        reasons.push(`reworded as confirmed repeats reword it (${swapped.map(([word]) => `${asWritten(word)} → ${candidateWords(swappedFor.get(word)!)}`).join(', ')})`);
      }
      for (const id of commonAddressees) {
        // The same body under an older name: said, so the inspector sees why the names differ.
        const formerly = formerNames.get(id)?.find((name) => row.text.includes(name));
        reasons.push(formerly ? `same addressee: ${organisationName.get(id)} (then ${formerly})` : `same addressee: ${organisationName.get(id)}`);
      }
      if (commonThemes > 0) reasons.push(commonThemes === 1 ? 'a shared theme' : `${commonThemes} shared themes`);
    }
    const citing = cited.get(row.id);
    // A number and a date name a recommendation, but where an inspectorate publishes many reports a
    // month they may name several: the cited one must also be about the same thing or body.
    const corroborated = addresseeScore >= 0.3 || textScore >= 0.3;
    if (citing?.byReference && corroborated) {
      score = 0.9 + 0.1 * score;
      reasons.unshift(`cited: ${citing.label}`);
    } else if (citing && (corroborated || citing.byReference)) {
      score = Math.min(0.89, score + (citing.byReference ? 0.12 : 0.08));
      reasons.unshift(`${citing.byReference ? 'has the number cited, in a report of the date cited' : 'in a report of the date cited'}: ${citing.label}`);
    } else if (citation.references.includes(normaliseReference(row.reference))) {
      // A number without its report names many recommendations: a small lift among those alike.
      score = Math.min(0.89, score + 0.05);
      reasons.unshift(`has the cited number ${row.reference}`);
    }
    return { score, reasons };
  };

  // The trigram similarity is the dearest part to compute (a third of a ranking on the embedded
  // database). It is read for the candidates that could reach the ranked few with it (scored as if
  // their texts were identical, against the ranked few's scores as if nothing were alike), and of
  // those for the CONTENDERS best when the texts are identical: a cited recommendation, whose
  // citation counts only once its text agrees, comes first there however unlike its words are.
  // Uncited, the similarity moves a score by at most 0.13, so the order is the order by all else.
  const ranks = first * 4;
  const bounds = new Map(compared.map((candidate) => [candidate, { low: judge(candidate, 0, false).score, high: judge(candidate, 1, false).score }]));
  const floor = [...bounds.values()].map((bound) => bound.low).sort((a, b) => b - a)[ranks - 1] ?? -Infinity;
  const contenders = compared
    .filter((candidate) => bounds.get(candidate)!.high >= floor)
    .sort((a, b) => bounds.get(b)!.high - bounds.get(a)!.high || bounds.get(b)!.low - bounds.get(a)!.low || a.row.id - b.row.id)
    .slice(0, Math.max(CONTENDERS, ranks));
  const { similarity, latest } = await similarityAndLineages(db, subject, contenders.map((candidate) => candidate.row.id), before, excludeId, excludeReport);
  const ranked = contenders
    .map((candidate) => [candidate.row.id, judge(candidate, similarity.get(candidate.row.id) ?? 0, true)] as const)
    .sort((a, b) => b[1].score - a[1].score || a[0] - b[0])
    .slice(0, ranks);
  // One lineage once: each candidate stands for the latest member of its chain before the draft.
  const lineages = new Map<number, RankedCandidate>();
  for (const [id, { score, reasons }] of ranked) {
    const representative = latest.get(id) ?? id;
    if (rejected.includes(representative) || lineages.has(representative)) continue;
    lineages.set(representative, {
      recommendationId: representative,
      score: Math.round(score * 1000) / 1000,
      reasons: representative === id ? reasons : [...reasons, 'the latest of its chain of repeats'],
    });
  }
  return [...lineages.values()].filter((candidate) => candidate.score >= minimumScore).slice(0, first);
}

function checkDraft(draft: RepeatDraft, first: number, minimumScore: number) {
  if (typeof draft.text !== 'string' || draft.text.trim() === '') throw badField(['text'], 'the text is empty');
  if (draft.text.length > MAX_TEXT) throw badField(['text'], `the text is longer than ${MAX_TEXT.toLocaleString('en-GB')} characters`);
  if (!(draft.publishedOn instanceof Date) || Number.isNaN(draft.publishedOn.getTime())) throw badField(['publishedOn'], 'not a date');
  if (!Array.isArray(draft.addresseeIds) || draft.addresseeIds.some((id) => !Number.isInteger(id))) throw badField(['addresseeIds'], 'not a list of organisation ids');
  if (!Number.isInteger(first) || first < 1 || first > 50) throw badField(['first'], 'must be from 1 to 50');
  if (!(minimumScore >= 0 && minimumScore <= 1)) throw badField(['minimumScore'], 'must be from 0 to 1');
}

/**
 * The draft's stemmed words with their counts in it and in all texts, how many texts there are, and
 * the words confirmed repeats have used instead of the draft's (repeat-paraphrases.ts): each with the
 * largest share of repeats that swapped one of the draft's words for it, which word that was, and how
 * many texts hold it (words the draft has itself left out). One statement: the draft is split once.
 */
async function draftWords(db: RankingClient, text: string) {
  const rows = await db.$queryRaw<{ word: string; of: string | null; count: number; share: number; documents: number }[]>`
    WITH draft AS (SELECT lexeme, positions FROM unnest(to_tsvector('english'::regconfig, ${text})))
    SELECT w.lexeme AS word, NULL AS "of", coalesce(array_length(w.positions, 1), 1)::int AS count, 1::float8 AS share, coalesce(t.documents, 0)::int AS documents
    FROM draft w LEFT JOIN "TextTerm" t ON t.word = w.lexeme
    UNION ALL SELECT '', NULL, 0, 1, coalesce((SELECT documents FROM "TextTerm" WHERE word = ''), 0)::int
    UNION ALL (
      SELECT DISTINCT ON (p.related) p.related, p.word, 0, p.share, coalesce(t.documents, 0)::int
      FROM "RepeatParaphrase" p LEFT JOIN "TextTerm" t ON t.word = p.related
      WHERE p.word IN (SELECT lexeme FROM draft) AND p.related NOT IN (SELECT lexeme FROM draft)
      ORDER BY p.related, p.share DESC)`;
  const own = rows.filter((row) => row.of === null);
  return {
    counted: {
      terms: own.filter((row) => row.word !== '').map(({ word, count, documents }) => ({ word, count, documents })),
      documents: own.find((row) => row.word === '')?.documents ?? 0,
    },
    paraphrases: rows.flatMap(({ word, of, share, documents }) => (of === null ? [] : [{ word, of, share, documents }])),
  };
}

/** A word the short list is sought by: the draft's own (share 1), or one confirmed repeats use instead of it. */
export type SearchTerm = { word: string; documents: number; share: number };

/**
 * Which words to ask the index for, while the texts they name add up to at most `budget`: the draft's
 * own rarest words first (at least two of them, however common), then paraphrases while the budget
 * lasts, likeliest and rarest first. A paraphrase is a guess, and must not crowd out the words the
 * draft does use (at 200,000 texts two rare paraphrases used up the budget and the draft's own
 * words were never asked).
 */
export function wordsToAsk(rare: SearchTerm[], paraphrases: SearchTerm[], budget: number): SearchTerm[] {
  let read = 0;
  const withinBudget = (term: SearchTerm, index: number) => {
    if (read + term.documents > budget && index >= 2) return false;
    read += term.documents;
    return true;
  };
  const asked = [...rare].sort((a, b) => a.documents - b.documents).filter(withinBudget);
  return [...asked, ...[...paraphrases].sort((a, b) => a.documents / a.share - b.documents / b.share).filter((term) => withinBudget(term, Infinity))];
}

/**
 * The short list, in one statement: earlier texts holding any of the words asked (at most
 * SHORT_LIST), and earlier texts to the specific bodies given holding any of the draft's rare words
 * (at most SHORT_LIST / 2), each best first by the summed IDF of the rare words they share, divided
 * by the square root of their length in words (a long text shares more words by chance); with what
 * scoring reads of each (CANDIDATE_COLUMNS), so that they are read once.
 */
async function textMatches(
  db: RankingClient,
  asked: SearchTerm[],
  rare: SearchTerm[],
  organisationIds: number[],
  idf: (documents: number) => number,
  before: Date,
  excludeId: number,
  excludeReport: number,
) {
  if (rare.length === 0) return [] as CandidateRow[];
  const askedQuery = asked.map((term) => quoteLexeme(term.word)).join(' | ');
  const rareQuery = rare.map((term) => quoteLexeme(term.word)).join(' | ');
  // The IDF of the rare words a text holds, summed: one test of the text's words per rare word, written
  // out (a sub-select over a list of words per text cost ten times as much where thousands match).
  const shared = Prisma.join(
    rare.map((term) => Prisma.sql`CASE WHEN c."searchVector" @@ ${quoteLexeme(term.word)}::tsquery THEN ${term.share * idf(term.documents)}::float8 ELSE 0 END`),
    ' + ',
  );
  return db.$queryRaw<CandidateRow[]>`
    WITH found AS (
      SELECT r.id, r."searchVector", p."publishedOn", true AS "byWords" FROM "Recommendation" r JOIN "Report" p ON p.id = r."reportId"
      WHERE r."searchVector" @@ ${askedQuery}::tsquery
        AND p."publishedOn" < ${before}::date AND r.id <> ${excludeId} AND r."reportId" <> ${excludeReport}
      UNION ALL
      SELECT r.id, r."searchVector", p."publishedOn", false FROM "RecommendationAddressee" a JOIN "Recommendation" r ON r.id = a."recommendationId" JOIN "Report" p ON p.id = r."reportId"
      WHERE a."organisationId" = ANY(${organisationIds}::int[]) AND r."searchVector" @@ ${rareQuery}::tsquery
        AND p."publishedOn" < ${before}::date AND r.id <> ${excludeId} AND r."reportId" <> ${excludeReport}
    ),
    scored AS (
      SELECT c.id, c."byWords",
        (${shared}) / sqrt(length(c."searchVector"))
          * (1 + ${SHORT_LIST_RECENCY} / (1 + (${before}::date - c."publishedOn") / ${365.25 * RECENT_YEARS}::float8)) AS score
      FROM found c
    )
    , chosen AS (
      (SELECT id FROM scored WHERE "byWords" ORDER BY score DESC, id DESC LIMIT ${SHORT_LIST})
      UNION
      (SELECT id FROM scored WHERE NOT "byWords" ORDER BY score DESC, id DESC LIMIT ${SHORT_LIST / 2})
    )
    SELECT ${CANDIDATE_COLUMNS} FROM chosen JOIN "Recommendation" r ON r.id = chosen.id`;
}

/** What scoring reads of a candidate: its words (a tsvector as text), text, date, addressees and themes. */
type CandidateRow = { id: number; reference: string; vector: string; text: string; publishedOn: Date; addresseeIds: number[]; themeIds: number[] };
const CANDIDATE_COLUMNS = Prisma.sql`r.id, r.reference, r."searchVector"::text AS vector, r.text,
  -- Each candidate's report by its key: a join would read every report to hash them.
  (SELECT p."publishedOn" FROM "Report" p WHERE p.id = r."reportId") AS "publishedOn",
  coalesce((SELECT array_agg(a."organisationId") FROM "RecommendationAddressee" a WHERE a."recommendationId" = r.id), '{}') AS "addresseeIds",
  coalesce((SELECT array_agg(t."B") FROM "_RecommendationToTheme" t WHERE t."A" = r.id), '{}') AS "themeIds"`;

/** The candidates a citation named that the short list did not hold, as scoring reads them. */
async function candidateDetails(db: RankingClient, ids: number[]) {
  return db.$queryRaw<CandidateRow[]>`SELECT ${CANDIDATE_COLUMNS} FROM "Recommendation" r WHERE r.id = ANY(${ids}::int[])`;
}

/** How many recommendations are addressed to each of these organisations. */
async function addressedCounts(db: RankingClient, organisationIds: number[]) {
  if (organisationIds.length === 0) return new Map<number, number>();
  const rows = await db.recommendationAddressee.groupBy({ by: ['organisationId'], where: { organisationId: { in: organisationIds } }, _count: { _all: true } });
  return new Map(rows.map((row) => [row.organisationId, row._count._all]));
}

function quoteLexeme(word: string): string {
  return `'${word.replace(/'/g, "''").replace(/\\/g, '\\\\')}'`;
}

/** `'word':1,4 'other':2` → word → how many times. */
function parseTsvector(vector: string): Map<string, number> {
  const words = new Map<string, number>();
  for (const match of vector.matchAll(/'((?:[^']|'')*)'(?::([0-9A-D,]+))?/g)) {
    words.set(match[1]!.replace(/''/g, "'"), match[2] ? match[2].split(',').length : 1);
  }
  return words;
}

function norm(weights: Map<string, number>): number {
  let sum = 0;
  for (const weight of weights.values()) sum += weight * weight;
  return Math.sqrt(sum);
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

export type Citation = {
  /** Recommendation references named, normalised ("R3" and "recommendation 3" both give "3"). */
  references: string[];
  /** Years or months named as when an earlier report came out: [from, to) in UTC. */
  periods: [Date, Date][];
  /** Titles in quotation marks. */
  titles: string[];
  /** Whether it speaks of the previous or last inspection or report, without a date. */
  previous: boolean;
};

/**
 * What a text says about an earlier recommendation it repeats: "previously recommended in our
 * 2018 report", "(recommendation 4, March 2019)", "R3 of ‘Domestic abuse work’". Years alone are
 * read only beside words that make them a citation (report, recommended, previously, published),
 * so "by 2027" is not one.
 */
export function readCitation(text: string): Citation {
  const references = new Set<string>();
  for (const match of text.matchAll(/\brecommendations?\s+(?:no\.?\s*|number\s+)?([A-Z]{0,2}\d+(?:\.\d+)*[a-z]?)\b/gi)) references.add(normaliseReference(match[1]!));
  for (const match of text.matchAll(/\(?\b(R\d+(?:\.\d+)*)\b/g)) references.add(normaliseReference(match[1]!));
  const periods: [Date, Date][] = [];
  const citationWords = /(report|recommend|previous|earlier|published|inspection|review|made in|repeat)/i;
  for (const match of text.matchAll(/\b(?:(january|february|march|april|may|june|july|august|september|october|november|december)\s+)?((?:19|20)\d\d)\b/gi)) {
    const around = text.slice(Math.max(0, match.index! - 60), match.index! + match[0].length + 40);
    if (!citationWords.test(around)) continue;
    const year = Number(match[2]);
    const month = match[1] ? MONTHS.indexOf(match[1].toLowerCase()) : -1;
    periods.push(month >= 0 ? [new Date(Date.UTC(year, month, 1)), new Date(Date.UTC(year, month + 1, 1))] : [new Date(Date.UTC(year, 0, 1)), new Date(Date.UTC(year + 1, 0, 1))]);
  }
  const titles = [...text.matchAll(/[“"‘']([^”"’']{10,200})[”"’']/g)].map((match) => match[1]!.trim());
  const previous = /\b(previous|last|earlier)\s+(inspection|report|visit)\b/i.test(text);
  return { references: [...references], periods, titles, previous };
}

/**
 * The text without its sentences (or bracketed asides) that cite an earlier recommendation: "This
 * repeats recommendation R3 of our 2019 report.", "(Repeated from recommendation 4, 2018.)", "As at
 * our previous inspection, this has not been achieved." A sentence is one when it speaks of repeating
 * or of an earlier inspection or report and of a recommendation, report or inspection.
 */
export function withoutCitations(text: string): string {
  const citing = (part: string) => CITING.test(part) && CITED.test(part);
  const kept = text
    .split(/(?<=[.!?])\s+/)
    .filter((sentence) => !citing(sentence))
    .map((sentence) => sentence.replace(/\s*\([^()]*\)/g, (aside) => (citing(aside) ? '' : aside)))
    .join(' ')
    .trim();
  return kept === '' ? text : kept;
}
const CITING = /\b(repeat(s|ed|ing)?|previous(ly)?|earlier|(last|our) inspection|not (yet )?been (achieved|met|implemented)|made (this|a similar|the same) recommendation)\b/i;
const CITED = /\b(recommend\w*|report|inspection|R\d+)\b/i;

function normaliseReference(reference: string): string {
  return reference.trim().toLowerCase().replace(/^(r|rec)\.?\s*/, '');
}

/** 1. Citations: the recommendations the draft names, by reference and by report. */
async function citedBy(
  db: RankingClient,
  citation: Citation,
  rankBy: string,
  specific: number[],
  readable: number[],
  before: Date,
  excludeId: number,
  excludeReport: number,
) {
  const cited = new Map<number, { byReference: boolean; byReport: boolean; label: string }>();
  if (citation.previous && specific.length > 0) {
    // "At our last inspection": the latest earlier report with recommendations to the same body.
    const [last] = await db.$queryRaw<{ publishedOn: Date }[]>`
      SELECT p."publishedOn" FROM "RecommendationAddressee" a JOIN "Recommendation" r ON r.id = a."recommendationId" JOIN "Report" p ON p.id = r."reportId"
      WHERE a."organisationId" = ANY(${specific}::int[]) AND p."publishedOn" < ${before}::date AND p.id <> ${excludeReport}
      ORDER BY p."publishedOn" DESC LIMIT 1`;
    if (last) citation.periods.push([last.publishedOn, new Date(last.publishedOn.getTime() + 86_400_000)]);
  }
  if (citation.periods.length > 0 || citation.titles.length > 0) {
    const bodies = { fewTexts: readable, manyTexts: specific.filter((id) => !readable.includes(id)) };
    for (const row of await citedRecommendations(db, citation, rankBy, bodies, before, excludeId, excludeReport)) {
      const byReference = citation.references.includes(normaliseReference(row.reference));
      cited.set(row.id, { byReference, byReport: true, label: `${row.reference} of ‘${row.title}’` });
    }
  }
  return cited;
}

/**
 * The recommendations of the reports a citation names (by date or title), in one statement: those to
 * the draft's specific bodies ("our last inspection in 2013" is the 2013 report on that body, not every
 * report of 2013), those with a cited number, and those of a report named by its title, each most
 * alike first.
 */
async function citedRecommendations(
  db: RankingClient,
  citation: Citation,
  rankBy: string,
  organisationIds: { fewTexts: number[]; manyTexts: number[] },
  before: Date,
  excludeId: number,
  excludeReport: number,
) {
  const { fewTexts, manyTexts } = organisationIds;
  const from = citation.periods.map(([start]) => start);
  const to = citation.periods.map(([, end]) => end);
  const query = rankBy === '' ? "'x'" : rankBy;
  // References as printed vary ("R3", "3", "Recommendation 3"): compared normalised.
  return db.$queryRaw<{ id: number; reference: string; title: string; publishedOn: Date }[]>`
    WITH reports AS (
      -- The reports of the periods cited, through the index on the date; those of a title cited, by
      -- their titles; each once, whichever way it was found.
      SELECT id, title, "publishedOn", bool_or("byTitle") AS "byTitle" FROM (
        SELECT p.id, p.title, p."publishedOn", false AS "byTitle"
        FROM unnest(${from}::date[], ${to}::date[]) AS q("from", "to") JOIN "Report" p ON p."publishedOn" >= q."from" AND p."publishedOn" < q."to"
        WHERE p."publishedOn" < ${before}::date AND p.id <> ${excludeReport}
        UNION ALL
        SELECT p.id, p.title, p."publishedOn", true FROM "Report" p
        WHERE cardinality(${citation.titles}::text[]) > 0 AND p."publishedOn" < ${before}::date AND p.id <> ${excludeReport}
          AND EXISTS (SELECT 1 FROM unnest(${citation.titles}::text[]) AS t(title) WHERE strpos(lower(p.title), lower(t.title)) > 0)
      ) found GROUP BY id, title, "publishedOn"
    )
    (SELECT r.id, r.reference, p.title, p."publishedOn" FROM "RecommendationAddressee" a
      -- A body addressed by few texts: its texts, kept if their report is one cited.
      JOIN "Recommendation" r ON r.id = a."recommendationId" JOIN reports p ON p.id = r."reportId"
      WHERE a."organisationId" = ANY(${fewTexts}::int[]) AND r.id <> ${excludeId}
      ORDER BY ts_rank_cd(r."searchVector", ${query}::tsquery) DESC, r.id LIMIT 50)
    UNION
    (SELECT r.id, r.reference, p.title, p."publishedOn" FROM reports p
      -- A ministry addressed by thousands of texts: report by report, as a period holds few reports.
      CROSS JOIN LATERAL (SELECT r.id, r.reference, r."searchVector" FROM "Recommendation" r WHERE r."reportId" = p.id AND r.id <> ${excludeId}
        AND EXISTS (SELECT 1 FROM "RecommendationAddressee" a WHERE a."recommendationId" = r.id AND a."organisationId" = ANY(${manyTexts}::int[])) OFFSET 0) r
      WHERE cardinality(${manyTexts}::int[]) > 0
      ORDER BY ts_rank_cd(r."searchVector", ${query}::tsquery) DESC, r.id LIMIT 50)
    UNION
    (SELECT r.id, r.reference, p.title, p."publishedOn" FROM reports p
      -- Report by report (its recommendations through the report's index), not a scan of every recommendation.
      CROSS JOIN LATERAL (SELECT r.id, r.reference, r."searchVector" FROM "Recommendation" r WHERE r."reportId" = p.id
        AND regexp_replace(lower(r.reference), '^(r|rec)\\.?\\s*', '') = ANY(${citation.references}::text[]) AND r.id <> ${excludeId} OFFSET 0) r
      WHERE cardinality(${citation.references}::text[]) > 0
      ORDER BY ts_rank_cd(r."searchVector", ${query}::tsquery) DESC, r.id LIMIT 50)
    UNION
    -- A report named by its title is one or two: all its recommendations, most alike first.
    (SELECT r.id, r.reference, p.title, p."publishedOn" FROM reports p
      CROSS JOIN LATERAL (SELECT r.id, r.reference, r."searchVector" FROM "Recommendation" r WHERE r."reportId" = p.id AND r.id <> ${excludeId} OFFSET 0) r
      WHERE p."byTitle"
      ORDER BY ts_rank_cd(r."searchVector", ${query}::tsquery) DESC, r.id LIMIT 50)`;
}

/**
 * The draft's addressees, and the organisations whose name, short name or a former name its text
 * holds, ignoring case and word boundaries: a few of the thousand or more there may be, for
 * organisationsNamedIn to decide on by its rules.
 */
async function organisationsMaybeNamed(db: RankingClient, text: string, addresseeIds: number[]) {
  return db.$queryRaw<{ id: number; name: string; shortName: string | null; formerNames: string[] }[]>`
    SELECT o.id, o.name, o."shortName", o."formerNames" FROM "Organisation" o
    WHERE o.id = ANY(${addresseeIds}::int[])
      -- Both sides lowered by the database, so that one mapping of case serves both ("İ", a final "Σ").
      OR EXISTS (SELECT 1 FROM unnest(o."formerNames" || o.name || o."shortName") AS n(name) WHERE length(n.name) >= 2 AND strpos(lower(${text}), lower(n.name)) > 0)`;
}

/**
 * The organisations a text names, by name, short name or a former name: a draft not yet given its
 * addressees, or one that names a body by the name it had before, is matched to the body.
 */
export function organisationsNamedIn(
  text: string,
  organisations: { id: number; name: string; shortName: string | null; formerNames: string[] }[],
): number[] {
  const found = new Set<number>();
  const lower = text.toLowerCase();
  const bounded = (haystack: string, needle: string) => {
    for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
      const before = haystack.charAt(at - 1);
      const after = haystack.charAt(at + needle.length);
      if (!/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after)) return true;
    }
    return false;
  };
  for (const org of organisations) {
    // Names are compared ignoring case; acronyms ("PS", "NOMS") only as written, so "ps" in a word is not one.
    const names = [org.name, org.shortName ?? '', ...org.formerNames].filter((name) => name.trim().length >= 3 && name !== name.toUpperCase());
    const acronyms = [org.shortName ?? '', ...org.formerNames].filter((name) => name.trim().length >= 2 && name === name.toUpperCase());
    if (names.some((name) => bounded(lower, name.toLowerCase())) || acronyms.some((name) => bounded(text, name))) found.add(org.id);
  }
  return [...found];
}

/**
 * For each candidate, the trigram similarity of its text to the draft's (pg_trgm), and the latest
 * member (before the draft) of the chain of repeats it is on: one statement, as each costs a round
 * trip on the embedded database.
 */
async function similarityAndLineages(db: RankingClient, subject: string, ids: number[], before: Date, excludeId: number, excludeReport: number) {
  if (ids.length === 0) return { similarity: new Map<number, number>(), latest: new Map<number, number>() };
  const rows = await db.$queryRaw<{ start: number; id: number; similarity: number }[]>`
    WITH RECURSIVE down AS (
      SELECT r.id AS start, r.id, p."publishedOn", 0 AS depth FROM "Recommendation" r JOIN "Report" p ON p.id = r."reportId"
      WHERE r.id = ANY(${ids}::int[])
      UNION ALL
      SELECT down.start, r.id, p."publishedOn", down.depth + 1 FROM "Recommendation" r
        JOIN down ON r."repeatsId" = down.id JOIN "Report" p ON p.id = r."reportId"
      WHERE p."publishedOn" < ${before}::date AND r.id <> ${excludeId} AND r."reportId" <> ${excludeReport} AND down.depth < 20
    )
    SELECT latest.start, latest.id, similarity(r.text, ${subject})::float8 AS similarity
    FROM (SELECT DISTINCT ON (start) start, id FROM down ORDER BY start, "publishedOn" DESC, depth DESC, id DESC) latest
    JOIN "Recommendation" r ON r.id = latest.start`;
  return { similarity: new Map(rows.map((row) => [row.start, row.similarity])), latest: new Map(rows.map((row) => [row.start, row.id])) };
}
