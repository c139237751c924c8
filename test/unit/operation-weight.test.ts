import { describe, expect, it } from 'vitest';
import { isHeavyOperation } from '../../server/graphql/operation-weight.ts';

// At the scale the cost model assumes until it measures the data (20,000 recommendations).
describe('judging an operation heavy before it runs', () => {
  it('takes a costly operation for heavy, from a POST body or a GET query string, with its variables', () => {
    const dashboard = '{ dashboard { recommendationCount } }';
    expect(isHeavyOperation({ query: dashboard })).toBe(true);
    expect(isHeavyOperation({ query: 'query ($n: Int) { recommendations(first: $n) { totalCount } }', variables: { n: 5 } })).toBe(false);
    const page = 'query ($n: Int) { recommendations(first: $n, filter: { unevidenced: true }) { totalCount edges { node { id text } } } }';
    expect(isHeavyOperation({ query: page, variables: { n: 100 } })).toBe(true);
    expect(isHeavyOperation({ query: page, variables: JSON.stringify({ n: 100 }) })).toBe(true);
  });

  it('costs the operation that will run, not the first in the document', () => {
    const document = `query Light { me { name } } query Heavy { dashboard { recommendationCount } }`;
    expect(isHeavyOperation({ query: document, operationName: 'Heavy' })).toBe(true);
    expect(isHeavyOperation({ query: document, operationName: 'Light' })).toBe(false);
  });

  it('takes what it cannot read for light: GraphQL refuses it soon enough', () => {
    expect(isHeavyOperation({ query: '{ me { name ' })).toBe(false);
    expect(isHeavyOperation({ query: '{ nonsense }' })).toBe(false);
    expect(isHeavyOperation({ query: 42 })).toBe(false);
    expect(isHeavyOperation(undefined)).toBe(false);
    expect(isHeavyOperation({ query: '{ me { name } }', variables: '{not json' })).toBe(false);
  });
});
