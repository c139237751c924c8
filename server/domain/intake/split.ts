import type { ExtractedDocument, TableCell } from './extract.ts';

/**
 * A report's text split into its recommendations, by the numbering reports use: "1.", "1)", "R3",
 * "Recommendation 3", "2.1", "(a)", "(iv)" and bullets. A line under an addressee heading ("The
 * Probation Service should:") belongs to that addressee; a line with no number of its own carries
 * on the recommendation above it (lines wrapped in a PDF, a list inside a recommendation). A
 * spreadsheet's columns are told by their headers.
 */
export type SplitRecommendation = {
  reference: string;
  text: string;
  /** Where its addressees are named, besides its own text: the heading it sits under, or its row's addressee column. */
  addresseeText: string | null;
  /** Theme names given in a spreadsheet's theme column. */
  themeNames: string[];
  targetDate: Date | null;
  warnings: string[];
};

export function splitRecommendations(document: ExtractedDocument): SplitRecommendation[] {
  return document.kind === 'TABLE' ? splitTable(document.rows) : splitLines(document.lines);
}

type MarkerKind = 'WORD' | 'R' | 'DOTTED' | 'NUMBER' | 'LETTER' | 'BULLET';
type Marker = { kind: MarkerKind; reference: string | null; rest: string };

/** The numbering a line starts with, if any; the most specific patterns first. */
const MARKERS: [MarkerKind, RegExp, (label: string) => string | null][] = [
  ['WORD', /^recommendation\s+([A-Z]?\d{1,3}(?:\.\d{1,3})*[a-z]?)\s*[:.)\u2013\u2014-]?\s*(.*)$/i, (label) => label],
  ['R', /^R\s?(\d{1,3}(?:\.\d{1,3})*[a-z]?)\s*[:.)\u2013\u2014-]?\s+(.*)$/, (label) => `R${label}`],
  ['DOTTED', /^(\d{1,2}(?:\.\d{1,3})+)\.?\s+(.*)$/, (label) => label],
  ['NUMBER', /^(\d{1,3})\s*[.)]\s+(.*)$/, (label) => label],
  ['LETTER', /^\(([a-z]|[ivx]{1,5})\)\s*(.*)$/, (label) => label],
  ['LETTER', /^([a-z])\)\s+(.*)$/, (label) => label],
  ['BULLET', /^()[\u2022\u25cf\u25aa\u25e6\u25cb\u25a0\u00b7*\u2013\u2014-]\s+(.*)$/, () => null],
];

function markerOf(line: string): Marker | null {
  for (const [kind, pattern, reference] of MARKERS) {
    const match = pattern.exec(line);
    if (match) return { kind, reference: reference(match[1]!), rest: match[2]!.trim() };
  }
  return null;
}

/** "HMPPS should:", "The Probation Service and the MoJ must:", "For the Ministry of Justice:", "Recommendations to HMPPS". */
const ADDRESSEE_HEADING = [
  /\b(should|must|needs? to|is asked to|are asked to|will need to)\s*:?\s*$/i,
  /^(?:recommendations?\s+)?(?:for|to)\s+.{2,120}?:?$/i,
  /^we recommend that\b.{2,150}:\s*$/i,
];
const isAddresseeHeading = (line: string) => line.length <= 200 && ADDRESSEE_HEADING.some((pattern) => pattern.test(line));

/** The heading of a report's recommendations section, and the headings that end it. */
const SECTION_START = /^(?:\d+(?:\.\d+)*\.?\s+)?(?:our\s+|summary\s+of\s+|list\s+of\s+)?recommendations\s*:?$/i;
const SECTION_END = /^(?:\d+(?:\.\d+)*\.?\s+)?(?:appendix|annex|annexe|introduction|background|contents|glossary|references|acknowledgements|methodology)\b[^.]{0,60}$/i;

function recommendationsSection(lines: string[]): string[] {
  // The last such heading with numbered lines after it: a contents page names the section too.
  for (let index = lines.length - 1; index >= 0; index--) {
    if (SECTION_START.test(lines[index]!) && lines.slice(index + 1, index + 40).some((line) => markerOf(line))) {
      const after = lines.slice(index + 1);
      const end = after.findIndex((line, i) => i > 0 && SECTION_END.test(line));
      return end === -1 ? after : after.slice(0, end);
    }
  }
  return lines;
}

type Building = { reference: string | null; parts: string[]; heading: string | null; warnings: string[] };

function splitLines(allLines: string[]): SplitRecommendation[] {
  const lines = recommendationsSection(allLines);
  const found: Building[] = [];
  let current: Building | null = null;
  /** The kind of numbering the recommendations use: the first numbered line's that is not a heading. */
  let itemKind: MarkerKind | null = null;
  let heading: { text: string; reference: string | null; kind: MarkerKind | null } | null = null;
  let lastNumber = 0;

  for (const line of lines) {
    if (line === '') continue;
    const marker = markerOf(line);
    if (marker && isAddresseeHeading(marker.rest) && (itemKind === null || marker.kind !== itemKind)) {
      // A numbered heading: "1. HMPPS should:" followed by "(a)", "(b)"…
      heading = { text: marker.rest, reference: marker.reference, kind: marker.kind };
      current = null;
      continue;
    }
    if (!marker && isAddresseeHeading(line) && !line.endsWith('.')) {
      heading = { text: line, reference: null, kind: null };
      current = null;
      continue;
    }
    const isItem =
      marker !== null &&
      (itemKind === null ? marker.kind !== heading?.kind : marker.kind === itemKind) &&
      // A number out of sequence is most likely a wrapped line that starts with a number.
      !(marker.kind === 'NUMBER' && current && Number(marker.reference) !== lastNumber + 1 && Number(marker.reference) !== 1);
    if (isItem) {
      itemKind ??= marker.kind;
      if (marker.kind === 'NUMBER') lastNumber = Number(marker.reference);
      const reference = marker.reference && heading?.reference ? nested(heading.reference, marker.reference, marker.kind) : marker.reference;
      current = { reference, parts: [marker.rest], heading: heading?.text ?? null, warnings: [] };
      found.push(current);
    } else if (current) {
      // A wrapped line, or a list inside the recommendation: kept with its own numbering.
      current.parts.push(line);
    } else if (heading && heading.kind === null && !marker) {
      // A heading that runs on to a second line.
      heading.text = `${heading.text} ${line}`;
    }
  }
  return numbered(
    found
      .map((rec) => ({ ...rec, text: joinWrapped(rec.parts) }))
      .filter((rec) => rec.text !== '')
      .map((rec) => {
        const deadline = deadlineIn(rec.text);
        return {
          reference: rec.reference, text: rec.text, addresseeText: rec.heading, themeNames: [],
          targetDate: deadline.targetDate, warnings: deadline.warning ? [...rec.warnings, deadline.warning] : rec.warnings,
        };
      }),
  );
}

const nested = (parent: string, child: string, kind: MarkerKind) => (kind === 'LETTER' ? `${parent}(${child})` : `${parent}.${child}`);

/** Lines of one recommendation as one text: a word broken by a hyphen at a line's end is mended. */
function joinWrapped(parts: string[]): string {
  // Joined once at the end: adding to one string and testing its end each time made a
  // recommendation of thousands of lines take seconds (the string is flattened at each test).
  const pieces: string[] = [];
  for (const part of parts) {
    const last = pieces[pieces.length - 1];
    if (last !== undefined && /[a-z]-$/.test(last) && /^[a-z]/.test(part)) pieces[pieces.length - 1] = last + part;
    else pieces.push(part);
  }
  return pieces.join(' ').replace(/\s+/g, ' ').trim();
}

/** Every row gets a reference, each used once: unnumbered ones are numbered in order, repeats told apart. */
function numbered(rows: (Omit<SplitRecommendation, 'reference'> & { reference: string | null })[]): SplitRecommendation[] {
  const used = new Set<string>();
  /** For each reference printed more than once, the copy number to try next: a list of "1." lines is not quadratic. */
  const nextCopy = new Map<string, number>();
  return rows.map((row, index) => {
    const warnings = [...row.warnings];
    let reference = row.reference;
    if (!reference) {
      reference = String(index + 1);
      warnings.push('no number printed: numbered in order');
    }
    if (used.has(reference)) {
      let copy = nextCopy.get(reference) ?? 2;
      while (used.has(`${reference} (${copy})`)) copy++;
      nextCopy.set(reference, copy + 1);
      warnings.push(`the reference ${reference} is printed twice: check it`);
      reference = `${reference} (${copy})`;
    }
    used.add(reference);
    return { ...row, reference, warnings };
  });
}

type Column = 'reference' | 'text' | 'addressees' | 'targetDate' | 'themes';

/** What a spreadsheet's header cells are called, in registers of recommendations. */
const HEADERS: [Column, RegExp][] = [
  ['reference', /^(ref(erence)?\.?( no\.?| number)?|no\.?|number|#|id|rec(ommendation)?\.? ?(no\.?|number|ref(erence)?|id))$/],
  ['text', /^(recommendations?( text| made| wording)?|text|description|details?|wording)$/],
  ['addressees', /(addressee|addressed|owner|owning|responsible|organi[sz]ation|lead|body|directed|accountable)/],
  ['targetDate', /(target|due|deadline|by when|completion|timescale|date)/],
  ['themes', /(theme|topic|area|category|tag)/],
];

function columnsOf(row: TableCell[]): Map<Column, number> {
  const columns = new Map<Column, number>();
  row.forEach((cell, index) => {
    const header = typeof cell === 'string' ? cell.toLowerCase().replace(/[\s_]+/g, ' ').replace(/[:*]$/, '').trim() : '';
    const column = HEADERS.find(([, pattern]) => pattern.test(header))?.[0];
    if (column && !columns.has(column)) columns.set(column, index);
  });
  return columns;
}

function splitTable(rows: TableCell[][]): SplitRecommendation[] {
  const headerIndex = rows.slice(0, 10).findIndex((row) => columnsOf(row).has('text'));
  if (headerIndex === -1) {
    // No header we know: the cells are read as lines of text.
    return splitLines(rows.map((row) => row.map(cellText).filter(Boolean).join(' ')));
  }
  const columns = columnsOf(rows[headerIndex]!);
  const cell = (row: TableCell[], column: Column) => {
    const index = columns.get(column);
    return index === undefined ? '' : row[index] ?? '';
  };
  return numbered(
    rows.slice(headerIndex + 1).flatMap((row) => {
      const text = cellText(cell(row, 'text')).replace(/\s+/g, ' ');
      if (!text) return [];
      const warnings: string[] = [];
      const date = cell(row, 'targetDate');
      const given = parseDay(date);
      if (given === undefined) warnings.push(`the target date “${cellText(date)}” is not a date: give it again`);
      // A row with no date of its own may give one in its text ("… by March 2027").
      const read = given === null ? deadlineIn(text) : { targetDate: given ?? null, warning: null };
      if (read.warning) warnings.push(read.warning);
      return [{
        reference: cellText(cell(row, 'reference')).replace(/[.:]$/, '') || null,
        text,
        addresseeText: cellText(cell(row, 'addressees')) || null,
        themeNames: cellText(cell(row, 'themes')).split(/[;,|\n]/).map((name) => name.trim()).filter(Boolean),
        targetDate: read.targetDate,
        warnings,
      }];
    }),
  );
}

const cellText = (cell: TableCell) => (cell instanceof Date ? cell.toISOString().slice(0, 10) : cell.trim());

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const utcDay = (year: number, month: number, day: number) => {
  const date = new Date(Date.UTC(year, month, day));
  return date.getUTCMonth() === ((month % 12) + 12) % 12 && date.getUTCDate() === day ? date : undefined;
};

/** A date as a sentence writes it after "by": "31 March 2027", "31st March, 2027", "March 2027", "31/03/2027". */
const DEADLINE = /\bby\s+(?:the\s+end\s+of\s+)?((?:\d{1,2}(?:st|nd|rd|th)?\s+)?[a-z]{3,9}\.?,?\s+\d{4}|\d{1,2}\/\d{1,2}\/\d{4}|\d{4}\b)/gi;

/**
 * The target date a recommendation's text gives ("… by 31 March 2027", "by the end of March 2027"
 * for its last day, "by the end of 2027" for 31 December), as reports print deadlines in the
 * sentence rather than beside it. The text is kept as printed. Two different dates are not chosen
 * between: the inspector is asked for it.
 */
export function deadlineIn(text: string): { targetDate: Date | null; warning: string | null } {
  const dates = new Map<number, string>();
  for (const match of text.matchAll(DEADLINE)) {
    const phrase = match[1]!;
    const date = /^\d{4}$/.test(phrase) ? (/end\s+of/i.test(match[0]) ? new Date(Date.UTC(Number(phrase), 11, 31)) : undefined) : parseDay(phrase.replace(/,/g, ''));
    if (date) dates.set(date.getTime(), match[0]);
  }
  if (dates.size === 1) return { targetDate: new Date([...dates.keys()][0]!), warning: null };
  if (dates.size > 1) return { targetDate: null, warning: `the text gives ${dates.size} dates (${[...dates.values()].join('; ')}): give the target date` };
  return { targetDate: null, warning: null };
}

/**
 * A target date as registers write it: a spreadsheet date, 2025-03-31, 31/03/2025 (day first, as
 * in the UK), 31 March 2025, or March 2025 (its last day). Null for none, undefined for a value
 * that is not a date.
 */
export function parseDay(value: TableCell): Date | null | undefined {
  if (value instanceof Date) return utcDay(value.getUTCFullYear(), value.getUTCMonth(), value.getUTCDate());
  const text = value.trim().toLowerCase();
  if (!text) return null;
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (match) return utcDay(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (match) return utcDay(Number(match[3]), Number(match[2]) - 1, Number(match[1]));
  match = /^(?:(\d{1,2})(?:st|nd|rd|th)?\s+)?([a-z]+)\.?,?\s+(\d{4})$/.exec(text);
  const month = match ? MONTHS.findIndex((name) => name.startsWith(match![2]!) && match![2]!.length >= 3) : -1;
  if (match && month >= 0) {
    const year = Number(match[3]);
    return match[1] ? utcDay(year, month, Number(match[1])) : new Date(Date.UTC(year, month + 1, 0));
  }
  return undefined;
}
