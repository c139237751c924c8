import { describe, expect, it } from 'vitest';
import { databaseKind, useTestDatabase } from '../support/database.ts';
import { useDemo } from '../support/demo.ts';
import { prisma } from '../../server/db/client.ts';
import { gql, useGraphql } from '../support/graphql.ts';

useTestDatabase();
useGraphql();
const { demo, as } = useDemo();

const SEARCH = `query ($search: String) { recommendations(first: 100, filter: { search: $search }) { totalCount edges { node { id reference text } } } }`;
const found = async (search: string) => (await gql(SEARCH, { search }, as.viewer)).recommendations.edges.map((edge: { node: { id: string; reference: string; text: string } }) => edge.node);

describe(`searching recommendations on ${databaseKind}`, () => {
  it('finds a recommendation by the words of its action plan, not only its own text', async () => {
    // "Cardiff" is in no recommendation's text, only in actions, a lead's or an owner's name.
    const cardiff = await found('cardiff');
    expect(cardiff.every((node: { text: string }) => !/cardiff/i.test(node.text))).toBe(true);
    expect(cardiff.map((node: { id: string }) => node.id)).toContain(demo.rec(2023, 'R3').id);
    // By the lead person of an action.
    expect((await found('Senior probation officer, quality')).map((node: { id: string }) => node.id)).toContain(demo.rec(2023, 'R3').id);
    // By the owner of an action, by name.
    expect((await found('Cardiff and Vale PDU')).map((node: { id: string }) => node.id)).toContain(demo.rec(2023, 'R3').id);
    // Each recommendation once, however many of its actions match.
    const ids = (await found('Quarterly audit')).map((node: { id: string }) => node.id);
    expect(new Set(ids).size).toBe(ids.length);
    // Still by its own text and reference, and wildcards are literal.
    expect((await found('spousal assault')).map((node: { reference: string }) => node.reference)).toContain('R4');
    expect(await found('100%_')).toEqual([]);
  });

  it('follows the plan as it changes: an action added, reworded, its owner renamed, removed', async () => {
    const rec = demo.rec(2023, 'R12');
    const has = async (search: string) => (await found(search)).some((node: { id: string }) => node.id === rec.id);
    expect(await has('Zanzibar pilot')).toBe(false);
    const { createActionItem } = await gql(`mutation ($input: CreateActionItemInput!) { createActionItem(input: $input) { id version } }`, {
      input: { recommendationId: rec.id, description: 'Zanzibar pilot of joint visits', ownerId: demo.org('Wales').id, dueDate: '2031-03-31', leadPerson: 'Head of Quokka unit' },
    }, as.leader);
    expect(await has('Zanzibar pilot')).toBe(true);
    expect(await has('Quokka unit')).toBe(true);
    await gql(`mutation ($input: UpdateActionItemInput!) { updateActionItem(input: $input) { version } }`, {
      input: { id: createActionItem.id, version: createActionItem.version, description: 'Joint visits in Gwent' },
    }, as.leader);
    expect(await has('Zanzibar pilot')).toBe(false);
    // An organisation renamed: the plans whose actions it owns are found by the new name.
    await prisma.organisation.updateMany({ where: { name: 'Probation Service Wales' }, data: { name: 'Probation Service Cymru Tiramisu' } });
    expect(await has('Cymru Tiramisu')).toBe(true);
    await gql(`mutation ($input: DeleteActionItemInput!) { deleteActionItem(input: $input) { deletedId } }`, {
      input: { id: createActionItem.id, version: createActionItem.version + 1, comment: 'Not needed.' },
    }, as.leader);
    expect(await has('Gwent')).toBe(false);
  });
});
