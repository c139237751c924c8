/**
 * The one locale setting: how every date reads, on screen, in inputs, in history and in exports.
 * A UK product, so en-GB and the UK's clock. Pure (no imports) so the admin app shares it.
 */
export const LOCALE = 'en-GB';
export const TIME_ZONE = 'Europe/London';

const dayFormat = new Intl.DateTimeFormat(LOCALE, { day: 'numeric', month: 'short', year: 'numeric', timeZone: TIME_ZONE });
const momentFormat = new Intl.DateTimeFormat(LOCALE, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: TIME_ZONE });

/** Options for react-admin's DateField, so a field reads as readableDay does. */
export const dayFieldOptions: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric', timeZone: TIME_ZONE };

const asDate = (value: Date | string | null | undefined): Date | null => {
  if (value == null || value === '') return null;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
};

/** A calendar date or an instant as a person reads it: "14 Oct 2025". */
export function readableDay(value: Date | string | null | undefined): string {
  const date = asDate(value);
  return date ? dayFormat.format(date) : '';
}

/** An instant with its time: "14 Oct 2025, 09:30". */
export function readableMoment(value: Date | string | null | undefined): string {
  const date = asDate(value);
  return date ? momentFormat.format(date) : '';
}

/** The year of a calendar date ("2024" for 2024-02-29), as reports are named by the year they were published. */
export function yearOf(value: Date | string | null | undefined): string {
  const date = asDate(value);
  return date ? String(date.getUTCFullYear()) : '';
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const TYPED_DAY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

/** Whether yyyy-mm-dd names a real day (not 31/02). */
function realDay(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A date as typed in an input (dd/mm/yyyy, or yyyy-mm-dd as pasted) to the API's yyyy-mm-dd; null when it names no real day. */
export function dayFromInput(text: string): string | null {
  const typed = TYPED_DAY.exec(text.trim());
  const iso = ISO_DAY.exec(text.trim());
  const [year, month, day] = typed ? [Number(typed[3]), Number(typed[2]), Number(typed[1])] : iso ? [Number(iso[1]), Number(iso[2]), Number(iso[3])] : [NaN, NaN, NaN];
  return realDay(year, month, day) ? `${year}-${pad(month)}-${pad(day)}` : null;
}

/** The API's yyyy-mm-dd as an input shows it: dd/mm/yyyy. */
export function dayForInput(iso: string): string | null {
  const match = ISO_DAY.exec(iso);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : null;
}

/** A yyyy-mm-dd date inside stored text (an older history entry, say) reworded as readableDay. */
export const rewordIsoDays = (text: string) => text.replace(/\b\d{4}-\d{2}-\d{2}\b/g, (iso) => (ISO_DAY.test(iso) && dayFromInput(iso) ? readableDay(iso) : iso));
