import type { Operation, ResourceMapping } from './resources.ts';

/**
 * The GraphQL documents the data provider sends for a resource, built from its mapping.
 * Pure, so test/unit/admin-documents.test.ts validates every one against the schema.
 */

const declare = (types: Record<string, string>) => Object.entries(types).map(([name, type]) => `, $${name}: ${type}`).join('');
const pass = (types: Record<string, string>) => Object.keys(types).map((name) => `, ${name}: $${name}`).join('');
const inputType = (mutation: string) => `${mutation[0]!.toUpperCase()}${mutation.slice(1)}Input`;

/** A page of the list; `orderBy` is declared only when the list is sorted. */
export function listDocument(mapping: ResourceMapping, withOrder: boolean): string {
  const argTypes = { ...mapping.argTypes };
  if (!withOrder) delete argTypes.orderBy;
  return `query List($first: Int, $offset: Int${declare(argTypes)}) {
    ${mapping.many}(first: $first, offset: $offset${pass(argTypes)}) { totalCount edges { node { ${mapping.fields} } } }
  }`;
}

/** One record with its detail fields, as `record`. */
export function oneDocument(mapping: ResourceMapping): string {
  const fields = `${mapping.fields} ${mapping.detailFields ?? ''}`;
  return mapping.one
    ? `query One($id: ID!) { record: ${mapping.one}(id: $id) { ${fields} } }`
    : `query One($id: ID!) { record: node(id: $id) { ... on ${mapping.typename} { ${fields} } } }`;
}

/** Several records by id. */
export function manyDocument(mapping: ResourceMapping): string {
  return `query Many($ids: [ID!]!) { nodes(ids: $ids) { ... on ${mapping.typename} { ${mapping.fields} } } }`;
}

/** A write, as `result`: the record, or the removed id when the mutation deletes. */
export function writeDocument(mapping: ResourceMapping, operation: Operation): string {
  const selection = operation.returns === 'deleted' ? 'deletedId' : mapping.fields;
  return `mutation Write($input: ${inputType(operation.mutation)}!) { result: ${operation.mutation}(input: $input) { ${selection} } }`;
}
