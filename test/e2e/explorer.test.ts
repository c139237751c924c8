import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useAdminApp } from './support/admin-app.ts';
import { screenshot, sidewaysOverflow } from './support/browser.ts';
import { demoUsers, signIn } from './support/session.ts';

// The API explorer is GraphiQL, bundled into the admin app: it must run operations with the
// session, show the schema's types as GraphQL writes them, and load nothing from elsewhere.
const app = useAdminApp();

async function openExplorer(user: { email: string; password: string }, width: number) {
  const { page } = await app.browser({ width, height: 900 });
  page.setDefaultTimeout(90_000);
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  await signIn(page, app.url, user);
  // The schema arrives by introspection, as GraphiQL asks for it.
  const introspection = page.waitForResponse((response) => response.url().endsWith('/graphql') && /__schema/.test(response.request().postData() ?? ''));
  await page.goto(`${app.url}/#/explorer`);
  await page.getByRole('heading', { level: 1, name: 'API explorer' }).waitFor();
  const schema = (await (await introspection).json()) as { data?: { __schema?: unknown }; errors?: unknown[] };
  expect(schema.errors).toBeUndefined();
  expect(schema.data?.__schema).toBeDefined();
  await page.locator('.graphiql-query-editor').getByText('OverdueRecommendations').waitFor();
  return { page, problems };
}

const editorHeight = async (page: Page) => (await page.locator('.graphiql-query-editor').boundingBox())!.height;

/** Runs the operation in the editor; returns what the server answered. */
async function run(page: Page) {
  const answer = page.waitForResponse((response) => response.url().endsWith('/graphql') && (response.request().postData() ?? '').includes('"operationName":"OverdueRecommendations"'));
  await page.getByRole('button', { name: /^Execute query/ }).click();
  const body = (await (await answer).json()) as { data?: { recommendations: { totalCount: number } }; errors?: unknown[] };
  // The answer is shown in the response pane.
  await page.locator('.graphiql-response').getByText('totalCount').first().waitFor();
  return body;
}

describe('API explorer', () => {
  it('runs the example operation as an inspector, keeps the editor its size, and documents the types as GraphQL writes them', async () => {
    const { page, problems } = await openExplorer(demoUsers.inspector, 1280);
    const before = await editorHeight(page);
    expect(before).toBeGreaterThan(200);
    const body = await run(page);
    expect(body.errors).toBeUndefined();
    expect(body.data?.recommendations.totalCount).toBeGreaterThan(0);
    expect(Math.abs((await editorHeight(page)) - before)).toBeLessThan(2);
    // Running again changes nothing in the layout either.
    await run(page);
    expect(Math.abs((await editorHeight(page)) - before)).toBeLessThan(2);
    await screenshot(page, 'explorer-inspector-1280');

    await page.getByRole('button', { name: 'Show Documentation Explorer' }).click();
    const docs = page.locator('.graphiql-doc-explorer');
    await docs.getByRole('link', { name: 'Query' }).first().click();
    await docs.getByText('apiTokens').first().waitFor();
    const text = (await docs.innerText()).replace(/\s+/g, ' ');
    expect(text).toContain('[ApiToken!]!');
    expect(text).toContain('QueryOrganisationsConnection!');
    expect(text).not.toMatch(/\[!\]|!Query/);
    await screenshot(page, 'explorer-docs-1280');
    expect(problems).toEqual([]);
    // Monaco and its workers are the heaviest page of the app: a loaded machine needs the time.
  }, 180_000);

  it('runs operations as a viewer in a narrow window', async () => {
    const { page, problems } = await openExplorer(demoUsers.viewer, 800);
    const before = await editorHeight(page);
    const body = await run(page);
    expect(body.errors).toBeUndefined();
    expect(body.data?.recommendations.totalCount).toBeGreaterThan(0);
    expect(Math.abs((await editorHeight(page)) - before)).toBeLessThan(2);
    // Nothing scrolls sideways.
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'explorer-viewer-800');
    expect(problems).toEqual([]);

    // GraphiQL keeps tabs and their results in the browser: kept under this person's name
    // while signed in, and gone once they sign out, so the next person at this computer
    // cannot read them.
    const kept = () => page.evaluate<[string, string][]>('Object.entries(localStorage).filter(([key]) => /graphiql|explorer/i.test(key))');
    const whileSignedIn = await kept();
    expect(whileSignedIn.length).toBeGreaterThan(0);
    expect(whileSignedIn.every(([key]) => key.startsWith('tracker-explorer:'))).toBe(true);
    await page.getByRole('button', { name: /, account menu$/ }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.getByLabel('Email').waitFor();
    expect(await kept()).toEqual([]);
  }, 180_000);
});
