import { inTransaction, prisma } from '../db/client.ts';
import { markMentionsNotified } from '../domain/discussion.ts';
import type { DigestKind } from '../db/generated/prisma/enums.ts';
import { workOf, type Person } from '../domain/my-work.ts';
import { digestMessage, sectionCounts } from './digest-message.ts';
import type { Mailer } from './mailer.ts';
import { periodOf } from './periods.ts';

/** How long a claimed digest that was not sent waits before another run tries it again. */
export const RETRY_AFTER_MS = 10 * 60_000;

export type DigestRun = {
  mailer: Mailer;
  appUrl: string;
  hour: number;
  escalationDays: number;
  now?: Date;
  retryAfterMs?: number;
  /** Told of each failed send; the digest stays claimed and unsent, and is tried again later. */
  onFailure?: (failure: { userId: number; period: string; error: unknown }) => void;
};

export type DigestRunResult = { sent: number; failed: number };

/** Inspectors are sent the evidence waiting for them; everyone else their organisation's work. */
const kindFor = (role: Person['role']): DigestKind => (role === 'INSPECTOR' ? 'VERIFICATION' : 'WORK');

/**
 * Sends each active person who wants them the digest of the current period, once, however many server
 * processes run this at the same time and however often. A digest is claimed before it is sent: its row
 * (kind, person, period) is inserted if missing, then taken by an update that only one process can win
 * (a claim not yet tried, or one whose last try is older than `retryAfterMs`). A sent digest's row records
 * when, to whom and how many items; one whose send failed keeps its claim and is retried by a later run.
 * A person with nothing to see to is sent nothing.
 */
export async function sendDueDigests(run: DigestRun): Promise<DigestRunResult> {
  const now = run.now ?? new Date();
  const retryAfterMs = run.retryAfterMs ?? RETRY_AFTER_MS;
  const people = await prisma.user.findMany({
    where: { active: true, digestFrequency: { not: 'NONE' } },
    select: { id: true, name: true, email: true, role: true, organisationId: true, digestFrequency: true, organisation: { select: { path: true } } },
    orderBy: { id: 'asc' },
  });
  const due = people.flatMap((user) => {
    const period = periodOf(user.digestFrequency, now, run.hour);
    return period ? [{ user, key: { kind: kindFor(user.role), userId: user.id, period } }] : [];
  });
  // The claims of this run's periods, read at once: a digest sent, or being tried, is passed over without
  // working out its items. Only the claiming update below decides who sends; this read saves the work.
  const claims = await prisma.sentDigest.findMany({
    where: { period: { in: [...new Set(due.map(({ key }) => key.period))] } },
    select: { kind: true, userId: true, period: true, sentAt: true, claimedAt: true, attempts: true },
  });
  const claimOf = new Map(claims.map((claim) => [`${claim.kind}:${claim.userId}:${claim.period}`, claim]));
  const result: DigestRunResult = { sent: 0, failed: 0 };
  for (const { user, key } of due) {
    const { kind, period } = key;
    const claim = claimOf.get(`${kind}:${user.id}:${period}`);
    if (claim?.sentAt || (claim && claim.attempts > 0 && claim.claimedAt.getTime() > now.getTime() - retryAfterMs)) continue;

    const person: Person = { userId: user.id, role: user.role, organisationId: user.organisationId, organisationPath: user.organisation?.path ?? null };
    const items = await workOf(prisma, person, { now, escalationDays: run.escalationDays });
    if (items.length === 0) continue;

    await prisma.sentDigest.createMany({ data: [{ ...key, frequency: user.digestFrequency, claimedAt: now }], skipDuplicates: true });
    const { count: won } = await prisma.sentDigest.updateMany({
      where: { ...key, sentAt: null, OR: [{ attempts: 0 }, { claimedAt: { lte: new Date(now.getTime() - retryAfterMs) } }] },
      data: { attempts: { increment: 1 }, claimedAt: now },
    });
    if (won === 0) continue;

    const message = digestMessage({ to: user, kind, frequency: user.digestFrequency, period, items, appUrl: run.appUrl, escalationDays: run.escalationDays });
    try {
      const { messageId } = await run.mailer.send(message);
      // Recorded as sent, and its mentions as told, together.
      await inTransaction(async (tx) => {
        await tx.sentDigest.update({
          where: { kind_userId_period: key },
          data: { sentAt: new Date(), email: user.email, messageId, itemCount: items.length, sections: sectionCounts(items), lastError: null },
        });
        await markMentionsNotified(tx, items.flatMap((item) => (item.mentionId ? [item.mentionId] : [])));
      }, { changesRecords: false });
      result.sent += 1;
    } catch (error) {
      await prisma.sentDigest.update({
        where: { kind_userId_period: key },
        data: { lastError: (error instanceof Error ? error.message : String(error)).slice(0, 500) },
      });
      result.failed += 1;
      run.onFailure?.({ userId: user.id, period, error });
    }
  }
  return result;
}
