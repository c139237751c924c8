import { getDatamodel } from './generated/pothos-types.ts';

const dateTimeFields = new Map(
  Object.entries(getDatamodel().datamodel.models).map(([model, { fields }]) => [
    model,
    fields.filter((field) => field.kind === 'scalar' && field.type === 'DateTime').map((field) => field.name),
  ]),
);

/**
 * A whole row that SQL returned as JSON (`to_jsonb(o)`), as Prisma would have returned it: its
 * dates and times as Dates. Lets one statement carry the rows an answer names alongside its
 * figures. Columns hold UTC without a zone (Prisma's DateTime), so a time is read as UTC.
 */
export function rowFromJson<T>(model: string, json: Record<string, unknown>): T {
  const row: Record<string, unknown> = { ...json };
  for (const name of dateTimeFields.get(model) ?? []) {
    const value = row[name];
    if (typeof value === 'string') row[name] = new Date(/T.*(Z|[+-]\d\d:?\d\d)$/.test(value) || !value.includes('T') ? value : `${value}Z`);
  }
  return row as T;
}
