import { describe, expect, it, vi } from 'vitest';
import { changeGeneration } from '../../server/db/change-feed.ts';
import { inTransaction, prisma } from '../../server/db/client.ts';
import { cachedRows } from '../../server/db/query-feeds.ts';
import { updateOrganisation } from '../../server/domain/organisations.ts';
import { updateReport } from '../../server/domain/reports.ts';
import { databaseKind, useChangeFeed, useTestDatabase, writeAsAnotherClient } from '../support/database.ts';
import { useDemo } from '../support/demo.ts';
import { gql, globalId, statementsFor, useGraphql } from '../support/graphql.ts';

const test = useTestDatabase();
// Whole answers are not kept here: this is about what is kept beneath them.
useGraphql({ responseCacheBytes: 0 });
const { as } = useDemo();
useChangeFeed(test);

const DASHBOARD = `{ dashboard { recommendationCount byStatus { status count } byOwner { owner { name } total }
  repeatedUnmet { reference owner { name } } overdueActionItems { description } progressByReport { report { title } } } }`;
const COUNT = `{ recommendations(first: 1, filter: { statuses: [IMPLEMENTED] }) { totalCount } }`;
const STATUS = `mutation ($input: UpdateRecommendationStatusInput!) { updateRecommendationStatus(input: $input) { status version } }`;

const implemented = async () => (await gql(COUNT)).recommendations.totalCount as number;

describe(`counts and the dashboard kept in memory until the records change, on ${databaseKind}`, () => {
  it('answer a dashboard and a count seen again without SQL, and show a write through the API at once', async () => {
    const first = await statementsFor(DASHBOARD);
    expect(first.count).toBeGreaterThan(0);
    const again = await statementsFor(DASHBOARD);
    expect(again.count).toBe(0);
    expect(again.data).toEqual(first.data);
    expect((await statementsFor(COUNT)).count).toBe(1);
    expect((await statementsFor(COUNT)).count).toBe(0);

    const before = await implemented();
    const rec = await prisma.recommendation.findFirstOrThrow({ where: { status: 'IN_PROGRESS', owner: { shortName: 'HMPPS' } } });
    await gql(STATUS, { input: { id: globalId('Recommendation', rec.id), version: rec.version, status: 'IMPLEMENTED', comment: 'Done.' } }, as.hmppsLeader);
    // No waiting: the answer to the write has been given, so every read after it shows it.
    expect(await implemented()).toBe(before + 1);
    const after = await statementsFor(DASHBOARD);
    expect(after.count).toBeGreaterThan(0);
    const implementedOf = (data: Record<string, any>) => data.dashboard.byStatus.find((row: { status: string }) => row.status === 'IMPLEMENTED')?.count ?? 0;
    expect(implementedOf(after.data)).toBe(implementedOf(first.data) + 1);
  });

  it('count this process’s own commit as a change the moment it commits, before any notification', async () => {
    const before = changeGeneration();
    expect(before).not.toBeNull();
    // A transaction that writes nothing announces nothing: only the commit itself can move the generation.
    await inTransaction(async (tx) => tx.$queryRaw`SELECT 1`);
    expect(changeGeneration()).toBe(before! + 1);
  });

  it('show a change written by someone else, straight to the database, as soon as it is announced', async () => {
    const before = await implemented();
    const rec = await prisma.recommendation.findFirstOrThrow({ where: { status: { not: 'IMPLEMENTED' } } });
    await writeAsAnotherClient(test, `UPDATE "Recommendation" SET status = 'IMPLEMENTED', version = version + 1 WHERE id = ${rec.id}`);
    await vi.waitFor(async () => expect(await implemented()).toBe(before + 1), { timeout: 5000, interval: 20 });
  });

  it('keep owners’ names and reports’ titles through a change to a recommendation, and show a rename at once', async () => {
    await statementsFor(DASHBOARD);
    const rec = await prisma.recommendation.findFirstOrThrow({ where: { status: 'IN_PROGRESS', owner: { shortName: 'HMPPS' } } });
    await gql(STATUS, { input: { id: globalId('Recommendation', rec.id), version: rec.version, status: 'IMPLEMENTED', comment: 'Done.' } }, as.hmppsLeader);
    // The figures, the repeated-and-unmet and the overdue action items are read again; owners and reports are not.
    expect((await statementsFor(DASHBOARD)).count).toBe(3);

    type Dashboard = { dashboard: { byOwner: { owner: { name: string } }[]; progressByReport: { report: { title: string } }[] } };
    const owners = (data: Dashboard) => data.dashboard.byOwner.map((row) => row.owner.name);
    const titles = (data: Dashboard) => data.dashboard.progressByReport.map((row) => row.report.title);
    const shown = await gql<Dashboard>(DASHBOARD);
    const owner = await prisma.organisation.findUniqueOrThrow({ where: { name: owners(shown)[0] } });
    await gql(
      'mutation ($input: UpdateOrganisationInput!) { updateOrganisation(input: $input) { version } }',
      { input: { id: globalId('Organisation', owner.id), version: owner.version, name: `${owner.name} (renamed)` } },
      as.admin,
    );
    expect(owners(await gql<Dashboard>(DASHBOARD))).toContain(`${owner.name} (renamed)`);

    const report = await prisma.report.findFirstOrThrow({ where: { title: titles(shown)[0] } });
    await gql(
      'mutation ($input: UpdateReportInput!) { updateReport(input: $input) { version } }',
      { input: { id: globalId('Report', report.id), version: report.version, title: `${report.title} (revised)` } },
      as.inspector,
    );
    expect(titles(await gql<Dashboard>(DASHBOARD))).toContain(`${report.title} (revised)`);

    await writeAsAnotherClient(test, `UPDATE "Report" SET title = title || ' (corrected)' WHERE id = ${report.id}`);
    await vi.waitFor(async () => expect(titles(await gql<Dashboard>(DASHBOARD))).toContain(`${report.title} (revised) (corrected)`), { timeout: 5000, interval: 20 });
    await writeAsAnotherClient(test, `UPDATE "Organisation" SET name = name || ' again' WHERE id = ${owner.id}`);
    await vi.waitFor(async () => expect(owners(await gql<Dashboard>(DASHBOARD))).toContain(`${owner.name} (renamed) again`), { timeout: 5000, interval: 20 });
  });

  it('count this process’s own change to an organisation or a report the moment it commits', async () => {
    const owner = await prisma.organisation.findFirstOrThrow({ where: { shortName: 'HMPPS' } });
    const report = await prisma.report.findFirstOrThrow({ orderBy: { id: 'asc' } });
    // Read straight after the commit, before a notification could be heard.
    const name = async () => (await cachedRows('Organisation', {}, `name ${owner.id}`, (asked) => prisma.organisation.findUniqueOrThrow({ ...asked, where: { id: owner.id } }))).name;
    const title = async () => (await cachedRows('Report', {}, `title ${report.id}`, (asked) => prisma.report.findUniqueOrThrow({ ...asked, where: { id: report.id } }))).title;
    expect([await name(), await title()]).toEqual([owner.name, report.title]);
    await inTransaction((tx) => updateOrganisation(tx, as.admin, { id: owner.id, version: owner.version, changes: { name: `${owner.name} (renamed)` } }));
    expect(await name()).toBe(`${owner.name} (renamed)`);
    await inTransaction((tx) => updateReport(tx, as.inspector, { id: report.id, version: report.version, changes: { title: `${report.title} (revised)` } }));
    expect(await title()).toBe(`${report.title} (revised)`);
  });
});
