import type { TransactionClient } from '../db/client.ts';
import type { AssessmentVerdict } from '../db/generated/prisma/enums.ts';
import { badField, notFound } from '../errors.ts';
import { authorize, type Actor } from './actor.ts';
import { today } from './dates.ts';
import { refreshDerivedFacts } from './derived-facts.ts';
import { recordHistory } from './history.ts';

/**
 * An inspector's independent verdict. Assessments are never edited: a later
 * verdict is a new assessment, and the latest one is what counts.
 */
export async function recordAssessment(
  tx: TransactionClient,
  actor: Actor,
  input: { recommendationId: number; verdict: AssessmentVerdict; commentary: string; assessedOn?: Date | null; reportId?: number | null },
): Promise<number> {
  const recommendation = await tx.recommendation.findUnique({
    where: { id: input.recommendationId },
    select: { withdrawnAt: true, report: { select: { publishedOn: true } } },
  });
  if (!recommendation) throw notFound('The recommendation');
  authorize(actor, 'recordAssessment', { withdrawnAt: recommendation.withdrawnAt });
  const assessedOn = input.assessedOn ?? today();
  if (assessedOn.getTime() > today().getTime()) throw badField(['assessedOn'], 'cannot be in the future');
  if (assessedOn.getTime() < recommendation.report.publishedOn.getTime()) {
    throw badField(['assessedOn'], 'cannot be before the recommendation was published');
  }
  if (input.reportId) {
    const report = await tx.report.findUnique({ where: { id: input.reportId }, select: { publishedOn: true } });
    if (!report) throw badField(['reportId'], 'no such report');
    if (report.publishedOn.getTime() <= recommendation.report.publishedOn.getTime()) {
      throw badField(['reportId'], 'a verdict is published in a later report than the recommendation');
    }
  }
  const assessment = await tx.assessment.create({
    data: {
      recommendationId: input.recommendationId,
      verdict: input.verdict,
      commentary: input.commentary,
      assessedOn,
      reportId: input.reportId,
      inspectorId: actor.userId,
      // From the server's clock, as a status change's time is: a claim of implemented made after
      // this verdict awaits a new one (recommendation-rules.ts), by comparing the two.
      createdAt: new Date(),
    },
    select: { id: true },
  });
  await recordHistory(tx, actor, {
    kind: 'ASSESSMENT_RECORDED',
    subject: 'ASSESSMENT',
    subjectId: assessment.id,
    recommendationId: input.recommendationId,
    reportId: input.reportId,
    toValue: input.verdict,
    comment: input.commentary,
  });
  await refreshDerivedFacts(tx, [input.recommendationId]);
  return assessment.id;
}
