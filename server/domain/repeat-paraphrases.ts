/**
 * What the register's confirmed repeats teach about wording: when an inspectorate repeats a
 * recommendation it rarely copies it, and the words it swaps are the register's own paraphrases
 * ("MARAC" for "multi-agency risk assessment conference", "re-examine" for "review", "NOMS" for
 * "HMPPS"). For every confirmed link, the stemmed words only the earlier text has are paired with
 * the words only the later one has; a pair kept is one seen in at least MIN_LINKS links, making up
 * at least MIN_SHARE of the links in which the word was dropped, and at least MIN_LIFT times as
 * often as the other word turns up in any link (so "similar" and "inspection", which every citing
 * sentence adds, are not taken for paraphrases of anything).
 *
 * The repeat ranking asks for these words beside the draft's own (repeat-ranking.ts). A register
 * with few confirmed links learns nothing and ranks as before; every link an inspector confirms
 * teaches it. Learned again whenever the confirmed links (or the texts on them) have changed: the
 * server checks every LEARN_EVERY_MS, which costs one aggregate over the confirmed links when
 * nothing changed (150 ms at 200,000 recommendations).
 */
import { prisma, type PrismaClient } from '../db/client.ts';
import type { Logger } from '../logger.ts';
import { repeatEvery } from '../periodic.ts';

const MIN_LINKS = 3;
const MIN_SHARE = 0.1;
const MIN_LIFT = 3;
/** A link whose texts differ in more words than this makes (dropped × added) teaches nothing. */
const MAX_PAIRS_PER_LINK = 400;
const LEARN_EVERY_MS = 10 * 60_000;

export type Learned = { relearned: boolean; links: number; paraphrases: number };

/**
 * Learns the paraphrases again if the confirmed links are not those they were learned from. Safe
 * from several processes at once: the table is locked while it is replaced, and the second to get
 * the lock finds it already learned.
 */
export async function learnRepeatParaphrases(db: PrismaClient): Promise<Learned> {
  return db.$transaction(
    async (tx) => {
      // A second process waits for the first to finish learning (then finds it learned), rather than
      // giving up after the few seconds requests wait for a lock.
      await tx.$executeRaw`SET LOCAL lock_timeout = '120s'`;
      await tx.$executeRaw`LOCK TABLE "RepeatParaphrase" IN EXCLUSIVE MODE`;
      // What it was learned from: the confirmed links and both texts of each (not their versions,
      // which move with every status change and would have it learn again for nothing).
      const [links] = await tx.$queryRaw<{ links: number; fingerprint: string }[]>`
        SELECT count(*)::int AS links,
          coalesce(md5(string_agg(l.id || '>' || l."repeatsId" || ':' || md5(l.text) || md5(e.text), ',' ORDER BY l.id)), '') AS fingerprint
        FROM "Recommendation" l JOIN "Recommendation" e ON e.id = l."repeatsId" WHERE l."repeatConfirmed"`;
      const learnedFrom = await tx.repeatParaphrase.findFirst({ where: { word: '' }, select: { related: true } });
      if (learnedFrom?.related === links!.fingerprint) {
        return { relearned: false, links: links!.links, paraphrases: await tx.repeatParaphrase.count({ where: { word: { not: '' } } }) };
      }
      await tx.repeatParaphrase.deleteMany({});
      const paraphrases = await tx.$executeRaw`
        WITH links AS (
          SELECT tsvector_to_array(e."searchVector") AS earlier, tsvector_to_array(l."searchVector") AS later
          FROM "Recommendation" l JOIN "Recommendation" e ON e.id = l."repeatsId" WHERE l."repeatConfirmed"
        ),
        swaps AS (
          SELECT ARRAY(SELECT unnest(earlier) EXCEPT SELECT unnest(later)) AS dropped,
                 ARRAY(SELECT unnest(later) EXCEPT SELECT unnest(earlier)) AS added
          FROM links
        ),
        -- Every dropped word is paired with every added one: two long texts that differ in many words
        -- would give millions of pairs, and say little about which word took which one's place.
        sides AS (SELECT * FROM swaps WHERE cardinality(dropped) * cardinality(added) <= ${MAX_PAIRS_PER_LINK}),
        total AS (SELECT count(*)::float8 AS links FROM sides),
        alone AS (SELECT word, count(*)::float8 AS links FROM sides, unnest(dropped || added) AS word GROUP BY word),
        pairs AS (
          SELECT word, related, count(*)::int AS links FROM (
            SELECT d AS word, a AS related FROM sides, unnest(dropped) AS d, unnest(added) AS a
            UNION ALL SELECT a, d FROM sides, unnest(dropped) AS d, unnest(added) AS a
          ) swapped GROUP BY word, related HAVING count(*) >= ${MIN_LINKS}
        )
        INSERT INTO "RepeatParaphrase" ("word", "related", "links", "share")
        SELECT p.word, p.related, p.links, p.links / w.links
        FROM pairs p JOIN alone w ON w.word = p.word JOIN alone r ON r.word = p.related CROSS JOIN total t
        WHERE p.links / w.links >= ${MIN_SHARE} AND (p.links / w.links) / (r.links / t.links) >= ${MIN_LIFT}`;
      await tx.repeatParaphrase.create({ data: { word: '', related: links!.fingerprint, links: links!.links, share: 0 } });
      return { relearned: true, links: links!.links, paraphrases };
    },
    // At 200,000 recommendations the learning takes a few seconds on PostgreSQL, longer on PGlite.
    { maxWait: 60_000, timeout: 300_000 },
  );
}

/**
 * Learns every LEARN_EVERY_MS, until stopped. Not at start: what was learned is kept in the
 * database, and a process starting need not make its first requests wait for it.
 */
export function startLearningRepeatParaphrases(log: Logger): () => Promise<void> {
  return repeatEvery(
    LEARN_EVERY_MS,
    async () => {
      try {
        const learned = await learnRepeatParaphrases(prisma);
        if (learned.relearned) log.debug(`Learned ${learned.paraphrases} paraphrases from ${learned.links} confirmed repeats.`);
      } catch (error) {
        log.warn(`Learning paraphrases from confirmed repeats failed; it will try again (${error instanceof Error ? error.name : 'error'}).`);
      }
    },
    { startNow: false },
  );
}
