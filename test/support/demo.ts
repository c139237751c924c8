import { beforeAll } from 'vitest';
import { loadDemoDataIfEmpty } from '../../prisma/seed/demo.ts';
import { prisma } from '../../server/db/client.ts';
import { demoActors, globalId } from './graphql.ts';

/** Named records of the demo data, as global ids, for readable tests. */
export async function demoRecords() {
  const reports = await prisma.report.findMany({ orderBy: { publishedOn: 'asc' } });
  const recs = await prisma.recommendation.findMany({ include: { report: true } });
  const orgs = await prisma.organisation.findMany();
  const themes = await prisma.theme.findMany();
  const rec = (year: number, reference: string) => {
    const found = recs.find((r) => r.report.publishedOn.getUTCFullYear() === year && r.reference === reference);
    if (!found) throw new Error(`no demo recommendation ${year} ${reference}`);
    return { id: globalId('Recommendation', found.id), dbId: found.id, version: found.version };
  };
  const org = (shortNameOrName: string) => {
    const found = orgs.find((o) => o.shortName === shortNameOrName || o.name === shortNameOrName);
    if (!found) throw new Error(`no demo organisation ${shortNameOrName}`);
    return { id: globalId('Organisation', found.id), dbId: found.id };
  };
  const theme = (name: string) => {
    const found = themes.find((t) => t.name === name);
    if (!found) throw new Error(`no demo theme ${name}`);
    return { id: globalId('Theme', found.id), dbId: found.id };
  };
  const report = (year: number) => {
    const found = reports.find((r) => r.publishedOn.getUTCFullYear() === year)!;
    return { id: globalId('Report', found.id), dbId: found.id, version: found.version };
  };
  return { rec, org, theme, report };
}

type DemoRecords = Awaited<ReturnType<typeof demoRecords>>;
type DemoActors = Awaited<ReturnType<typeof demoActors>>;

/**
 * Loads the demo data into the test file's database before its tests, and names its
 * records (`demo.rec(2023, 'R6')`) and users as actors (`as.inspector`).
 */
export function useDemo(): { demo: DemoRecords; as: DemoActors } {
  const demo = {} as DemoRecords;
  const as = {} as DemoActors;
  beforeAll(async () => {
    await loadDemoDataIfEmpty();
    Object.assign(demo, await demoRecords());
    Object.assign(as, await demoActors());
  });
  return { demo, as };
}
