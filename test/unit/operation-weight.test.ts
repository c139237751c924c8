import { describe, expect, it } from 'vitest';
import { isHeavyRequest, requestCost } from '../../server/graphql/operation-weight.ts';

// A request as Express gives it: a POST's parsed body, or a GET's query string.
const isHeavyOperation = (request: unknown) =>
  isHeavyRequest(typeof (request as { variables?: unknown } | undefined)?.variables === 'string' ? { method: 'GET', query: request, body: undefined } : { method: 'POST', query: {}, body: request });

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

  it('estimates each request once: the queue and the API share the estimate', () => {
    const req = { method: 'POST', query: {}, body: { query: 'query ($n: Int) { recommendations(first: $n) { totalCount } }', variables: { n: 5 } } };
    const cost = requestCost(req);
    expect(cost?.complexity).toBeGreaterThan(0);
    expect(requestCost(req)).toBe(cost);
    // Another request with the same text is estimated for itself.
    expect(requestCost({ ...req })).not.toBe(cost);
    expect(requestCost({ method: 'POST', query: {}, body: { query: '{ me { name ' } })).toBeNull();
  });

  it('takes what it cannot read for light: GraphQL refuses it soon enough', () => {
    expect(isHeavyOperation({ query: '{ me { name ' })).toBe(false);
    expect(isHeavyOperation({ query: '{ nonsense }' })).toBe(false);
    expect(isHeavyOperation({ query: 42 })).toBe(false);
    expect(isHeavyOperation(undefined)).toBe(false);
    expect(isHeavyOperation({ query: '{ me { name } }', variables: '{not json' })).toBe(false);
  });
});
