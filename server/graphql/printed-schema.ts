import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { schema } from './schema.ts';

/** The schema as committed in schema.graphql: every API change shows in review. */
export const schemaFile = fileURLToPath(new URL('./schema.graphql', import.meta.url));

export function printedSchema(): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}

export function committedSchema(): string {
  return fs.existsSync(schemaFile) ? fs.readFileSync(schemaFile, 'utf8') : '';
}
