import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { badFile } from '../../errors.ts';
import { refuseTooLarge, refuseType, typeOfContent } from '../uploaded-files.ts';

/**
 * The text of a report or a register of recommendations, read offline from the file an inspector
 * gives: a PDF or a Word document becomes lines (an empty line where a paragraph ends), a
 * spreadsheet or CSV becomes rows of cells. The kind of file is told from its content, never from
 * its name alone; a file that cannot be read is refused with a stable reason (errors.ts badFile).
 */

/** The largest file read: a long report with pictures stays well within it. */
export const MAX_FILE_BYTES = 10 * 2 ** 20;

export type TableCell = string | Date;
export type ExtractedDocument =
  | { kind: 'LINES'; format: 'PDF' | 'DOCX' | 'TEXT'; lines: string[] }
  | { kind: 'TABLE'; format: 'XLSX' | 'CSV'; rows: TableCell[][] };

export type IntakeFile = { name: string; content: Buffer };

const SUPPORTED = 'Give a PDF, a Word document (DOCX), a spreadsheet (XLSX) or a CSV file, or paste the text.';

export async function extractDocument(file: IntakeFile): Promise<ExtractedDocument> {
  refuseTooLarge(file.content, MAX_FILE_BYTES);
  if (file.content.length === 0) throw badFile('FILE_HAS_NO_TEXT', 'the file is empty');
  const ext = (await typeOfContent(file.content))?.ext;
  switch (ext) {
    case 'pdf':
      return { kind: 'LINES', format: 'PDF', lines: await pdfLines(file.content) };
    case 'docx':
      return { kind: 'LINES', format: 'DOCX', lines: await docxLines(file.content) };
    case 'xlsx':
      return { kind: 'TABLE', format: 'XLSX', rows: await xlsxRows(file.content) };
    case undefined:
      break;
    default:
      refuseType(ext, SUPPORTED);
  }
  const text = plainText(file.content);
  if (text === null) throw badFile('FILE_TYPE_NOT_SUPPORTED', `this file is neither a document nor text. ${SUPPORTED}`);
  if (/\.(csv|tsv)$/i.test(file.name)) return { kind: 'TABLE', format: 'CSV', rows: csvRows(text) };
  return { kind: 'LINES', format: 'TEXT', lines: textLines(text) };
}

/** Pasted text, as lines. */
export function textLines(text: string): string[] {
  return text.replace(/\r\n?/g, '\n').split('\n').map((line) => line.replace(/\s+/g, ' ').trim());
}

/** UTF-8 text without control characters, or null for binary content. */
function plainText(content: Buffer): string | null {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(content);
    return /[\u0000-\u0008\u000e-\u001f]/.test(text) ? null : text.replace(/^\uFEFF/, '');
  } catch {
    return null;
  }
}

async function unreadable<T>(what: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    const name = (error as { name?: string }).name;
    if (name === 'PasswordException') throw badFile('FILE_UNREADABLE', `the ${what} is protected by a password`);
    throw badFile('FILE_UNREADABLE', `the ${what} is damaged or incomplete and cannot be read`);
  }
}

type PdfItem = { str: string; x: number; y: number; width: number; height: number };

/**
 * A PDF's lines in reading order, page after page, with the running headers and footers and the
 * page numbers left out: a recommendation that runs over a page break reads on unbroken.
 */
async function pdfLines(content: Buffer): Promise<string[]> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const pages = await unreadable('PDF', async () => {
    const document = await getDocument({
      data: new Uint8Array(content),
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      verbosity: 0,
    }).promise;
    try {
      const pages: PdfItem[][] = [];
      for (let number = 1; number <= document.numPages; number++) {
        const page = await document.getPage(number);
        const { items } = await page.getTextContent();
        pages.push(
          items.flatMap((item) =>
            'str' in item && item.str.trim() !== ''
              ? [{ str: item.str, x: item.transform[4] as number, y: item.transform[5] as number, width: item.width, height: item.height || 10 }]
              : [],
          ),
        );
        page.cleanup();
      }
      return pages;
    } finally {
      await document.destroy();
    }
  });
  const pageLines = pages.map(linesOfPage);
  if (pageLines.every((lines) => lines.every((line) => line.text === ''))) {
    throw badFile('FILE_HAS_NO_TEXT', 'the PDF has no text to read (a scanned document?): paste its recommendations instead');
  }
  const running = runningLines(pageLines.map((lines) => lines.map((line) => line.text)));
  const lines: string[] = [];
  pageLines.forEach((page) => {
    const last = page.length - 1;
    page.forEach((line, index) => {
      const atEdge = index < 2 || index > last - 2;
      if (atEdge && (running.has(normalised(line.text)) || PAGE_NUMBER.test(line.text))) return;
      if (line.gapBefore && lines.length && lines[lines.length - 1] !== '') lines.push('');
      lines.push(line.text);
    });
  });
  return lines;
}

const PAGE_NUMBER = /^(page\s+)?\d{1,4}(\s*(of|\/)\s*\d{1,4})?$/i;
const normalised = (line: string) => line.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();

/** Items on one baseline joined into a line; a gap wider than a line's spacing marks a paragraph's end. */
function linesOfPage(items: PdfItem[]): { text: string; gapBefore: boolean }[] {
  const rows: PdfItem[][] = [];
  for (const item of [...items].sort((a, b) => b.y - a.y || a.x - b.x)) {
    const row = rows[rows.length - 1];
    if (row && Math.abs(row[0]!.y - item.y) <= Math.max(2, item.height * 0.3)) row.push(item);
    else rows.push([item]);
  }
  return rows.map((row, index) => {
    row.sort((a, b) => a.x - b.x);
    let text = '';
    row.forEach((item, i) => {
      const previous = row[i - 1];
      const spaced = previous && item.x - (previous.x + previous.width) > item.height * 0.15 && !text.endsWith(' ') && !item.str.startsWith(' ');
      text += (spaced ? ' ' : '') + item.str;
    });
    const above = rows[index - 1];
    const height = row[0]!.height;
    return { text: text.replace(/\s+/g, ' ').trim(), gapBefore: Boolean(above && above[0]!.y - row[0]!.y > height * 1.9) };
  });
}

/** Lines at the top or bottom of at least half the pages (digits aside): running headers and footers. */
function runningLines(pages: string[][]): Set<string> {
  const seen = new Map<string, number>();
  for (const lines of pages) {
    const edges = new Set([...lines.slice(0, 2), ...lines.slice(-2)].map(normalised));
    for (const line of edges) seen.set(line, (seen.get(line) ?? 0) + 1);
  }
  const least = Math.max(2, Math.ceil(pages.length / 2));
  return new Set([...seen].filter(([line, count]) => line !== '' && count >= least).map(([line]) => line));
}

/**
 * A Word document's paragraphs as lines. Numbered and bulleted lists are numbered by Word as it
 * shows them, not written in the text: they are read from the document's structure (mammoth's
 * HTML) and their numbers written out as printed ("1.", "(a)", "(i)", "•").
 */
async function docxLines(content: Buffer): Promise<string[]> {
  const { value: html } = await unreadable('Word document', () => mammoth.convertToHtml({ buffer: content }));
  const lines: string[] = [];
  const lists: { ordered: boolean; count: number }[] = [];
  let line = '';
  const end = (blank: boolean) => {
    if (line.trim()) lines.push(line.replace(/\s+/g, ' ').trim());
    if (blank && lines.length && lines[lines.length - 1] !== '') lines.push('');
    line = '';
  };
  for (const [, closing, tag, text] of html.matchAll(/<(\/?)([a-z0-9]+)[^>]*>|([^<]+)/gi)) {
    if (text !== undefined) {
      line += decodeEntities(text);
      continue;
    }
    switch (tag!.toLowerCase()) {
      case 'ol':
      case 'ul':
        end(false);
        if (closing) lists.pop();
        else lists.push({ ordered: tag!.toLowerCase() === 'ol', count: 0 });
        break;
      case 'li': {
        end(false);
        const list = lists[lists.length - 1];
        if (!closing && list) {
          list.count += 1;
          line = `${list.ordered ? listNumber(list.count, lists.length) : '•'} `;
        }
        break;
      }
      case 'p':
      case 'h1': case 'h2': case 'h3': case 'h4': case 'h5': case 'h6':
      case 'tr':
        if (closing) end(lists.length === 0);
        break;
      case 'td':
      case 'th':
        if (closing) line += ' ';
        break;
      case 'br':
        end(false);
        break;
    }
  }
  end(false);
  return lines;
}

/** How Word prints a list's numbers at each depth by default: 1. (a) (i). */
function listNumber(count: number, depth: number): string {
  if (depth === 2) return `(${String.fromCharCode(96 + ((count - 1) % 26) + 1)})`;
  if (depth >= 3) return `(${roman(count)})`;
  return `${count}.`;
}

function roman(n: number): string {
  const numerals: [number, string][] = [[10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];
  let out = '';
  for (const [value, numeral] of numerals) for (; n >= value; n -= value) out += numeral;
  return out;
}

function decodeEntities(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&');
}

/** The first worksheet that has anything in it, as rows of cells (dates kept as dates). */
async function xlsxRows(content: Buffer): Promise<TableCell[][]> {
  const workbook = new ExcelJS.Workbook();
  await unreadable('spreadsheet', () => workbook.xlsx.load(content as unknown as ArrayBuffer));
  const sheet = workbook.worksheets.find((candidate) => candidate.actualRowCount > 0);
  if (!sheet) throw badFile('FILE_HAS_NO_TEXT', 'the spreadsheet is empty');
  const rows: TableCell[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: TableCell[] = [];
    for (let column = 1; column <= row.cellCount; column++) {
      const cell = row.getCell(column);
      cells.push(cell.value instanceof Date ? cell.value : cell.text.trim());
    }
    rows.push(cells);
  });
  return rows;
}

/** A CSV file's rows; the separator (comma, semicolon or tab) is the one its first line uses most. */
function csvRows(text: string): TableCell[][] {
  const firstLine = text.split('\n', 1)[0] ?? '';
  const delimiter = [',', ';', '\t'].sort((a, b) => firstLine.split(b).length - firstLine.split(a).length)[0]!;
  try {
    return parseCsv(text, { delimiter, bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, trim: true }) as string[][];
  } catch (error) {
    throw badFile('FILE_UNREADABLE', `the CSV file cannot be read: ${(error as Error).message.slice(0, 200)}`);
  }
}
