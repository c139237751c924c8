import { AlignmentType, Document, LevelFormat, Packer, Paragraph } from 'docx';
import ExcelJS from 'exceljs';
import { PDFDocument, StandardFonts } from 'pdf-lib';

/**
 * Report files made with real libraries, as inspectors receive them: a PDF whose recommendations
 * wrap over lines and pages under a running header and page numbers, a Word document with Word's
 * own list numbering, a spreadsheet and a CSV register. Used by the API and browser tests of intake.
 */

/** Words of a recommendation, wrapped at `width` characters as a PDF lays them out. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + word.length + 1 > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

export type FixtureRecommendation = { reference: string; text: string };

/**
 * A PDF of a report's recommendations section: a running header, "Page n of m" at the foot of each
 * page, an addressee heading, and each recommendation's text wrapped, some across a page break.
 */
export async function reportPdf(headings: { heading: string; recommendations: FixtureRecommendation[] }[]): Promise<Buffer> {
  const lines: { text: string; gap?: boolean; indent?: number }[] = [{ text: 'Recommendations', gap: true }];
  for (const group of headings) {
    lines.push({ text: group.heading, gap: true });
    for (const rec of group.recommendations) {
      const wrapped = wrap(rec.text, 80);
      wrapped.forEach((text, index) => lines.push({ text: index === 0 ? `${rec.reference} ${text}` : text, indent: index === 0 ? 0 : 18, gap: index === 0 }));
    }
  }
  const document = await PDFDocument.create();
  const font = await document.embedFont(StandardFonts.Helvetica);
  const perPage = 38;
  const pages: (typeof lines)[] = [];
  for (let i = 0; i < lines.length; i += perPage) pages.push(lines.slice(i, i + perPage));
  pages.forEach((pageLines, index) => {
    const page = document.addPage([595, 842]);
    page.drawText('HM Inspectorate of Probation: a thematic inspection of domestic abuse work', { x: 50, y: 805, size: 8, font });
    let y = 770;
    for (const line of pageLines) {
      if (line.gap) y -= 9;
      page.drawText(line.text, { x: 50 + (line.indent ?? 0), y, size: 10, font });
      y -= 13;
    }
    page.drawText(`Page ${index + 1} of ${pages.length}`, { x: 270, y: 30, size: 8, font });
  });
  return Buffer.from(await document.save());
}

/** A Word document whose recommendations are a numbered list under an addressee heading, numbered by Word. */
export async function reportDocx(heading: string, recommendations: string[]): Promise<Buffer> {
  const document = new Document({
    numbering: {
      config: [{
        reference: 'recommendations',
        levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START }],
      }],
    },
    sections: [{
      children: [
        new Paragraph({ text: 'Our findings were mixed.' }),
        new Paragraph({ text: 'Recommendations' }),
        new Paragraph({ text: heading }),
        ...recommendations.map((text) => new Paragraph({ text, numbering: { reference: 'recommendations', level: 0 } })),
        new Paragraph({ text: 'Annex A: methodology' }),
        new Paragraph({ text: '1. We read 120 cases.' }),
      ],
    }],
  });
  return Packer.toBuffer(document);
}

export type RegisterRow = { reference: string; text: string; owner: string; targetDate: Date | string | null; theme: string };

/** A register of recommendations as a spreadsheet, its columns told by their headers. */
export async function registerXlsx(rows: RegisterRow[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Recommendations');
  sheet.addRow(['Register of recommendations']);
  sheet.addRow(['Ref', 'Recommendation', 'Owner', 'Target date', 'Theme']);
  for (const row of rows) sheet.addRow([row.reference, row.text, row.owner, row.targetDate, row.theme]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The same register as CSV, the way spreadsheets save it (quoted where needed). */
export function registerCsv(rows: RegisterRow[]): Buffer {
  const quote = (value: string) => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  const day = (value: RegisterRow['targetDate']) => (value instanceof Date ? value.toISOString().slice(0, 10) : (value ?? ''));
  const lines = ['Reference,Recommendation text,Addressee,Due date,Theme', ...rows.map((row) => [row.reference, row.text, row.owner, day(row.targetDate), row.theme].map(quote).join(','))];
  return Buffer.from(lines.join('\r\n'), 'utf8');
}

/** Forty recommendations of a thematic report, each different, some addressed jointly. */
export function fortyRecommendations(): { heading: string; recommendations: FixtureRecommendation[] }[] {
  const topics = [
    'assess the risk of further domestic abuse in every relevant case, drawing on information from the police and children’s social care',
    'make domestic abuse enquiries with the police at the start of every order and again whenever circumstances change',
    'deliver accredited domestic abuse interventions promptly to everyone assessed as needing one, and monitor delivery against need',
    'review cases whenever risk factors change, and record how the plan was adjusted as a result',
    'give practitioners training and supervision in working with domestic abuse, including coercive control',
    'plan for the safety of victims and children, and record the actions taken to protect them',
    'reduce caseloads in the regions with the most vacancies so that practitioners have time for domestic abuse work',
    'share information with partner agencies through agreed protocols, and audit their use each year',
  ];
  const places = ['in the North West', 'in London', 'in Wales', 'in the Midlands', 'in the North East'];
  const recs = topics.flatMap((topic, t) => places.map((place, p) => `${topic[0]!.toUpperCase()}${topic.slice(1)} ${place}, reporting progress every ${3 + ((t + p) % 4)} months.`));
  return [
    { heading: 'HM Prison and Probation Service should:', recommendations: recs.slice(0, 25).map((text, i) => ({ reference: `${i + 1}.`, text })) },
    { heading: 'The Probation Service and the Ministry of Justice should:', recommendations: recs.slice(25).map((text, i) => ({ reference: `${i + 26}.`, text })) },
  ];
}
