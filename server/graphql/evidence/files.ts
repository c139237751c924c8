import { prisma } from '../../db/client.ts';
import { actionItemTargetSelect } from '../../domain/action-items.ts';
import { attachEvidenceFiles, fileTypeName, mayChangeEvidenceFiles, removeEvidenceFile } from '../../domain/evidence-files/files.ts';
import { StoredBytes } from '../../domain/evidence-files/store.ts';
import { builder } from '../builder.ts';
import { encodeNodeId, globalIdOf } from '../shared/ids.ts';
import { write } from '../shared/mutation.ts';
import { COMMENT_MAX, NAME_MAX, base64Content, optionalText, requiredText } from '../shared/validation.ts';

/**
 * Files attached to evidence. They come in base64 inside a GraphQL mutation, as a report does for
 * intake, rather than through a multipart route of their own: one write path, so the same
 * authorization, validation errors on the right field, history in the same transaction, version
 * checks and per-caller queue apply; the writers' 15 MB request limit holds a 10 MB file. They
 * go out through GET /evidence-files/:id (http/evidence-files.ts), always as a download.
 */

export const EvidenceFile = builder.prismaNode('EvidenceFile', {
  id: { field: 'id' },
  select: { id: true },
  nullable: true,
  description: 'A file attached to evidence: a PDF, a Word document, a spreadsheet or an image.',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Its name, as offered when downloaded (ending in the extension of its type).' }),
    contentType: t.exposeString('contentType', { description: 'Its media type, told from its content when it was uploaded.' }),
    typeName: t.string({ description: 'Its kind in words: PDF, Word document, Spreadsheet, PNG image or JPEG image.', select: { contentType: true }, resolve: (file) => fileTypeName(file.contentType) }),
    size: t.exposeInt('size', { description: 'Its size in bytes.' }),
    sha256: t.exposeString('sha256', { description: 'The SHA-256 digest of its content, in hex: to check a copy against.' }),
    uploadedBy: t.relation('uploadedBy', { description: 'Who attached it.' }),
    uploadedAt: t.expose('uploadedAt', { type: 'DateTime', description: 'When it was attached.' }),
    evidence: t.relation('evidence', { description: 'The evidence it belongs to.' }),
    downloadUrl: t.string({
      description: 'Where to download it (a path on this server; send the session cookie or the API token). Always a download, never shown in the browser.',
      resolve: (file) => `/evidence-files/${encodeURIComponent(encodeNodeId('EvidenceFile', file.id))}`,
    }),
    viewerCanRemove: t.boolean({
      description: 'Whether you may remove it (whoever may submit evidence for its action item).',
      select: { evidence: { select: { actionItem: { select: actionItemTargetSelect } } } },
      resolve: (file, _args, { actor }) => mayChangeEvidenceFiles(actor, file.evidence.actionItem),
    }),
  }),
});

export const EvidenceFileInput = builder.inputType('EvidenceFileInput', {
  description: 'A file to attach: a PDF, a Word document (DOCX), a spreadsheet (XLSX) or an image (PNG or JPEG), at most 10 MB unless the server sets less. Its type is told from its content.',
  fields: (t) => ({
    name: t.string({ required: true, description: 'The file’s name.' }).validate(requiredText(NAME_MAX)),
    contentBase64: t.string({ required: true, description: 'The file’s bytes, in base64.' }).validate(base64Content),
  }),
});

/** Files as the domain takes them. */
export const givenFiles = (files: readonly { name: string; contentBase64: string }[]) =>
  files.map((file) => ({ name: file.name, content: Buffer.from(file.contentBase64, 'base64') }));

const AttachEvidenceFilesInput = builder.inputType('AttachEvidenceFilesInput', {
  description: 'Files to attach to evidence already submitted.',
  fields: (t) => ({
    evidenceId: t.id({ required: true, description: 'The evidence.' }).validate(globalIdOf('Evidence')),
    files: t.field({ type: [EvidenceFileInput], required: true, description: 'The files (one refused file refuses them all).' }),
  }),
});

const RemoveEvidenceFileInput = builder.inputType('RemoveEvidenceFileInput', {
  description: 'Removes a file from its evidence.',
  fields: (t) => ({
    id: t.id({ required: true, description: 'The file.' }).validate(globalIdOf('EvidenceFile')),
    comment: t.string({ description: 'Why (kept in history).' }).validate(optionalText(COMMENT_MAX)),
  }),
});

builder.mutationFields((t) => ({
  attachEvidenceFiles: t.prismaField({
    authScopes: { may: 'submitEvidence' },
    type: 'Evidence',
    description: 'Attaches files to evidence, with history; its version moves, so a verification in progress sees the change.',
    args: { input: t.arg({ type: AttachEvidenceFilesInput, required: true, description: 'The evidence and its files.' }) },
    resolve: async (query, _root, { input }, context) => {
      const bytes = new StoredBytes();
      const id = await bytes.around(() =>
        write(context, (tx, actor) => attachEvidenceFiles(tx, actor, { evidenceId: input.evidenceId, files: givenFiles(input.files) }, bytes)),
      );
      return prisma.evidence.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  removeEvidenceFile: t.prismaField({
    authScopes: { may: 'submitEvidence' },
    type: 'Evidence',
    description: 'Removes a file from its evidence, with history; its bytes go with it.',
    args: { input: t.arg({ type: RemoveEvidenceFileInput, required: true, description: 'Which file, and why.' }) },
    resolve: async (query, _root, { input }, context) => {
      const bytes = new StoredBytes();
      const id = await bytes.around(() => write(context, (tx, actor) => removeEvidenceFile(tx, actor, input, bytes)));
      return prisma.evidence.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
}));
