import type { Page } from 'playwright-core';

export const demoUsers = {
  administrator: { email: 'admin@example.org', password: 'admin-demo-2026' },
  inspector: { email: 'inspector@example.org', password: 'inspector-demo-2026' },
  leader: { email: 'leader@example.org', password: 'leader-demo-2026' },
  hmppsLeader: { email: 'hmpps.leader@example.org', password: 'hmpps-demo-2026' },
  viewer: { email: 'viewer@example.org', password: 'viewer-demo-2026' },
} as const;

export async function signIn(page: Page, baseUrl: string, user: { email: string; password: string }): Promise<void> {
  await page.goto(`${baseUrl}/#/login`);
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: /^Dashboard/ }).waitFor();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: /profile|account|user/i }).first().click();
  await page.getByRole('menuitem', { name: /logout|sign out/i }).click();
  await page.getByLabel('Email').waitFor();
}

/** A session for the API outside the browser, as a script in the test would use it. */
export async function apiSession(apiUrl: string, user: { email: string; password: string }) {
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
