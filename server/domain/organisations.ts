import { forgetAllAccessAtCommit } from '../auth/access-cache.ts';
import type { TransactionClient } from '../db/client.ts';
import type { OrganisationKind } from '../db/generated/prisma/enums.ts';
import { badField, badUserInput, notFound } from '../errors.ts';
import { authorize, type Actor } from './actor.ts';
import { checkOrganisations } from './known-records.ts';
import { refreshOrganisationPaths } from './derived-facts.ts';
import { recordHistory, type HistoryEntry } from './history.ts';
import { organisationLabels } from './labels.ts';
import { checkVersion, expectUpdated } from './versions.ts';

async function checkName(tx: TransactionClient, name: string, self?: number): Promise<void> {
  const clash = await tx.organisation.findFirst({ where: { name: { equals: name, mode: 'insensitive' }, id: { not: self } }, select: { id: true } });
  if (clash) throw badField(['name'], 'another organisation has this name');
}

/** Former names as kept: trimmed, each once, oldest first, never the current name. */
function formerNamesOf(names: string[], currentName: string): string[] {
  const kept: string[] = [];
  for (const name of names.map((value) => value.trim())) {
    if (name !== '' && name !== currentName && !kept.includes(name)) kept.push(name);
  }
  return kept;
}

export async function createOrganisation(
  tx: TransactionClient,
  actor: Actor,
  input: { name: string; shortName?: string | null; formerNames?: string[] | null; kind: OrganisationKind; parentId?: number | null },
): Promise<number> {
  authorize(actor, 'administer');
  await checkName(tx, input.name);
  if (input.parentId) await checkOrganisations(tx, [input.parentId], ['parentId']);
  const row = await tx.organisation.create({
    data: { name: input.name, shortName: input.shortName, formerNames: formerNamesOf(input.formerNames ?? [], input.name), kind: input.kind, parentId: input.parentId },
    select: { id: true },
  });
  await refreshOrganisationPaths(tx, [row.id]);
  await recordHistory(tx, actor, { kind: 'CREATED', subject: 'ORGANISATION', subjectId: row.id, toValue: input.name });
  return row.id;
}

export async function updateOrganisation(
  tx: TransactionClient,
  actor: Actor,
  input: {
    id: number;
    version: number;
    changes: { name?: string; shortName?: string | null; formerNames?: string[]; kind?: OrganisationKind; parentId?: number | null; active?: boolean; responseDays?: number };
  },
): Promise<number> {
  authorize(actor, 'administer');
  const found = await tx.organisation.findUnique({ where: { id: input.id } });
  if (!found) throw notFound('The organisation');
  const current = checkVersion(found, input.version, 'The organisation');
  const { changes } = input;
  const on = { subject: 'ORGANISATION' as const, subjectId: input.id };
  const history: HistoryEntry[] = [];
  if (changes.name !== undefined && changes.name !== current.name) {
    await checkName(tx, changes.name, input.id);
    history.push({ ...on, kind: 'UPDATED', field: 'name', fromValue: current.name, toValue: changes.name });
  }
  if (changes.shortName !== undefined && changes.shortName !== current.shortName) {
    history.push({ ...on, kind: 'UPDATED', field: 'shortName', fromValue: current.shortName, toValue: changes.shortName });
  }
  // Earlier reports address a renamed body by the name it had: a renaming keeps the old name among
  // its former names, so repeats made to it then are still matched to it (repeat-ranking.ts).
  const renamed = changes.name !== undefined && changes.name !== current.name;
  const formerNames = formerNamesOf([...(changes.formerNames ?? current.formerNames), ...(renamed ? [current.name] : [])], changes.name ?? current.name);
  const formerNamesChanged = formerNames.join('\n') !== current.formerNames.join('\n');
  if (formerNamesChanged) {
    history.push({ ...on, kind: 'UPDATED', field: 'formerNames', fromValue: current.formerNames.join('; ') || null, toValue: formerNames.join('; ') || null });
  }
  if (changes.kind !== undefined && changes.kind !== current.kind) {
    history.push({ ...on, kind: 'UPDATED', field: 'kind', fromValue: current.kind, toValue: changes.kind });
  }
  if (changes.parentId !== undefined && changes.parentId !== current.parentId) {
    if (changes.parentId !== null) {
      const parent = await tx.organisation.findUnique({ where: { id: changes.parentId }, select: { path: true } });
      if (!parent) throw badField(['changes', 'parentId'], 'no such organisation');
      // Its new parent may not be itself or anything under it.
      if (parent.path.startsWith(current.path)) throw badField(['changes', 'parentId'], 'an organisation cannot sit under itself');
    }
    history.push({ ...on, kind: 'UPDATED', field: 'parent', fromValue: await organisationLabels(tx, [current.parentId]), toValue: await organisationLabels(tx, [changes.parentId]) });
  }
  // Deactivating removes nothing: its records, users and history stay, it is no longer offered
  // as an owner and refuses new work (known-records.ts); reactivating undoes just that.
  if (changes.active !== undefined && changes.active !== current.active) {
    history.push({ ...on, kind: 'UPDATED', field: 'active', fromValue: current.active ? 'active' : 'inactive', toValue: changes.active ? 'active' : 'inactive' });
  }
  // An inspectorate's reports loaded from now on take it; reports already loaded keep their due date.
  if (changes.responseDays !== undefined && changes.responseDays !== current.responseDays) {
    history.push({ ...on, kind: 'UPDATED', field: 'responseDays', fromValue: String(current.responseDays), toValue: String(changes.responseDays) });
  }
  if (history.length === 0) throw badUserInput('Nothing to change: every value given is the current one.');
  const { count } = await tx.organisation.updateMany({
    where: { id: input.id, version: input.version },
    data: {
      name: changes.name,
      shortName: changes.shortName,
      formerNames: formerNamesChanged ? formerNames : undefined,
      kind: changes.kind,
      parentId: changes.parentId,
      active: changes.active,
      responseDays: changes.responseDays,
      version: { increment: 1 },
    },
  });
  expectUpdated(count, 'The organisation');
  if (changes.parentId !== undefined) {
    await refreshOrganisationPaths(tx, [input.id]);
    // Sessions and tokens kept in memory carry their user's organisation's place in the tree.
    forgetAllAccessAtCommit();
  }
  await recordHistory(tx, actor, history);
  return input.id;
}
