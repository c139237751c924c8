import { ColumnTypeEnum, type SqlDriverAdapter, type SqlQuery, type SqlResultSet, type Transaction } from '@prisma/driver-adapter-utils';

/**
 * @prisma/adapter-pg (7.10) has no mapping for PostgreSQL's one-byte "char"
 * type (oid 18), which the schema engine's introspection of pg_catalog reads
 * (a constraint's type, say); the engine's diff then fails with "Column type
 * 'char' could not be deserialized". Such columns are read as text, and handed
 * to the engine as the Character type it expects. Only the schema engine's
 * connections need this; the application never reads "char" columns.
 */
const CHAR_OID = 18;
const TEXT_OID = 25;

type PgResult = { fields: { dataTypeID: number }[] };
type Queryable = {
  performIO(query: unknown): Promise<PgResult>;
  queryRaw(query: SqlQuery): Promise<SqlResultSet>;
};

function patch<T extends object>(queryable: T): T {
  const target = queryable as unknown as Queryable;
  const performIO = target.performIO.bind(target);
  const queryRaw = target.queryRaw.bind(target);
  // The engine sends one statement at a time on a connection: the columns of the one in flight.
  let charColumns: number[] = [];
  target.performIO = async (query) => {
    const result = await performIO(query);
    charColumns = [];
    result.fields.forEach((field, index) => {
      if (field.dataTypeID !== CHAR_OID) return;
      field.dataTypeID = TEXT_OID;
      charColumns.push(index);
    });
    return result;
  };
  target.queryRaw = async (query) => {
    const result = await queryRaw(query);
    for (const index of charColumns) result.columnTypes[index] = ColumnTypeEnum.Character;
    charColumns = [];
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
