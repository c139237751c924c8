import { type GraphQLNamedType, getNamedType, isAbstractType, isObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { OTHER_QUERY_FIELDS, RECORD_QUERY_FIELDS, responseKeyOf } from '../../server/graphql/plugins/response-cache.ts';
import { schema } from '../../server/graphql/schema.ts';
import { READER, requestOf } from '../support/graphql.ts';

/** Every type an answer to `field` can hold, through interfaces and unions to what implements them. */
function reachable(from: GraphQLNamedType): Set<string> {
  const seen = new Set<string>();
  const visit = (type: GraphQLNamedType) => {
    if (seen.has(type.name)) return;
    seen.add(type.name);
    if (isAbstractType(type)) for (const possible of schema.getPossibleTypes(type)) visit(possible);
    if (isObjectType(type)) for (const field of Object.values(type.getFields())) visit(getNamedType(field.type));
  };
  visit(from);
  return seen;
}

describe('which answers the response cache may keep', () => {
  it('has decided for every query field, and keeps none that can hold an API token (read from sessions and tokens)', () => {
    const fields = Object.values(schema.getQueryType()!.getFields());
    expect(fields.filter((field) => RECORD_QUERY_FIELDS.has(field.name) === OTHER_QUERY_FIELDS.has(field.name)).map((field) => field.name)).toEqual([]);
    const holdingTokens = fields
      .filter((field) => RECORD_QUERY_FIELDS.has(field.name) && reachable(getNamedType(field.type)).has('ApiToken'))
      .map((field) => field.name);
    expect(holdingTokens).toEqual([]);
    expect(reachable(getNamedType(schema.getQueryType()!.getFields().node!.type)).has('ApiToken')).toBe(true);
  });

  it('keeps nothing while changes to the records cannot be heard', () => {
    // No change feed is followed here: what is kept could never be known to be out of date.
    expect(responseKeyOf(requestOf('{ recommendations(first: 1) { totalCount } }', READER))).toBeNull();
  });
});
