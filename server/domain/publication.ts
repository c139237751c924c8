import type { PrismaClient, TransactionClient } from '../db/client.ts';
import type { Prisma } from '../db/generated/prisma/client.ts';
import { badUserInput } from '../errors.ts';
import { authorize, type Actor } from './actor.ts';
import { reportTarget } from './permissions.ts';
import { recordHistory } from './history.ts';
import { keepTimeOfChange } from './recommendation-rules.ts';
import { checkVersion, expectUpdated } from './versions.ts';

/** Where the public pages of reports are served (http/public-reports.ts), each at its report's number. */
export const PUBLIC_REPORTS_PATH = '/public/reports';

/** Whether the server's public view is on (PUBLIC_REPORTS), as the server started. */
let publicView = false;
export function setPublicView(on: boolean): void {
  publicView = on;
}

/**
 * The address of a report's public page, when there is one: the report is marked public and the
 * server's public view is on. The app linked to a page that answered "Not found" while the view was off.
 */
export function publicPagePath(report: { id: number; isPublic: boolean }): string | null {
  return publicView && report.isPublic ? `${PUBLIC_REPORTS_PATH}/${report.id}` : null;
}

/**
 * What a report's public page may show. Nothing appears there unless an inspector or administrator
 * marked the report public, and a recommendation marked internal stays out even then. The page
 * shows only what `publicReport` selects: no person, no note, no evidence, no history, no discussion.
 */

/** Marks a report public (its page shows it, when the public view is on) or takes it back. */
export async function setReportPublic(
  tx: TransactionClient,
  actor: Actor,
  input: { id: number; version: number; isPublic: boolean; comment?: string | null },
): Promise<number> {
  const current = checkVersion(
    await tx.report.findUnique({ where: { id: input.id }, select: { version: true, isPublic: true, inspectorate: { select: { path: true } } } }),
    input.version,
    'The report',
  );
  authorize(actor, 'publishReport', reportTarget(current));
  if (current.isPublic === input.isPublic) throw badUserInput(`The report is already ${input.isPublic ? 'public' : 'not public'}.`);
  const { count } = await tx.report.updateMany({ where: { id: input.id, version: input.version }, data: { isPublic: input.isPublic, version: { increment: 1 } } });
  expectUpdated(count, 'The report');
  await recordHistory(tx, actor, {
    kind: 'UPDATED', subject: 'REPORT', subjectId: input.id, reportId: input.id, field: 'isPublic',
    fromValue: String(current.isPublic), toValue: String(input.isPublic), comment: input.comment,
  });
  return input.id;
}

/** Marks a recommendation internal (kept off its report's public page) or fit to show. */
export async function setRecommendationInternal(
  tx: TransactionClient,
  actor: Actor,
  input: { id: number; version: number; isInternal: boolean; comment?: string | null },
): Promise<number> {
  const current = checkVersion(
    await tx.recommendation.findUnique({
      where: { id: input.id },
      select: { version: true, isInternal: true, reportId: true, updatedAt: true, report: { select: { inspectorate: { select: { path: true } } } } },
    }),
    input.version,
    'The recommendation',
  );
  authorize(actor, 'publishReport', reportTarget(current.report));
  if (current.isInternal === input.isInternal) throw badUserInput(`The recommendation is already ${input.isInternal ? 'internal' : 'fit for the public page'}.`);
  const { count } = await tx.recommendation.updateMany({
    where: { id: input.id, version: input.version },
    data: { isInternal: input.isInternal, version: { increment: 1 }, ...keepTimeOfChange(current) },
  });
  expectUpdated(count, 'The recommendation');
  await recordHistory(tx, actor, {
    kind: 'UPDATED', subject: 'RECOMMENDATION', subjectId: input.id, recommendationId: input.id, reportId: current.reportId, field: 'isInternal',
    fromValue: String(current.isInternal), toValue: String(input.isInternal), comment: input.comment,
  });
  return input.id;
}

/** Everything the public page shows, and nothing more: each field named here is published. */
const publicSelect = {
  id: true,
  title: true,
  kind: true,
  publishedOn: true,
  url: true,
  summary: true,
  inspectorate: { select: { name: true } },
  recommendations: {
    where: { isInternal: false },
    orderBy: [{ position: 'asc' }, { id: 'asc' }],
    select: {
      id: true,
      reference: true,
      text: true,
      status: true,
      targetDate: true,
      withdrawnAt: true,
      latestVerdict: true,
      latestAssessment: { select: { assessedOn: true } },
      addressees: {
        orderBy: { organisationId: 'asc' },
        select: { response: true, responseNote: true, organisation: { select: { name: true } } },
      },
    },
  },
} satisfies Prisma.ReportSelect;

export type PublicReport = Prisma.ReportGetPayload<{ select: typeof publicSelect }>;

/** A report as its public page shows it, or null when it is not marked public (or does not exist). */
export async function publicReport(db: PrismaClient | TransactionClient, id: number): Promise<PublicReport | null> {
  const report = await db.report.findFirst({ where: { id, isPublic: true }, select: publicSelect });
  return report ?? null;
}
