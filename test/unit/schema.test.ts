import { type GraphQLObjectType, type GraphQLResolveInfo, isEnumType, isInputObjectType, isInterfaceType, isObjectType, isScalarType, isUnionType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { committedSchema, printedSchema } from '../../server/graphql/printed-schema.ts';
import { schema } from '../../server/graphql/schema.ts';

describe('the GraphQL schema', () => {
  // A promise per object made graphql-js wait on each row of a list (plugins/sync-global-id.ts).
  it('answers a node’s global id at once, not with a promise', () => {
    const type = schema.getType('Recommendation') as GraphQLObjectType;
    const info = { fieldName: 'id', parentType: type, path: { prev: undefined, key: 'id', typename: 'Recommendation' }, schema } as unknown as GraphQLResolveInfo;
    const id = type.getFields().id!.resolve!({ id: 7 }, {}, {}, info);
    expect(id).toBe(Buffer.from('Recommendation:7').toString('base64'));
  });

  it('matches the committed schema.graphql (run `npm run schema` and commit the result)', () => {
    expect(printedSchema()).toBe(committedSchema());
  });

  it('describes every type, field, argument and enum value: the schema is the API’s documentation', () => {
    const missing: string[] = [];
    // Types the Relay plugin writes itself (connections, edges, PageInfo, Node) are standard.
    const generated = (name: string) => /Connection$|ConnectionEdge$|^PageInfo$|^Node$/.test(name);
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || generated(type.name) || (isScalarType(type) && ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name))) continue;
      if (!type.description) missing.push(type.name);
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description && !(field.name === 'id' && !isInputObjectType(type))) missing.push(`${type.name}.${field.name}`);
          if ('args' in field) {
            for (const arg of field.args) {
              const relayArg = ['first', 'last', 'after', 'before'].includes(arg.name);
              if (!arg.description && !relayArg) missing.push(`${type.name}.${field.name}(${arg.name})`);
            }
          }
        }
      }
      if (isEnumType(type)) {
        for (const value of type.getValues()) {
          if (!value.description && !['ORGANISATION', 'REPORT', 'RECOMMENDATION', 'ACTION_ITEM', 'EVIDENCE', 'ASSESSMENT', 'USER', 'API_TOKEN'].includes(value.name)) {
            missing.push(`${type.name}.${value.name}`);
          }
        }
      }
      if (isUnionType(type) && !type.description) missing.push(type.name);
    }
    expect(missing).toEqual([]);
  });
});

describe('authorization on the schema', () => {
  type Options = { authScopes?: unknown; skipTypeScopes?: boolean };
  const optionsOf = (extensions: Record<string, unknown> | null | undefined) => (extensions?.pothosOptions ?? {}) as Options;

  it('gates every mutation by a domain action, or lets anyone sign in and out', async () => {
    const { ACTIONS } = await import('../../server/domain/permissions.ts');
    const rules = Object.values(schema.getMutationType()!.getFields()).map((field) => [field.name, optionsOf(field.extensions).authScopes] as const);
    for (const [name, rule] of rules) {
      const may = (rule as { may?: string } | undefined)?.may;
      if (['login', 'logout'].includes(name)) expect(rule, name).toEqual({ anyone: true });
      else expect(ACTIONS, name).toContain(may);
    }
  });

  it('declares a rule on every mutation (secure by default: a new one without a rule fails here)', () => {
    const missing = Object.values(schema.getMutationType()!.getFields())
      .filter((field) => optionsOf(field.extensions).authScopes === undefined)
      .map((field) => field.name);
    expect(missing).toEqual([]);
  });

  it('requires authentication on every query unless the field says otherwise', () => {
    const query = schema.getQueryType()!;
    expect(optionsOf(query.extensions).authScopes).toEqual({ may: 'readRecords' });
    const open = Object.values(query.getFields())
      .filter((field) => optionsOf(field.extensions).skipTypeScopes)
      .map((field) => [field.name, optionsOf(field.extensions).authScopes]);
    expect(open).toEqual([['permissions', { anyone: true }], ['me', { anyone: true }]]);
  });
});
