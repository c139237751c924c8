import { downloadCSV, type Exporter, type RaRecord } from 'react-admin';

/** A column of an export: its header as people read it, and the readable value of a record. */
export type ExportColumn = readonly [header: string, value: (record: RaRecord) => unknown];

function cell(value: unknown): string {
  let text = value == null ? '' : typeof value === 'boolean' ? (value ? 'yes' : 'no') : Array.isArray(value) ? value.join('; ') : String(value);
  // Text that starts like a formula would run as one in a spreadsheet: it is kept as text.
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The address of a record's page in this app, for the reader of a spreadsheet to follow. */
export const pageLink = (resource: string, id: unknown) =>
  `${window.location.origin}${window.location.pathname}#/${resource}/${encodeURIComponent(String(id))}/show`;

/**
 * The one exporter every list uses: labelled headers, readable values, a link to each record's page,
 * as UTF-8 with a byte-order mark so that Excel reads accents and quotation marks rightly.
 */
export function csvExporter(fileName: string, columns: ExportColumn[], link: (record: RaRecord) => string): Exporter {
  return (records: RaRecord[]) => {
    const all: ExportColumn[] = [...columns, ['Link', link]];
    const lines = [all.map(([header]) => cell(header)).join(','), ...records.map((record) => all.map(([, value]) => cell(value(record))).join(','))];
    downloadCSV(`\uFEFF${lines.join('\r\n')}\r\n`, fileName);
  };
}
