import type { DataProvider, GetListParams, Identifier, RaRecord } from 'react-admin';
import { listDocument, manyDocument, oneDocument, writeDocument } from './documents';
import { graphql, postGraphql } from './graphql';
import { mappingFor, orderBy, type Node, type Operation, type ResourceMapping, type Values } from './resources';

const MAX_PAGE = 100;

type Connection = { totalCount: number; edges: { node: Node }[] };

const toRecord = (mapping: ResourceMapping, node: Node) => (mapping.toRecord ? mapping.toRecord(node) : node);

async function list(resource: string, params: Partial<GetListParams>) {
  const mapping = mappingFor(resource);
  const { page = 1, perPage = 25 } = params.pagination ?? {};
  const first = Math.min(perPage, MAX_PAGE);
  const sortOrder = orderBy(mapping, params.sort);
  const query = listDocument(mapping, sortOrder !== undefined);
  const variables = { first, offset: (page - 1) * first, ...mapping.variables(params.filter ?? {}), ...(sortOrder ? { orderBy: sortOrder } : {}) };
  const data = await graphql<Record<string, Connection>>(query, variables);
  const connection = data[mapping.many]!;
  return { data: connection.edges.map((edge) => toRecord(mapping, edge.node)), total: connection.totalCount };
}

async function one(resource: string, id: Identifier) {
  const mapping = mappingFor(resource);
  const data = await graphql<{ record: Node }>(oneDocument(mapping), { id });
  return { data: toRecord(mapping, data.record) };
}

async function write(resource: string, operation: Operation | undefined, data: Values, previous?: Values) {
  const mapping = mappingFor(resource);
  if (!operation) throw new Error(`The API has no such write for ${resource}.`);
  const result = await graphql<{ result: Node & { deletedId?: string } }>(writeDocument(mapping, operation), { input: await operation.input(data, previous) });
  return operation.returns === 'deleted' ? { id: result.result.deletedId! } : toRecord(mapping, result.result);
}

function operationFor(mapping: ResourceMapping, meta: { operation?: string } | undefined): Operation | undefined {
  return meta?.operation ? mapping.operations?.[meta.operation] : mapping.update;
}

export type DashboardVariables = { organisationId?: string; themeId?: string; staleDays?: number; listSize?: number };

/** react-admin's data provider, plus the reads that are not lists of a resource. */
export type TrackerDataProvider = DataProvider & {
  query<T>(query: string, variables?: Values): Promise<T>;
};

export const dataProvider: TrackerDataProvider = {
  getList: async (resource, params) => (await list(resource, params)) as never,
  getOne: async (resource, params) => (await one(resource, params.id)) as never,
  async getMany(resource, params) {
    const mapping = mappingFor(resource);
    const data = await graphql<{ nodes: (Node | null)[] }>(manyDocument(mapping), { ids: params.ids });
    return { data: data.nodes.filter((node): node is Node => node != null && 'id' in node).map((node) => toRecord(mapping, node)) as never };
  },
  getManyReference: async (resource, params) => (await list(resource, { ...params, filter: { ...params.filter, [params.target]: params.id } })) as never,
  async create(resource, params) {
    return { data: (await write(resource, mappingFor(resource).create, params.data)) as never };
  },
  async update(resource, params) {
    const mapping = mappingFor(resource);
    const data = { ...params.data, id: params.id };
    return { data: (await write(resource, operationFor(mapping, params.meta), data, params.previousData)) as never };
  },
  async updateMany(resource, params) {
    const done: Identifier[] = [];
    for (const id of params.ids) {
      const { data: previous } = await one(resource, id);
      await dataProvider.update(resource, { id, data: params.data, previousData: previous as RaRecord, meta: params.meta });
      done.push(id);
    }
    return { data: done };
  },
  async delete(resource, params) {
    const data = { ...params.meta, id: params.id };
    return { data: (await write(resource, mappingFor(resource).delete, data, params.previousData)) as never };
  },
  async deleteMany(resource, params) {
    const done: Identifier[] = [];
    for (const id of params.ids) {
      const { data: previous } = await one(resource, id);
      await dataProvider.delete(resource, { id, previousData: previous as RaRecord, meta: params.meta });
      done.push(id);
    }
    return { data: done };
  },
  query: (query, variables) => graphql(query, variables),
};

export { postGraphql };
