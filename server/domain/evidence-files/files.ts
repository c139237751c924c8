import { createHash, randomUUID } from 'node:crypto';
import { prisma, type TransactionClient } from '../../db/client.ts';
import type { Prisma } from '../../db/generated/prisma/client.ts';
import { GraphQLError } from 'graphql';
import { badField, badFile, notFound, type FileProblem } from '../../errors.ts';
import { actionItemTarget, actionItemTargetSelect, type ActionItemTargetRow } from '../action-items.ts';
import { authorize, type Actor } from '../actor.ts';
import { recordHistory } from '../history.ts';
import { can } from '../permissions.ts';
import { touchRecommendation } from '../recommendations.ts';
import { refuseTooLarge, refuseType, typeOfContent } from '../uploaded-files.ts';
import { currentStore, evidenceFileLimit, storeFor, type StoredBytes } from './store.ts';

/**
 * Files attached to evidence: what is accepted, attaching, removing and reading them. Who may
 * attach and remove is who may submit evidence for the action item (permissions.ts); every change
 * leaves history in its own transaction and moves the evidence's version, so an inspector never
 * verifies evidence whose files changed since they read it.
 */

/** The kinds accepted, by the type their content shows: their name for people, media type, and the names a file of each may end in. */
const ACCEPTED_FILE_TYPES: Record<string, { name: string; mime: string; extensions: string[] }> = {
  pdf: { name: 'PDF', mime: 'application/pdf', extensions: ['pdf'] },
  docx: { name: 'Word document', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extensions: ['docx'] },
  xlsx: { name: 'Spreadsheet', mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extensions: ['xlsx'] },
  png: { name: 'PNG image', mime: 'image/png', extensions: ['png'] },
  jpg: { name: 'JPEG image', mime: 'image/jpeg', extensions: ['jpg', 'jpeg'] },
};

const SUPPORTED = 'Attach a PDF, a Word document (DOCX), a spreadsheet (XLSX) or an image (PNG or JPEG).';

/** Enough for a plan, its minutes and its figures; past that, evidence is better split. */
const MAX_FILES_PER_EVIDENCE = 20;

type GivenFile = { name: string; content: Buffer };
type CheckedFile = { name: string; content: Buffer; contentType: string };

/** Who attaches and removes an evidence's files is who may submit evidence for its action item (and, for history, its recommendation). */
const fileRightsSelect = { recommendationId: true, ...actionItemTargetSelect } satisfies Prisma.ActionItemSelect;

const acceptedByMime = (contentType: string) => Object.values(ACCEPTED_FILE_TYPES).find((type) => type.mime === contentType);

/** The kind of file a media type names, for people ("PDF", "Word document"). */
export const fileTypeName = (contentType: string): string => acceptedByMime(contentType)?.name ?? contentType;

/** The media type a download is sent with: one of the accepted kinds', else plain bytes. */
export const safeContentType = (contentType: string) => (acceptedByMime(contentType) ? contentType : 'application/octet-stream');

/**
 * The name kept and offered on download: the last part of what was given, without control
 * characters, ending in an extension of the type its content shows ("minutes.exe" holding a PDF
 * is offered as "minutes.pdf"), so a download never opens as something it is not.
 */
function safeFileName(given: string, ext: string): string {
  const base = given.split(/[\\/]/).pop()!.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 200);
  const stem = base.replace(/\.[^.]*$/, '') || 'evidence';
  const own = /\.([^.]+)$/.exec(base)?.[1]?.toLowerCase();
  return own && ACCEPTED_FILE_TYPES[ext]!.extensions.includes(own) ? base : `${stem}.${ACCEPTED_FILE_TYPES[ext]!.extensions[0]}`;
}

/** A file's refusal, saying which of those given it is. */
function namingFile(error: unknown, name: string): unknown {
  if (!(error instanceof GraphQLError)) return error;
  const [field] = (error.extensions.fields ?? []) as { path: (string | number)[]; message: string }[];
  if (!field) return error;
  return badFile(error.extensions.reason as FileProblem, `${JSON.stringify(String(name).slice(0, 200))}: ${field.message}`, field.path);
}

/** Checks every file before anything is kept: one refused file refuses them all. */
async function checkFiles(files: GivenFile[], path: string): Promise<CheckedFile[]> {
  const limit = evidenceFileLimit();
  const checked: CheckedFile[] = [];
  for (const [index, file] of files.entries()) {
    const at = [path, index];
    try {
      refuseTooLarge(file.content, limit, at);
      if (file.content.length === 0) throw badFile('FILE_UNREADABLE', 'the file is empty', at);
      const type = await typeOfContent(file.content);
      if (!type || !ACCEPTED_FILE_TYPES[type.ext]) refuseType(type?.ext, SUPPORTED, at);
      checked.push({ name: safeFileName(file.name, type.ext), content: file.content, contentType: ACCEPTED_FILE_TYPES[type.ext]!.mime });
    } catch (error) {
      throw namingFile(error, file.name);
    }
  }
  return checked;
}

/** Attaches files to evidence (at its submission, or later). */
export async function attachEvidenceFiles(
  tx: TransactionClient,
  actor: Actor,
  input: { evidenceId: number; files: GivenFile[]; path?: string },
  bytes: StoredBytes,
): Promise<number> {
  bytes.startAttempt();
  const evidence = await tx.evidence.findUnique({
    where: { id: input.evidenceId },
    select: { id: true, _count: { select: { files: true } }, actionItem: { select: fileRightsSelect } },
  });
  if (!evidence) throw notFound('The evidence');
  authorize(actor, 'submitEvidence', actionItemTarget(evidence.actionItem));
  const path = input.path ?? 'files';
  if (input.files.length === 0) throw badField([path], 'give at least one file');
  if (evidence._count.files + input.files.length > MAX_FILES_PER_EVIDENCE) {
    throw badField([path], `evidence holds at most ${MAX_FILES_PER_EVIDENCE} files; it has ${evidence._count.files}`);
  }
  const checked = await checkFiles(input.files, path);
  const store = currentStore();
  for (const file of checked) {
    const storageKey = randomUUID();
    await bytes.put(tx, store, storageKey, file.content, file.contentType);
    await tx.evidenceFile.create({
      data: {
        evidenceId: evidence.id,
        name: file.name,
        contentType: file.contentType,
        size: file.content.length,
        sha256: createHash('sha256').update(file.content).digest('hex'),
        storage: store.kind,
        storageKey,
        uploadedById: actor.userId,
      },
    });
  }
  await tx.evidence.update({ where: { id: evidence.id }, data: { version: { increment: 1 } } });
  await recordHistory(
    tx,
    actor,
    checked.map((file) => ({
      kind: 'CREATED' as const,
      subject: 'EVIDENCE' as const,
      subjectId: evidence.id,
      recommendationId: evidence.actionItem.recommendationId,
      field: 'file',
      toValue: file.name,
    })),
  );
  await touchRecommendation(tx, evidence.actionItem.recommendationId);
  return evidence.id;
}

/** Removes one file from its evidence, with the reason if given; the bytes go with it. */
export async function removeEvidenceFile(
  tx: TransactionClient,
  actor: Actor,
  input: { id: number; comment?: string | null },
  bytes: StoredBytes,
): Promise<number> {
  bytes.startAttempt();
  const file = await tx.evidenceFile.findUnique({
    where: { id: input.id },
    select: {
      name: true, storage: true, storageKey: true, evidenceId: true,
      evidence: { select: { actionItem: { select: fileRightsSelect } } },
    },
  });
  if (!file) throw notFound('The file');
  authorize(actor, 'submitEvidence', actionItemTarget(file.evidence.actionItem));
  const { count } = await tx.evidenceFile.deleteMany({ where: { id: input.id } });
  if (count === 0) throw notFound('The file');
  await bytes.remove(tx, storeFor(file.storage), file.storageKey);
  await tx.evidence.update({ where: { id: file.evidenceId }, data: { version: { increment: 1 } } });
  await recordHistory(tx, actor, {
    kind: 'DELETED',
    subject: 'EVIDENCE',
    subjectId: file.evidenceId,
    recommendationId: file.evidence.actionItem.recommendationId,
    field: 'file',
    fromValue: file.name,
    comment: input.comment ?? null,
  });
  await touchRecommendation(tx, file.evidence.actionItem.recommendationId);
  return file.evidenceId;
}

/** Whether the actor may attach files to evidence for this action item, and remove them. */
export const mayChangeEvidenceFiles = (actor: Actor | null, actionItem: ActionItemTargetRow) => can(actor, 'submitEvidence', actionItemTarget(actionItem));

/** A file and its bytes, for someone who may read the evidence; NOT_FOUND for no such file (or no id of one). */
export async function readEvidenceFile(actor: Actor, id: number | null): Promise<{ name: string; contentType: string; content: Buffer }> {
  authorize(actor, 'readRecords');
  const file = id === null ? null : await prisma.evidenceFile.findUnique({ where: { id }, select: { name: true, contentType: true, storage: true, storageKey: true } });
  if (!file) throw notFound('The file');
  return { name: file.name, contentType: file.contentType, content: await storeFor(file.storage).read(file.storageKey) };
}
