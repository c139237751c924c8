import { z } from 'zod';
import { prisma } from '../../db/client.ts';
import { submitEvidence, verifyEvidence } from '../../domain/evidence.ts';
import { attachEvidenceFiles } from '../../domain/evidence-files/files.ts';
import { StoredBytes } from '../../domain/evidence-files/store.ts';
import { builder } from '../builder.ts';
import { globalIdOf } from '../shared/ids.ts';
import { write } from '../shared/mutation.ts';
import { COMMENT_MAX, TEXT_MAX, requiredText, webAddress } from '../shared/validation.ts';
import { EvidenceStrength, EvidenceVerification } from '../types/enums.ts';
import { EvidenceFileInput, givenFiles } from './files.ts';

const SubmitEvidenceInput = builder.inputType('SubmitEvidenceInput', {
  description: 'Evidence of progress on an action item.',
  fields: (t) => ({
    actionItemId: t.id({ required: true, description: 'The action item it backs.' }).validate(globalIdOf('ActionItem')),
    summary: t.string({ required: true, description: 'What it shows.' }).validate(requiredText(TEXT_MAX)),
    url: t.string({ description: 'Where it can be read.' }).validate(webAddress),
    strength: t.field({ type: EvidenceStrength, required: true, description: 'A policy, a change in practice, or a measured outcome.' }),
    files: t.field({ type: [EvidenceFileInput], description: 'Files to attach to it (one refused file refuses the whole submission).' }),
  }),
});

const verdicts = z.enum(['ACCEPTED', 'INSUFFICIENT'], { error: 'evidence is verified as ACCEPTED or INSUFFICIENT' });

const VerifyEvidenceInput = builder.inputType('VerifyEvidenceInput', {
  description: 'An inspector’s check of a piece of evidence.',
  fields: (t) => ({
    id: t.id({ required: true, description: 'The evidence.' }).validate(globalIdOf('Evidence')),
    version: t.int({ required: true, description: 'The version you last read.' }),
    verification: t.field({ type: EvidenceVerification, required: true, description: 'ACCEPTED or INSUFFICIENT.' }).validate(verdicts),
    note: t.string({ required: true, description: 'Why: kept with the evidence and in history.' }).validate(requiredText(COMMENT_MAX)),
  }),
});

builder.mutationFields((t) => ({
  submitEvidence: t.prismaField({
    authScopes: { may: 'submitEvidence' },
    type: 'Evidence',
    description: 'Submits evidence for an action item; it waits, unverified, for an inspector.',
    args: { input: t.arg({ type: SubmitEvidenceInput, required: true, description: 'The evidence.' }) },
    resolve: async (query, _root, { input }, context) => {
      const bytes = new StoredBytes();
      const id = await bytes.around(() =>
        write(context, async (tx, actor) => {
          const evidenceId = await submitEvidence(tx, actor, input);
          if (input.files?.length) await attachEvidenceFiles(tx, actor, { evidenceId, files: givenFiles(input.files), path: 'files' }, bytes);
          return evidenceId;
        }),
      );
      return prisma.evidence.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  verifyEvidence: t.prismaField({
    authScopes: { may: 'verifyEvidence' },
    type: 'Evidence',
    description: 'Accepts evidence, or marks it insufficient, with a note.',
    args: { input: t.arg({ type: VerifyEvidenceInput, required: true, description: 'The check.' }) },
    resolve: async (query, _root, { input }, context) => {
      const id = await write(context, (tx, actor) =>
        verifyEvidence(tx, actor, { ...input, verification: input.verification as z.infer<typeof verdicts> }),
      );
      return prisma.evidence.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
}));
