import type { TransactionClient } from '../../server/db/client.ts';

/**
 * Column-wise bulk insert: one INSERT … SELECT FROM unnest($1::type[], …) per
 * batch, one array parameter per column. Prisma's createMany builds each row
 * in JavaScript and was ten times slower for the synthetic load.
 */
export type Column<Row> = {
  name: keyof Row & string;
  /** PostgreSQL element type, e.g. int, text, date, timestamp(3), boolean, "RecommendationStatus". */
  type: string;
};

function toParameter(value: unknown, type: string): unknown {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) {
    const iso = value.toISOString();
    // Prisma stores DateTime as UTC in timestamp(3) columns, and @db.Date as a day.
    return type === 'date' ? iso.slice(0, 10) : iso.slice(0, 23).replace('T', ' ');
  }
  return value;
}

/** A PostgreSQL array literal: drivers disagree on how they send JavaScript arrays. */
function arrayLiteral(values: unknown[]): string {
  const items = values.map((value) => {
    if (value === null) return 'NULL';
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    return `"${String(value).replace(/[\\"]/g, (char) => `\\${char}`)}"`;
  });
  return `{${items.join(',')}}`;
}

export async function bulkInsert<Row extends object>(
  tx: TransactionClient,
  table: string,
  columns: Column<Row>[],
  rows: Row[],
  batchSize = 20_000,
): Promise<void> {
  const names = columns.map((column) => `"${column.name}"`).join(', ');
  const arrays = columns.map((column, index) => `$${index + 1}::text::${column.type}[]`).join(', ');
  const sql = `INSERT INTO "${table}" (${names}) SELECT * FROM unnest(${arrays})`;
  for (let start = 0; start < rows.length; start += batchSize) {
    const batch = rows.slice(start, start + batchSize);
    const parameters = columns.map((column) =>
      arrayLiteral(batch.map((row) => toParameter((row as Record<string, unknown>)[column.name], column.type))),
    );
    await tx.$executeRawUnsafe(sql, ...parameters);
  }
}
