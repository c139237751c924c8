import type { TransactionClient } from '../db/client.ts';
import type { Recommendation } from '../db/generated/prisma/client.ts';
import { badField, notFound } from '../errors.ts';
import { authorize, type Actor } from './actor.ts';
import { recordHistory } from './history.ts';
import { keepTimeOfChange } from './recommendation-rules.ts';
import type { RecommendationSelection } from './recommendations.ts';
import { checkVersion, updatedRow } from './versions.ts';

const WHAT = 'The recommendation';

/**
 * An inspector marks a recommendation as a priority, or takes it off the priorities, always with a
 * reason: the same people who record verdicts ('recordAssessment'), since a priority is the
 * inspectorate's judgement, not the owner's. The reason is kept on the recommendation while it is a
 * priority, and each change is a history event with its reason.
 */
export async function setRecommendationPriority(
  tx: TransactionClient,
  actor: Actor,
  input: { id: number; version: number; priority: boolean; reason: string },
  selection: RecommendationSelection = {},
): Promise<Recommendation> {
  const current = await tx.recommendation.findUnique({ where: { id: input.id }, select: { version: true, isPriority: true, withdrawnAt: true, updatedAt: true } });
  if (!current) throw notFound(WHAT);
  authorize(actor, 'recordAssessment', { withdrawnAt: current.withdrawnAt });
  checkVersion(current, input.version, WHAT);
  if (current.isPriority === input.priority) {
    throw badField(['priority'], input.priority ? 'it is already a priority' : 'it is not a priority');
  }
  const updated = await updatedRow(
    tx.recommendation.update({
      ...selection,
      where: { id: input.id, version: input.version },
      data: { isPriority: input.priority, priorityReason: input.priority ? input.reason : null, version: { increment: 1 }, ...keepTimeOfChange(current) },
    }) as Promise<Recommendation>,
    WHAT,
  );
  await recordHistory(tx, actor, {
    subject: 'RECOMMENDATION',
    subjectId: input.id,
    recommendationId: input.id,
    kind: input.priority ? 'PRIORITY_MARKED' : 'PRIORITY_UNMARKED',
    field: 'priority',
    fromValue: String(current.isPriority),
    toValue: String(input.priority),
    comment: input.reason,
  });
  return updated;
}
