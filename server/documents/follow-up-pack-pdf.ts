import { createRequire } from 'node:module';
import path from 'node:path';
import type { Content, TableCell } from 'pdfmake';
import {
  actionStatusLabels, GAP_HEADING, gapText, label, recommendationStatusLabels, reportKindLabels, responseLabels, strengthLabels, verdictLabels, verdictText,
  verificationLabels,
} from '../domain/enum-labels.ts';
import type { FollowUpPack, PackRecommendation } from '../domain/follow-up-pack-types.ts';
import { excerpt } from '../domain/excerpt.ts';
import { describeSlippage, PACK_FIGURES, reportedStatusSince } from '../domain/follow-up-pack-wording.ts';
import { readableDay, readableMoment } from '../domain/locale.ts';

// pdfmake is CommonJS whose export is an instance: required, not imported, so its methods are there.
const require = createRequire(import.meta.url);
const pdfmake = require('pdfmake') as typeof import('pdfmake');
type DocumentDefinition = Parameters<typeof pdfmake.createPdf>[0];

/** The Roboto fonts pdfmake ships, embedded in every pack: nothing is fetched, and every reader sees the same letters. */
const fontDir = path.join(path.dirname(require.resolve('pdfmake')), '..', 'fonts', 'Roboto');
pdfmake.setFonts({
  Roboto: {
    normal: path.join(fontDir, 'Roboto-Regular.ttf'),
    bold: path.join(fontDir, 'Roboto-Medium.ttf'),
    italics: path.join(fontDir, 'Roboto-Italic.ttf'),
    bolditalics: path.join(fontDir, 'Roboto-MediumItalic.ttf'),
  },
});
// The pack holds only what the database gave: no image or font is ever fetched from a URL, and no
// file is read but the fonts.
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((file) => path.resolve(file).startsWith(fontDir + path.sep));

const COLOURS = { text: '#0b0c0c', muted: '#505a5f', rule: '#b1b4b6', shade: '#f3f2f1', red: '#d4351c', green: '#00703c', orange: '#f47738' };
const GAP_COLOURS: Record<string, string> = { OVERSTATED: COLOURS.red, CONFIRMED: COLOURS.green, UNVERIFIED: COLOURS.orange };

const muted = (text: string): Content => ({ text, color: COLOURS.muted });
const heading = (text: string): Content => ({ text, style: 'h3' });
/** A table of rows under a header row, repeated on each page it runs over. */
function table(widths: (string | number)[], header: string[], rows: TableCell[][]): Content {
  return {
    table: { headerRows: 1, widths, dontBreakRows: true, body: [header.map((text) => ({ text, style: 'th' })), ...rows] },
    layout: { hLineColor: () => COLOURS.rule, vLineWidth: () => 0, hLineWidth: (i: number) => (i <= 1 ? 1 : 0.5), paddingTop: () => 3, paddingBottom: () => 3 },
    margin: [0, 2, 0, 8],
  };
}

function cover(pack: FollowUpPack): Content[] {
  const { report, figures } = pack;
  return [
    { text: 'Follow-up pack', style: 'kicker' },
    { text: report.title, style: 'title' },
    {
      columns: [
        { width: 'auto', stack: ['Inspectorate', 'Kind', 'Published', 'Prepared'].map((name) => muted(name)) },
        {
          width: '*',
          stack: [report.inspectorate, label(reportKindLabels, report.kind), readableDay(report.publishedOn), readableMoment(pack.preparedAt)],
        },
      ],
      columnGap: 16,
      margin: [0, 8, 0, 12],
    },
    ...(report.followsUp.length
      ? [heading('Follows up'), { ul: report.followsUp.map((earlier) => `${earlier.title} (${readableDay(earlier.publishedOn)})`), margin: [0, 0, 0, 10] } as Content]
      : []),
    heading('In figures'),
    table(['*', 60], ['', 'Number'], PACK_FIGURES.map(([key, name]) => [name, { text: String(figures[key]), alignment: 'right' }])),
    heading('Recommendations'),
    table(
      [40, '*', 80, 80, 90],
      ['Ref.', 'Owner', 'Reported', 'Latest verdict', GAP_HEADING],
      pack.recommendations.map((rec) => [
        { text: rec.reference, bold: true },
        rec.owner,
        label(recommendationStatusLabels, rec.status),
        verdictText(rec.latestVerdict),
        { text: gapText(rec.gap, rec.latestVerdict), color: GAP_COLOURS[rec.gap] ?? COLOURS.text },
      ]),
    ),
  ];
}

function lineage(rec: PackRecommendation): Content[] {
  if (rec.lineage.length === 0) return [heading('Lineage'), muted('Not a repeat of an earlier recommendation.')];
  return [
    heading(`Lineage: repeats ${rec.lineage.length === 1 ? 'an earlier recommendation' : `${rec.lineage.length} earlier recommendations`}`),
    ...rec.lineage.map((earlier): Content => ({
      stack: [
        {
          text: [
            { text: `${earlier.reference}, ${earlier.report.title}`, bold: true },
            ` (${readableDay(earlier.report.publishedOn)}). Latest verdict: ${verdictText(earlier.latestVerdict)}.`,
            earlier.linkConfirmed ? '' : { text: ' Repeat link not yet confirmed.', color: COLOURS.orange },
          ],
        },
        { text: earlier.text, italics: true, color: COLOURS.muted, margin: [8, 1, 0, 0] },
      ],
      margin: [0, 0, 0, 5],
    })),
  ];
}

function section(rec: PackRecommendation): Content[] {
  const facts: [string, Content][] = [
    ['Owner', rec.owner],
    ['Reported status', reportedStatusSince(rec.status, rec.statusChangedAt)],
    ['Latest verdict', verdictText(rec.latestVerdict)],
    [GAP_HEADING, { text: gapText(rec.gap, rec.latestVerdict), bold: rec.gap === 'OVERSTATED', color: GAP_COLOURS[rec.gap] ?? COLOURS.text }],
    ['Target date', { text: `${describeSlippage(rec.target)}${rec.overdue ? ', overdue' : ''}`, color: rec.overdue ? COLOURS.red : COLOURS.text }],
    ['First made', rec.firstMadeOn ? readableDay(rec.firstMadeOn) : '—'],
    ['Themes', rec.themes.join(', ') || '—'],
  ];
  return [
    { text: `Recommendation ${rec.reference}`, style: 'h2', pageBreak: 'before', id: `rec-${rec.id}` },
    { text: rec.text, margin: [0, 0, 0, 6] },
    ...(rec.withdrawn
      ? [{ text: `Withdrawn on ${readableDay(rec.withdrawn.at)}${rec.withdrawn.reason ? `: ${rec.withdrawn.reason}` : ''}.`, color: COLOURS.red, margin: [0, 0, 0, 6] } as Content]
      : []),
    {
      table: { widths: [110, '*'], body: facts.map(([name, value]) => [muted(name), value]) },
      layout: 'noBorders',
      margin: [0, 0, 0, 6],
    },
    ...(rec.target.moves.length
      ? [{ ul: rec.target.moves.map((move) => `${readableDay(move.on)}: moved from ${readableDay(move.from) || 'none'} to ${readableDay(move.to) || 'none'}${move.reason ? `. ${move.reason}` : ''}`), fontSize: 8, color: COLOURS.muted, margin: [0, 0, 0, 6] } as Content]
      : []),
    ...lineage(rec),
    heading('Verdicts so far'),
    rec.assessments.length
      ? table(
          [62, 70, 78, '*'],
          ['Assessed', 'Recommendation', 'Verdict', 'Commentary'],
          rec.assessments.map((assessment) => [
            readableDay(assessment.assessedOn),
            `${assessment.reference}${assessment.earlier ? ' (earlier)' : ''}`,
            label(verdictLabels, assessment.verdict),
            { text: [assessment.commentary, assessment.report ? { text: ` (${assessment.report})`, color: COLOURS.muted } : ''] },
          ]),
        )
      : muted('No verdicts yet.'),
    heading('Responses'),
    rec.responses.length
      ? table(
          [90, 80, 62, '*'],
          ['Addressee', 'Response', 'Responded', 'Note'],
          rec.responses.map((response) => [response.organisation, label(responseLabels, response.response), response.respondedAt ? readableDay(response.respondedAt) : '—', response.note ?? '']),
        )
      : muted('No addressees.'),
    heading('Action plan'),
    ...(rec.actionItems.length
      ? rec.actionItems.map((item): Content => ({
          stack: [
            { text: item.description, bold: true },
            {
              text: [
                `${item.owner}${item.leadPerson ? `, ${item.leadPerson}` : ''}. ${label(actionStatusLabels, item.status)}`,
                item.completedOn ? ` on ${readableDay(item.completedOn)}` : '',
                '. Due: ',
                { text: describeSlippage(item.due), color: item.overdue ? COLOURS.red : (item.due.days ?? 0) > 0 ? COLOURS.orange : COLOURS.text },
                item.overdue ? { text: ', overdue', color: COLOURS.red } : '',
                '.',
              ],
              color: COLOURS.muted,
            },
            ...item.due.moves.map((move): Content => ({ text: `Moved on ${readableDay(move.on)} from ${readableDay(move.from) || 'none'} to ${readableDay(move.to) || 'none'}${move.reason ? `: ${move.reason}` : ''}`, fontSize: 8, color: COLOURS.muted, margin: [8, 0, 0, 0] })),
            item.evidence.length
              ? table(
                  ['*', 70, 56, 110],
                  ['Evidence', 'Strength', 'Submitted', 'Verification'],
                  item.evidence.map((evidence) => [
                    { text: [evidence.summary, evidence.url ? { text: `\n${evidence.url}`, color: COLOURS.muted, fontSize: 7.5 } : ''] },
                    label(strengthLabels, evidence.strength),
                    readableDay(evidence.submittedAt),
                    {
                      text: [
                        { text: label(verificationLabels, evidence.verification), bold: true, color: evidence.verification === 'INSUFFICIENT' ? COLOURS.red : evidence.verification === 'ACCEPTED' ? COLOURS.green : COLOURS.orange },
                        evidence.verifiedAt ? ` ${readableDay(evidence.verifiedAt)}${evidence.verifiedBy ? `, ${evidence.verifiedBy}` : ''}` : '',
                        evidence.verificationNote ? `\n${evidence.verificationNote}` : '',
                      ],
                    },
                  ]),
                )
              : { text: 'No evidence submitted.', color: COLOURS.muted, margin: [8, 2, 0, 0] },
          ],
          margin: [0, 0, 0, 8],
          unbreakable: item.evidence.length <= 2,
        }))
      : [muted('No actions planned.')]),
  ];
}

/** The pack as a PDF: a cover with the report and its figures, then one section per recommendation, every page numbered. */
export async function followUpPackPdf(pack: FollowUpPack): Promise<Buffer> {
  const definition: DocumentDefinition = {
    info: { title: `Follow-up pack: ${pack.report.title}`, author: pack.report.inspectorate, subject: 'Follow-up pack', creator: 'Recommendation tracker' },
    pageSize: 'A4',
    pageMargins: [48, 48, 48, 56],
    defaultStyle: { font: 'Roboto', fontSize: 9, lineHeight: 1.2, color: COLOURS.text },
    styles: {
      kicker: { fontSize: 11, color: COLOURS.muted, bold: true },
      title: { fontSize: 20, bold: true, margin: [0, 4, 0, 0] },
      h2: { fontSize: 15, bold: true, margin: [0, 0, 0, 6] },
      h3: { fontSize: 11, bold: true, margin: [0, 6, 0, 3] },
      th: { bold: true, color: COLOURS.muted, fontSize: 8 },
    },
    footer: (currentPage: number, pageCount: number) => ({
      columns: [
        { text: `Follow-up pack: ${excerpt(pack.report.title, 90)}`, color: COLOURS.muted, fontSize: 7.5 },
        { text: `Page ${currentPage} of ${pageCount}`, alignment: 'right', color: COLOURS.muted, fontSize: 7.5, width: 80 },
      ],
      margin: [48, 20, 48, 0],
    }),
    content: [...cover(pack), ...pack.recommendations.flatMap(section)],
  };
  return pdfmake.createPdf(definition).getBuffer();
}
