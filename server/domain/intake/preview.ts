import type { PrismaClient } from '../../db/client.ts';
import { badField, badUserInput, notFound } from '../../errors.ts';
import { authorize, type Actor } from '../actor.ts';
import { reportTarget } from '../permissions.ts';
import { rankRepeatCandidates, type RankedCandidate, type RepeatDraft } from '../repeat-ranking.ts';
import { aliasesOf, recogniseAddressees, type KnownOrganisation } from './addressees.ts';
import type { ExtractedDocument, IntakeFile } from './extract.ts';
import { readRecommendationsAside } from './read-thread.ts';

/**
 * The preview of a report's recommendations before anything is saved: each one's reference, text,
 * recognised addressees, themes and target date, what to check, and the earlier recommendations it
 * probably repeats. The inspector corrects it, then saves it (report-recommendations.ts).
 */
export type IntakeRow = {
  reference: string;
  text: string;
  addresseeIds: number[];
  /** The names as printed that were recognised as those organisations. */
  recognisedAddressees: string[];
  themeIds: number[];
  targetDate: Date | null;
  warnings: string[];
  /** What the earlier recommendations it probably repeats are sought by (intakeRepeatCandidates). */
  draft: RepeatDraft;
};

export type IntakePreview = { format: ExtractedDocument['format']; rows: IntakeRow[]; warnings: string[] };

export type IntakeInput = {
  /** The report the recommendations are for, if it exists already. */
  reportId?: number | null;
  /** For a report not yet saved: when it is published (repeats are sought before it) and by whom. */
  publishedOn?: Date | null;
  inspectorateId?: number | null;
  text?: string | null;
  file?: IntakeFile | null;
};

/** How many probable repeats each row shows. */
export const CANDIDATES_PER_ROW = 5;

/**
 * The earlier recommendations a recommendation not yet saved probably repeats: asked row by row
 * once the preview is shown, so that reading a long report is answered at once and each row's
 * ranking is an operation of its own.
 */
export async function intakeRepeatCandidates(db: PrismaClient, draft: RepeatDraft): Promise<RankedCandidate[]> {
  return rankRepeatCandidates(db, draft, { first: CANDIDATES_PER_ROW });
}

/** Where a draft's repeats are sought: before its report's publication, leaving out the report itself. */
export async function draftSetting(db: PrismaClient, actor: Actor, input: { reportId?: number | null; publishedOn?: Date | null; inspectorateId?: number | null }) {
  const report = input.reportId
    ? await db.report.findUnique({ where: { id: input.reportId }, select: { id: true, publishedOn: true, inspectorate: { select: { path: true } } } })
    : null;
  if (input.reportId && !report) throw notFound('The report');
  const inspectorate = report?.inspectorate ?? (input.inspectorateId ? await db.organisation.findUnique({ where: { id: input.inspectorateId }, select: { path: true } }) : null);
  authorize(actor, 'loadReport', inspectorate ? reportTarget({ inspectorate }) : undefined);
  const publishedOn = report?.publishedOn ?? input.publishedOn;
  if (!publishedOn) throw badField(['publishedOn'], 'give the report’s publication date, or the report');
  return { publishedOn, excludeReportId: report?.id };
}

export async function previewIntake(db: PrismaClient, actor: Actor, input: IntakeInput): Promise<IntakePreview> {
  const { publishedOn, excludeReportId } = await draftSetting(db, actor, input);
  const existing = new Set(
    excludeReportId ? (await db.recommendation.findMany({ where: { reportId: excludeReportId }, select: { reference: true } })).map((rec) => rec.reference) : [],
  );
  if ((input.text ? 1 : 0) + (input.file ? 1 : 0) !== 1) throw badUserInput('Give either the text or a file.');

  const { format, recommendations: split } = await readRecommendationsAside(input.file ? { file: input.file } : { text: input.text! });
  const warnings = split.length === 0 ? ['No numbered recommendations were found: check the text has them as printed (1., R1, 2.1, (a) or bullets).'] : [];

  const organisations = await db.organisation.findMany({ where: { active: true }, orderBy: { id: 'asc' } });
  const aliases = aliasesOf(organisations.map((organisation): KnownOrganisation => ({
    id: organisation.id,
    name: organisation.name,
    shortName: organisation.shortName,
    // Former names, where the model keeps them.
    formerNames: (organisation as { formerNames?: string[] }).formerNames ?? [],
  })));
  const themes = await db.theme.findMany({ select: { id: true, name: true } });
  const themeByName = new Map(themes.map((theme) => [theme.name.toLowerCase(), theme.id]));

  const rows: IntakeRow[] = [];
  for (const rec of split) {
    const rowWarnings = [...rec.warnings];
    const addressees = recogniseAddressees(rec, aliases);
    if (addressees.ids.length === 0) rowWarnings.push('no addressee recognised: choose who it is addressed to');
    const themeIds = rec.themeNames.flatMap((name) => {
      const id = themeByName.get(name.toLowerCase());
      if (id === undefined) rowWarnings.push(`the theme “${name}” is not known`);
      return id === undefined ? [] : [id];
    });
    if (existing.has(rec.reference)) rowWarnings.push(`the report already has a recommendation ${rec.reference}`);
    rows.push({
      reference: rec.reference,
      text: rec.text,
      addresseeIds: addressees.ids,
      recognisedAddressees: addressees.names,
      themeIds,
      targetDate: rec.targetDate,
      warnings: rowWarnings,
      draft: { text: rec.text, reference: rec.reference, publishedOn, addresseeIds: addressees.ids, themeIds, excludeReportId },
    });
  }
  return { format, rows, warnings };
}
