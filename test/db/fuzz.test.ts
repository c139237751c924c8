import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
} from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDemoDataIfEmpty } from '../../prisma/seed/demo.ts';
import { randomSource } from '../../prisma/seed/synthetic.ts';
import { schema } from '../../server/graphql/schema.ts';
import { databaseFingerprint } from '../support/consistency.ts';
import { databaseKind, useTestDatabase } from '../support/database.ts';
import { demoActors, execute, globalId, useGraphql } from '../support/graphql.ts';

useTestDatabase();
useGraphql();

/**
 * Schema-driven fuzzing: every query and mutation, called with variables that
 * are valid, nearly valid, wrong or hostile. The server must never fail
 * internally, and a refused mutation must change nothing.
 */
const random = randomSource(20261124);
const b64 = (text: string) => Buffer.from(text).toString('base64');
const hostileStrings = [
  '', ' ', 'x'.repeat(20_000), "'; DROP TABLE \"Recommendation\"; --", '<script>alert(1)</script>', '\u0000', '\uD800',
  '💥'.repeat(50), '../../etc/passwd', '%s%n', '{"$gt": ""}', 'null', '2023-02-30', '9999-12-31T23:59:59Z', 'javascript:alert(1)',
  // Search text that is a pattern to ILIKE, and cursors forged or from nowhere.
  'abc\\', '100%', '_', '\\', b64('GPC:N:99999999999'), b64('GPC:S:abc'), b64('GPC:N:-1'), b64('GPC:J:{}'),
];
const hostileDates = ['0000-01-01', '0001-01-01', '1900-01-01', '275760-01-01', '+100000-01-01', '2023-02-30', '2300-06-01'];
const hostileDateTimes = ['2023-02-30T00:00:00Z', '2023-02-03T00:00:00', '+275760-09-13T00:00:00Z', '0000-01-01T00:00:00Z', '2023-02-03T24:61:00Z'];
/** Ids past the 32-bit id columns, negative, zero, or not numbers at all. */
const hostileIds = (type: string) => [globalId(type, 2 ** 31), globalId(type, 99_999_999_999), b64(`${type}:abc`), b64(`${type}:-1`), b64(`${type}:0`)];

/** A list too long to take, or nested far deeper than any input. */
function hostileList(): unknown {
  if (random.chance(0.5)) return Array.from({ length: 1001 + random.int(0, 4000) }, () => random.pick(Object.values(validIds).flat()));
  let nested: unknown = 'deep';
  for (let level = 0; level < 200; level++) nested = [nested];
  return nested;
}
const hostileNumbers = [0, -1, 1, 2 ** 31, -(2 ** 31) - 1, 1e308, Number.MAX_SAFE_INTEGER, 0.5, NaN];
let validIds: Record<string, string[]> = {};

function scalarValue(name: string): unknown {
  const roll = random.next();
  switch (name) {
    case 'ID': {
      const type = random.pick(Object.keys(validIds));
      return roll < 0.5 ? random.pick(validIds[type]!) : roll < 0.65 ? globalId(type, random.int(1, 1_000_000)) : roll < 0.8 ? random.pick(hostileIds(type)) : random.pick(hostileStrings);
    }
    case 'Int':
      return roll < 0.6 ? random.int(-5, 120) : random.pick(hostileNumbers);
    case 'Float':
      return roll < 0.6 ? random.next() : random.pick(hostileNumbers);
    case 'Boolean':
      return roll < 0.8 ? random.chance(0.5) : random.pick(['true', 1, null]);
    case 'Date':
      return roll < 0.6 ? `20${random.int(10, 30)}-0${random.int(1, 9)}-1${random.int(0, 9)}` : roll < 0.8 ? random.pick(hostileDates) : random.pick(hostileStrings);
    case 'DateTime':
      return roll < 0.6 ? new Date(Date.UTC(2020 + random.int(0, 10), random.int(0, 11), 1)).toISOString() : roll < 0.8 ? random.pick(hostileDateTimes) : random.pick(hostileStrings);
    default:
      return roll < 0.6 ? `Fuzz ${random.int(0, 1000)}` : random.pick(hostileStrings);
  }
}

function valueFor(type: GraphQLInputType, depth = 0): unknown {
  if (isNonNullType(type)) return random.chance(0.97) ? valueFor(type.ofType, depth) : null;
  if (random.chance(0.1)) return null;
  if (isListType(type)) return random.chance(0.03) ? hostileList() : Array.from({ length: random.int(0, 3) }, () => valueFor(type.ofType, depth + 1));
  const named = type as GraphQLNamedType;
  if (isEnumType(named)) return random.chance(0.9) ? random.pick(named.getValues()).value : 'NOT_A_VALUE';
  if (isInputObjectType(named)) {
    if (depth > 3) return {};
    const fields = Object.values(named.getFields());
    return Object.fromEntries(
      fields.filter((field) => isNonNullType(field.type) || random.chance(0.5)).map((field) => [field.name, valueFor(field.type, depth + 1)]),
    );
  }
  if (isScalarType(named)) return scalarValue(named.name);
  return null;
}

/** The smallest valid selection of a field's result: its id, or a scalar, or __typename. */
function selection(field: GraphQLField<unknown, unknown>): string {
  const type = getNamedType(field.type);
  if (isScalarType(type) || isEnumType(type)) return '';
  return '{ __typename }';
}

function operationFor(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>): string {
  const args = field.args as GraphQLArgument[];
  const definitions = args.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(', ');
  const uses = args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  return `${kind}${definitions ? `(${definitions})` : ''} { ${field.name}${uses ? `(${uses})` : ''} ${selection(field)} }`;
}

beforeAll(async () => {
  await loadDemoDataIfEmpty();
  const ids = await execute<Record<string, { edges: { node: { id: string } }[] }>>(
    `{ recommendations(first: 5) { edges { node { id } } } reports(first: 3) { edges { node { id } } }
       organisations(first: 5) { edges { node { id } } } actionItems(first: 5) { edges { node { id } } }
       evidence(first: 5) { edges { node { id } } } themes(first: 3) { edges { node { id } } } users(first: 3) { edges { node { id } } } }`,
  );
  const pick = (key: string) => ids.data![key]!.edges.map((edge) => edge.node.id);
  validIds = {
    Recommendation: pick('recommendations'), Report: pick('reports'), Organisation: pick('organisations'),
    ActionItem: pick('actionItems'), Evidence: pick('evidence'), Theme: pick('themes'), User: pick('users'),
  };
});

describe(`fuzzing every operation on ${databaseKind}`, () => {
  it('never fails internally, and a refused mutation changes nothing', async () => {
    const actors = await demoActors();
    const callers = [actors.admin, actors.inspector, actors.leader, actors.viewer, null];
    const roots = [
      ...Object.values(schema.getQueryType()!.getFields()).map((field) => ['query', field] as const),
      ...Object.values(schema.getMutationType()!.getFields()).filter((field) => field.name !== 'login').map((field) => ['mutation', field] as const),
    ];
    const rounds = Number(process.env.FUZZ_ROUNDS ?? 100);
    const internal: string[] = [];
    let operations = 0;
    let refusedMutations = 0;
    for (let round = 0; round < rounds; round++) {
      for (const [kind, field] of roots) {
        const variables = Object.fromEntries((field.args as GraphQLArgument[]).map((arg) => [arg.name, valueFor(arg.type)]));
        const before = kind === 'mutation' ? await databaseFingerprint() : '';
        const result = await execute(operationFor(kind, field), variables, random.pick(callers));
        operations++;
        for (const error of result.errors ?? []) {
          if (!error.extensions?.code || error.extensions.code === 'INTERNAL_SERVER_ERROR') {
            internal.push(`${field.name} ${JSON.stringify(variables).slice(0, 300)} → ${error.message}`);
          }
        }
        if ((result.status ?? 200) >= 500) internal.push(`${field.name} answered HTTP ${result.status}: ${JSON.stringify(result.errors).slice(0, 300)}`);
        if (kind === 'mutation' && result.errors?.length) {
          refusedMutations++;
          expect(await databaseFingerprint(), `${field.name} was refused but changed the database`).toBe(before);
        }
      }
    }
    console.log(`fuzzing: ${operations} operations, ${refusedMutations} refused mutations, ${internal.length} internal errors`);
    expect(operations).toBeGreaterThan(rounds * 40);
    expect(internal).toEqual([]);
  }, 600_000);
});
