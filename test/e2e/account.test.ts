import { describe, expect, it } from 'vitest';
import { useAdminApp } from './support/admin-app.ts';
import { screenshotsAtTwoWidths as shots, sidewaysOverflow } from './support/browser.ts';
import { apiSession, demoUsers } from './support/session.ts';

/**
 * Everyone has a page of their own account, from the menu under their name: who they are signed
 * in as and the changes to the account, an API token an administrator made for them included.
 */

const app = useAdminApp();
const TOKEN = 'Quarterly return to the board';

describe('your account', () => {
  it('shows a leader the token an administrator made for them, and the administrator the same on the leader’s page', async () => {
    const admin = await apiSession(app.url, demoUsers.administrator);
    const leaders = await admin<{ users: { edges: { node: { id: string; email: string } }[] } }>(
      'query ($search: String) { users(first: 5, filter: { search: $search }) { edges { node { id email } } } }', { search: demoUsers.leader.email });
    const leaderId = leaders.data!.users.edges.find((edge) => edge.node.email === demoUsers.leader.email)!.node.id;
    const me = await admin<{ me: { name: string } }>('{ me { name } }');
    const made = await admin('mutation ($input: CreateApiTokenInput!) { createApiToken(input: $input) { token { id } } }',
      { input: { userId: leaderId, name: TOKEN, access: 'READ' } });
    expect(made.errors).toBeUndefined();
    const line = `${me.data!.me.name} added an API token “${TOKEN}” (Read only)`;

    const leader = await app.signedIn(demoUsers.leader, { at: 'menu' });
    // Renamed by an administrator after signing in: the page reads the account afresh.
    const version = await admin<{ node: { version: number } }>('query ($id: ID!) { node(id: $id) { ... on User { version } } }', { id: leaderId });
    const renamed = await admin('mutation ($input: UpdateUserInput!) { updateUser(input: $input) { id } }',
      { input: { id: leaderId, version: version.data!.node.version, name: 'Lee Evans-Price' } });
    expect(renamed.errors).toBeUndefined();
    await leader.getByRole('button', { name: /, account menu$/ }).click();
    await leader.getByRole('menuitem', { name: 'Your account' }).click();
    await leader.getByRole('heading', { level: 1, name: 'Your account' }).waitFor();
    await leader.getByText(`Lee Evans-Price · ${demoUsers.leader.email}`).waitFor();
    const history = leader.getByRole('region', { name: 'History' });
    await history.getByText(line).waitFor();
    await history.getByText(/changed the user’s name from .* to .*Lee Evans-Price/).waitFor();
    // The name under the menu follows what the page read, without signing in again.
    await expect.poll(() => leader.getByRole('button', { name: /, account menu$/ }).innerText()).toContain('Lee Evans-Price');
    expect(await sidewaysOverflow(leader)).toBeLessThanOrEqual(0);
    await shots(leader, 'your-account-leader');

    const administrator = await app.signedIn(demoUsers.administrator, { at: 'menu' });
    await administrator.goto(app.showPage('users', leaderId));
    await administrator.getByRole('region', { name: 'History' }).getByText(line).waitFor();
  }, 240_000);
});
