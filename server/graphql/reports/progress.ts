import { Prisma } from '../../db/generated/prisma/client.ts';
import { prisma } from '../../db/client.ts';
import { progressSql } from '../../domain/recommendation-rules.ts';
import { builder } from '../builder.ts';

export type ReportProgressShape = {
  recommendationCount: number;
  implementedByOwners: number;
  assessedByInspectors: number;
  achievedByInspectors: number;
};

export const ReportProgress = builder.objectRef<ReportProgressShape>('ReportProgress').implement({
  description:
    'How far a report’s recommendations have got: what owners report against what inspectors have verified. The gap between the two shares is the point.',
  fields: (t) => ({
    recommendationCount: t.exposeInt('recommendationCount', { description: 'Recommendations in the report, withdrawn ones left out (they are no longer asked for).' }),
    implementedByOwners: t.exposeInt('implementedByOwners', { description: 'Those whose owners report them implemented.' }),
    assessedByInspectors: t.exposeInt('assessedByInspectors', { description: 'Those with an inspector’s verdict.' }),
    achievedByInspectors: t.exposeInt('achievedByInspectors', { description: 'Those whose latest verdict is achieved.' }),
    shareImplemented: t.float({
      description: 'Share reported implemented by owners, from 0 to 1.',
      resolve: (p) => (p.recommendationCount ? p.implementedByOwners / p.recommendationCount : 0),
    }),
    shareAchieved: t.float({
      description: 'Share verified achieved by inspectors, from 0 to 1.',
      resolve: (p) => (p.recommendationCount ? p.achievedByInspectors / p.recommendationCount : 0),
    }),
  }),
});

/** Progress of several reports in one grouped query (the dataloader batches a page of reports). */
export async function loadReportProgress(reportIds: readonly number[]): Promise<ReportProgressShape[]> {
  const rows = await prisma.$queryRaw<({ reportId: number } & ReportProgressShape)[]>`
    SELECT r."reportId", ${progressSql('r')}
    FROM "Recommendation" r WHERE r."reportId" IN (${Prisma.join([...reportIds])})
    GROUP BY r."reportId"`;
  const byReport = new Map(rows.map((row) => [row.reportId, row]));
  return reportIds.map(
    (id) => byReport.get(id) ?? { recommendationCount: 0, implementedByOwners: 0, assessedByInspectors: 0, achievedByInspectors: 0 },
  );
}
