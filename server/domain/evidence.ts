import type { TransactionClient } from '../db/client.ts';
import type { Prisma } from '../db/generated/prisma/client.ts';
import type { EvidenceStrength, EvidenceVerification } from '../db/generated/prisma/enums.ts';
import { badField, notFound } from '../errors.ts';
import { label, verificationLabels } from './enum-labels.ts';
import { actionItemTarget, actionItemTargetSelect } from './action-items.ts';
import { authorize, type Actor } from './actor.ts';
import { recordHistory } from './history.ts';
import { touchRecommendation } from './recommendations.ts';
import { checkVersion, expectUpdated } from './versions.ts';

/**
 * Evidence an inspector can still verify: not yet checked, for a recommendation that stands. A
 * withdrawn recommendation takes no verdicts (permissions.ts), so its unverified evidence would
 * wait in a queue for ever. The inspectors' queue, their "my work" and their digest read this.
 */
export const awaitingVerificationWhere = (): Prisma.EvidenceWhereInput => ({
  verification: 'UNVERIFIED',
  actionItem: { recommendation: { withdrawnAt: null } },
});

export async function submitEvidence(
  tx: TransactionClient,
  actor: Actor,
  input: { actionItemId: number; summary: string; url?: string | null; strength: EvidenceStrength },
): Promise<number> {
  const item = await tx.actionItem.findUnique({
    where: { id: input.actionItemId },
    select: { recommendationId: true, ...actionItemTargetSelect },
  });
  if (!item) throw notFound('The action item');
  authorize(actor, 'submitEvidence', actionItemTarget(item));
  const evidence = await tx.evidence.create({
    data: {
      actionItemId: input.actionItemId,
      summary: input.summary,
      url: input.url,
      strength: input.strength,
      submittedById: actor.userId,
    },
    select: { id: true },
  });
  await recordHistory(tx, actor, {
    kind: 'EVIDENCE_SUBMITTED',
    subject: 'EVIDENCE',
    subjectId: evidence.id,
    recommendationId: item.recommendationId,
    toValue: input.summary,
  });
  await touchRecommendation(tx, item.recommendationId);
  return evidence.id;
}

/** An inspector's check of a piece of evidence, with a note saying why. */
export async function verifyEvidence(
  tx: TransactionClient,
  actor: Actor,
  input: { id: number; version: number; verification: Exclude<EvidenceVerification, 'UNVERIFIED'>; note: string },
): Promise<number> {
  const found = await tx.evidence.findUnique({
    where: { id: input.id },
    include: { actionItem: { select: { recommendationId: true, recommendation: { select: { withdrawnAt: true } } } } },
  });
  if (!found) throw notFound('The evidence');
  authorize(actor, 'verifyEvidence', { withdrawnAt: found.actionItem.recommendation.withdrawnAt });
  const current = checkVersion(found, input.version, 'The evidence');
  if (current.verification === input.verification && current.verificationNote === input.note) {
    throw badField(['verification'], `the evidence is already marked ${label(verificationLabels, input.verification)}, with the same note`);
  }
  const { count } = await tx.evidence.updateMany({
    where: { id: input.id, version: input.version },
    data: {
      verification: input.verification,
      verificationNote: input.note,
      verifiedById: actor.userId,
      verifiedAt: new Date(),
      version: { increment: 1 },
    },
  });
  expectUpdated(count, 'The evidence');
  await recordHistory(tx, actor, {
    kind: 'EVIDENCE_VERIFIED',
    subject: 'EVIDENCE',
    subjectId: input.id,
    recommendationId: current.actionItem.recommendationId,
    field: 'verification',
    fromValue: current.verification,
    toValue: input.verification,
    comment: input.note,
  });
  return input.id;
}
