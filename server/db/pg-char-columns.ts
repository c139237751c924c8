import type { SqlDriverAdapter, Transaction } from '@prisma/driver-adapter-utils';

/**
 * @prisma/adapter-pg (7.10) has no mapping for PostgreSQL's one-byte "char"
 * type (oid 18), which the schema engine's introspection of pg_catalog reads;
 * the engine's diff then fails with "Column type 'char' could not be
 * deserialized". Such columns are reported as text here. Only the schema
 * engine's connections need this; the application never reads "char" columns.
 */
const CHAR_OID = 18;
const TEXT_OID = 25;

type PgResult = { fields: { dataTypeID: number }[] };
type WithPerformIO = { performIO(query: unknown): Promise<PgResult> };

function patch<T extends object>(queryable: T): T {
  const target = queryable as unknown as WithPerformIO;
  const performIO = target.performIO.bind(target);
  target.performIO = async (query) => {
    const result = await performIO(query);
    for (const field of result.fields) if (field.dataTypeID === CHAR_OID) field.dataTypeID = TEXT_OID;
    return result;
  };
  return queryable;
}

export function readCharColumnsAsText(adapter: SqlDriverAdapter): SqlDriverAdapter {
  patch(adapter);
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (...args): Promise<Transaction> => patch(await startTransaction(...args));
  return adapter;
}
