import { dayFromInput } from '../common/dates';

/**
 * The rows of the intake dialog (LoadRecommendations.tsx) and their rules: what a row lacks before
 * it is saved, what the server refused in it, and the reference a new row is offered.
 */

export type Organisation = { id: string; name: string; shortName: string | null };
export type Candidate = {
  score: number;
  recommendation: { id: string; reference: string; text: string; status: string; latestVerdict: string | null; report: { title: string; publishedOn: string } };
};
export type RowProblems = Partial<Record<'reference' | 'text' | 'addressees' | 'targetDate', string>>;

/**
 * A row of the preview; its candidates are null while they are being sought, for the text in
 * `soughtFor` (empty until a text was given: a row added by hand is sought once its text is written).
 */
export type Row = {
  key: number; reference: string; text: string; addressees: Organisation[]; targetDate: string; warnings: string[];
  candidates: Candidate[] | null; soughtFor: string; repeatsId: string;
  /** Why its probable repeats could not be sought (the server busy, say): not the same as none found. */
  seekFailed?: string;
  /** What the server refused in this row when it was last saved, until the row is changed. */
  refused?: RowProblems;
};

let nextKey = 1;
/** A key for a row the server read, as for one added by hand. */
export const rowKey = () => nextKey++;
/** The server's messages are fragments ("the report already has …"), to go after a field's name; alone, each starts a sentence. */
export const asSentence = (message: string) => message.charAt(0).toUpperCase() + message.slice(1);

/** An empty row, for one added by hand. */
export const emptyRow = (reference = ''): Row => ({ key: rowKey(), reference, text: '', addressees: [], targetDate: '', warnings: [], candidates: [], soughtFor: '', repeatsId: '' });

/** The reference after the last one numbered ("R13" after "R12"), for a row added below it; empty when there is no number to follow. */
export const referenceAfter = (reference: string | undefined) => {
  const match = /^(.*?)(\d+)$/.exec(reference?.trim() ?? '');
  return match ? `${match[1]}${Number(match[2]) + 1}` : '';
};

/**
 * What a row lacks before it can be saved, field by field, and what the server refused in it: said
 * on the field itself, as every form does.
 */
export function problemsOf(row: Row): RowProblems {
  const problems: RowProblems = { ...row.refused };
  if (!row.reference.trim()) problems.reference = 'Required';
  if (!row.text.trim()) problems.text = 'Required';
  if (row.addressees.length === 0) problems.addressees = 'Required: at least the organisation that owns it';
  if (row.targetDate.trim() && !dayFromInput(row.targetDate)) problems.targetDate = 'Not a date: dd/mm/yyyy';
  return problems;
}

/** The input's fields as the row's: the server names the owner and other addressees apart, the row has one list. */
const rowFieldOf: Record<string, keyof RowProblems> = { reference: 'reference', text: 'text', targetDate: 'targetDate', ownerId: 'addressees', addresseeIds: 'addressees' };

/** The server's refusal of some rows' fields ("recommendations.2.reference"), each put on its row; null if it named none. */
export function refusedRows(caught: unknown, rows: Row[]): Row[] | null {
  const errors = (caught as { body?: { errors?: Record<string, unknown> } }).body?.errors ?? {};
  const refused = new Map<number, RowProblems>();
  for (const [name, message] of Object.entries(errors)) {
    const match = /^recommendations\.(\d+)\.(\w+)/.exec(name);
    const field = match ? rowFieldOf[match[2]!] : undefined;
    const row = match ? rows[Number(match[1])] : undefined;
    if (!row || !field || typeof message !== 'string') continue;
    refused.set(row.key, { ...refused.get(row.key), [field]: asSentence(message) });
  }
  return refused.size === 0 ? null : rows.map((row) => (refused.has(row.key) ? { ...row, refused: refused.get(row.key) } : row));
}

/** The banner's words for rows to correct, naming them as printed: "recommendations 4 and R14". */
export function toCorrect(rows: Row[]): string {
  const named = rows.map((row) => row.reference.trim()).filter(Boolean);
  const which = named.length === 0 ? '' : ` (${named.length === 1 ? 'recommendation' : 'recommendations'} ${named.join(', ')})`;
  return `Correct the fields marked in red${which}.`;
}
