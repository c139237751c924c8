import type { TransactionClient } from '../db/client.ts';
import type { DigestFrequency } from '../db/generated/prisma/enums.ts';
import { authorize, type Actor } from './actor.ts';
import { recordHistory } from './history.ts';

/** The person's own choice of how often their work is emailed to them; recorded in their account's history. */
export async function setDigestFrequency(tx: TransactionClient, actor: Actor, frequency: DigestFrequency): Promise<number> {
  authorize(actor, 'chooseReminders', { userId: actor.userId });
  const current = await tx.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { digestFrequency: true } });
  if (current.digestFrequency === frequency) return actor.userId;
  // The version moves, so an administrator's edit of the account made before this is told it changed.
  await tx.user.update({ where: { id: actor.userId }, data: { digestFrequency: frequency, version: { increment: 1 } } });
  await recordHistory(tx, actor, { kind: 'UPDATED', subject: 'USER', subjectId: actor.userId, field: 'digestFrequency', fromValue: current.digestFrequency, toValue: frequency });
  return actor.userId;
}
