import { z } from 'zod';
import { prisma } from '../../db/client.ts';
import { OrganisationKind as OrganisationKinds } from '../../db/generated/prisma/enums.ts';
import { createOrganisation, updateOrganisation } from '../../domain/organisations.ts';
import type { Prisma } from '../../db/generated/prisma/client.ts';
import { withinOrganisation } from '../../domain/organisation-tree.ts';
import { notFound } from '../../errors.ts';
import { builder } from '../builder.ts';
import { encodeNodeId, globalIdOf } from '../shared/ids.ts';
import { write } from '../shared/mutation.ts';
import { NAME_MAX, optionalText, requiredText } from '../shared/validation.ts';
import { OFFSET_DESCRIPTION, SortDirection } from '../shared/pagination.ts';
import { listShape } from '../shared/list.ts';
import { OrganisationKind } from './enums.ts';
import { containsText, searchText } from '../shared/search.ts';
import { organisationScope } from '../../domain/permissions.ts';
import type { Actor } from '../../domain/actor.ts';
import { Action } from './auth.ts';
import { ancestorsOf } from '../../domain/organisation-tree.ts';

export const Organisation = builder.prismaNode('Organisation', {
  id: { field: 'id' },
  select: { id: true },
  // node(id) answers null for a record that does not exist (or no longer does), as Relay expects.
  nullable: true,
  description: 'A body that owns recommendations or actions, or an inspectorate. Leaders of a parent organisation act on its children’s work.',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Full name.' }),
    shortName: t.exposeString('shortName', { nullable: true, description: 'Abbreviation, e.g. HMPPS.' }),
    formerNames: t.exposeStringList('formerNames', {
      description: 'Names it was known by before, oldest first (e.g. National Offender Management Service): earlier reports address it by these.',
    }),
    kind: t.expose('kind', { type: OrganisationKind, description: 'What kind of body it is.' }),
    active: t.exposeBoolean('active', {
      description: 'Whether it takes new work: an inactive organisation owns no new actions or recommendations; its records and history stay.',
    }),
    responseDays: t.exposeInt('responseDays', {
      description: 'For an inspectorate: days after publication that addressees’ responses to its reports are due (the due date of each report loaded).',
    }),
    parent: t.relation('parent', { nullable: true, description: 'The body it belongs to.' }),
    children: t.relation('children', { description: 'Bodies that belong to it, by name.', query: { orderBy: { name: 'asc' } } }),
    ancestorIds: t.idList({
      description: 'The bodies it belongs to, directly or further up the tree, its parent first.',
      select: { path: true },
      resolve: (organisation) => ancestorsOf(organisation.path).map((id) => encodeNodeId('Organisation', id)),
    }),
    depth: t.int({
      description: 'How far down the tree it is: 0 for a body with no parent.',
      select: { path: true },
      resolve: (organisation) => ancestorsOf(organisation.path).length,
    }),
    version: t.exposeInt('version', { description: 'Increases with every change; send it back with an update.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was added.' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime', description: 'When it last changed.' }),
  }),
});

const OrganisationOrderField = builder.enumType('OrganisationOrderField', {
  description: 'What an organisation list can be sorted by.',
  values: {
    NAME: { description: 'Name.' },
    KIND: { description: 'Kind, then name.' },
    TREE: { description: 'Tree order: each organisation followed by those under it.' },
  },
});

const OrganisationOrder = builder.inputType('OrganisationOrder', {
  description: 'Sort order for organisations.',
  fields: (t) => ({
    field: t.field({ type: OrganisationOrderField, required: true, description: 'What to sort by.' }),
    direction: t.field({ type: SortDirection, defaultValue: 'ASC', description: 'Which way.' }),
  }),
});

const OrganisationFilter = builder.inputType('OrganisationFilter', {
  description: 'Narrows a list of organisations. Conditions combine with AND.',
  fields: (t) => ({
    kinds: t.field({ type: [OrganisationKind], description: 'Any of these kinds.' }),
    within: t.id({
      description: 'This organisation and all those under it.',
    }).validate(globalIdOf('Organisation').nullish()),
    parentId: t.id({ description: 'Directly under this organisation.' }).validate(globalIdOf('Organisation').nullish()),
    search: t.string({ description: 'Text in the name or short name (matched literally, ignoring case).' }).validate(searchText),
    active: t.boolean({ description: 'Only active organisations (true), or only inactive ones (false).' }),
    viewerMay: t.field({
      type: Action,
      description: 'Only those on whose records you may take this action: e.g. MANAGE_ACTION_ITEM gives the owners you may give an action to.',
    }),
  }),
});

type Filter = typeof OrganisationFilter.$inferInput;

function organisationWhere(filter: Filter | null | undefined, actor: Actor | null): Prisma.OrganisationWhereInput {
  const where: Prisma.OrganisationWhereInput[] = [];
  if (typeof filter?.active === 'boolean') where.push({ active: filter.active });
  if (filter?.viewerMay) {
    const scope = organisationScope(actor, filter.viewerMay);
    if (scope === 'nowhere') where.push({ id: { in: [] } });
    else if (scope !== 'everywhere') where.push({ path: { startsWith: scope.within } });
  }
  if (filter?.kinds?.length) where.push({ kind: { in: filter.kinds } });
  if (filter?.within) where.push(withinOrganisation(filter.within));
  if (filter?.parentId) where.push({ parentId: filter.parentId });
  if (filter?.search) {
    where.push({ OR: [{ name: containsText(filter.search) }, { shortName: containsText(filter.search) }] });
  }
  return { AND: where };
}

function organisationOrder(order: typeof OrganisationOrder.$inferInput | null | undefined): Prisma.OrganisationOrderByWithRelationInput[] {
  const direction = order?.direction === 'DESC' ? 'desc' : 'asc';
  switch (order?.field) {
    case 'KIND':
      return [{ kind: direction }, { name: 'asc' }, { id: 'asc' }];
    case 'TREE':
      return [{ path: direction }, { id: direction }];
    default:
      return [{ name: direction }, { id: direction }];
  }
}

builder.queryFields((t) => ({
  organisations: t.prismaConnection({
    type: 'Organisation',
    description: 'Organisations, by name unless sorted otherwise.',
    args: {
      filter: t.arg({ type: OrganisationFilter, description: 'Which organisations.' }),
      orderBy: t.arg({ type: OrganisationOrder, description: 'Sort order.' }),
      offset: t.arg.int({ description: OFFSET_DESCRIPTION }),
    },
    ...listShape('organisation', {
      where: (args: { filter?: Parameters<typeof organisationWhere>[0] }, context) => organisationWhere(args.filter, context.actor),
      orderBy: (args: { orderBy?: Parameters<typeof organisationOrder>[0] }) => organisationOrder(args.orderBy),
    }),
  }),
  organisation: t.prismaField({
    type: 'Organisation',
    description: 'One organisation.',
    args: { id: t.arg.id({ required: true, description: 'Its id.' }).validate(globalIdOf('Organisation')) },
    resolve: async (query, _parent, args) =>
      (await prisma.organisation.findUnique({ ...query, where: { id: args.id } })) ?? Promise.reject(notFound('The organisation')),
  }),
}));

const formerNamesInput = z.array(requiredText(NAME_MAX)).max(20, 'at most 20 former names').nullish();

const CreateOrganisationInput = builder.inputType('CreateOrganisationInput', {
  description: 'A new organisation.',
  fields: (t) => ({
    name: t.string({ required: true, description: 'Full name, unique.' }).validate(requiredText(NAME_MAX)),
    shortName: t.string({ description: 'Abbreviation.' }).validate(optionalText(40)),
    formerNames: t.stringList({ description: 'Names it was known by before, oldest first.' }).validate(formerNamesInput),
    kind: t.field({ type: OrganisationKind, required: true, description: 'What kind of body it is.' }),
    parentId: t.id({ description: 'The body it belongs to.' }).validate(globalIdOf('Organisation').nullish()),
  }),
});

const UpdateOrganisationInput = builder.inputType('UpdateOrganisationInput', {
  description: 'Changes to an organisation. Omitted fields stay as they are.',
  fields: (t) => ({
    id: t.id({ required: true, description: 'The organisation.' }).validate(globalIdOf('Organisation')),
    version: t.int({ required: true, description: 'The version you last read.' }),
    name: t.string({ description: 'Full name, unique.' }).validate(requiredText(NAME_MAX).optional()),
    shortName: t.string({ description: 'Abbreviation; null to clear.' }).validate(optionalText(40)),
    formerNames: t.stringList({ description: 'Names it was known by before, oldest first; the whole list. A renaming adds the old name itself.' }).validate(formerNamesInput),
    kind: t.field({ type: OrganisationKind, description: 'What kind of body it is.' }).validate(z.enum(OrganisationKinds).optional()),
    parentId: t.id({ description: 'The body it belongs to; null for none.' }).validate(globalIdOf('Organisation').nullish()),
    active: t.boolean({ description: 'false to deactivate it (it takes no new work; nothing is removed), true to reactivate it.' }).validate(z.boolean().optional()),
    responseDays: t.int({ description: 'For an inspectorate: days after publication that addressees’ responses to its reports are due (reports loaded from now on).' }).validate(
      z.number().int().min(1, 'must be at least 1').max(730, 'must be at most 730').optional(),
    ),
  }),
});

builder.mutationFields((t) => ({
  createOrganisation: t.prismaField({
    type: 'Organisation',
    authScopes: { may: 'administer' },
    description: 'Adds an organisation to the tree.',
    args: { input: t.arg({ type: CreateOrganisationInput, required: true, description: 'The organisation.' }) },
    resolve: async (query, _root, { input }, context) => {
      const id = await write(context, (tx, actor) => createOrganisation(tx, actor, input));
      return prisma.organisation.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  updateOrganisation: t.prismaField({
    type: 'Organisation',
    authScopes: { may: 'administer' },
    description: 'Renames, moves, deactivates or reactivates an organisation; what is under it moves with it.',
    args: { input: t.arg({ type: UpdateOrganisationInput, required: true, description: 'The changes.' }) },
    resolve: async (query, _root, { input }, context) => {
      const { id, version, ...changes } = input;
      await write(context, (tx, actor) =>
        updateOrganisation(tx, actor, {
          id,
          version,
          changes: {
            name: changes.name ?? undefined,
            shortName: changes.shortName,
            formerNames: changes.formerNames ?? undefined,
            kind: changes.kind ?? undefined,
            parentId: changes.parentId,
            active: changes.active ?? undefined,
            responseDays: changes.responseDays ?? undefined,
          },
        }),
      );
      return prisma.organisation.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
}));
