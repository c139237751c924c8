import type { Page } from 'playwright-core';

export const demoUsers = {
  administrator: { email: 'admin@example.org', password: 'admin-demo-2026' },
  inspector: { email: 'inspector@example.org', password: 'inspector-demo-2026' },
  leader: { email: 'leader@example.org', password: 'leader-demo-2026' },
  hmppsLeader: { email: 'hmpps.leader@example.org', password: 'hmpps-demo-2026' },
  viewer: { email: 'viewer@example.org', password: 'viewer-demo-2026' },
} as const;

export type User = { email: string; password: string };

/**
 * What shows that sign-in is done: the dashboard, where the app lands, or only the menu, for flows that go
 * straight on to a record and need not wait for the dashboard.
 */
export type SignedInAt = 'dashboard' | 'menu';

export async function signIn(page: Page, baseUrl: string, user: User, at: SignedInAt = 'dashboard'): Promise<void> {
  await page.goto(`${baseUrl}/#/login`);
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  if (at === 'dashboard') await page.getByRole('heading', { level: 1, name: /^Dashboard/ }).waitFor();
  else await page.getByRole('menuitem', { name: 'Recommendations' }).waitFor();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: /profile|account|user/i }).first().click();
  await page.getByRole('menuitem', { name: /logout|sign out/i }).click();
  await page.getByLabel('Email').waitFor();
}

/** A session for the API outside the browser, as a script in the test would use it. */
export async function apiSession(apiUrl: string, user: User) {
  let cookie = '';
  const post = async <T>(query: string, variables?: Record<string, unknown>) => {
    const response = await fetch(`${apiUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const setCookie = response.headers.getSetCookie();
    if (setCookie.length) cookie = setCookie.map((c) => c.split(';')[0]).join('; ');
    return (await response.json()) as { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
  };
  const login = await post('mutation ($email: String!, $password: String!) { login(input: { email: $email, password: $password }) { id } }', user);
  if (login.errors) throw new Error(`sign-in failed: ${login.errors[0]?.message}`);
  return post;
}

export type ApiPost = Awaited<ReturnType<typeof apiSession>>;

/** The id of a recommendation as the API names it, found by its reference in a report of that year. */
export async function recommendationId(post: ApiPost, reference: string, year: string): Promise<string> {
  const result = await post<{ recommendations: { edges: { node: { id: string; reference: string; report: { publishedOn: string } } }[] } }>(
    'query ($search: String) { recommendations(first: 100, filter: { search: $search }) { edges { node { id reference report { publishedOn } } } } }',
    { search: reference },
  );
  const found = result.data?.recommendations.edges.map((edge) => edge.node).find((node) => node.reference === reference && node.report.publishedOn.startsWith(year));
  if (!found) throw new Error(`no recommendation ${reference} of ${year}`);
  return found.id;
}
