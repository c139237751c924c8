import { actionItemTargetSelect } from '../../domain/action-items.ts';
import { mayChangeEvidenceFiles } from '../../domain/evidence-files/files.ts';
import { canAtAll } from '../../domain/permissions.ts';
import { builder } from '../builder.ts';
import { EvidenceStrength, EvidenceVerification } from '../types/enums.ts';

export const Evidence = builder.prismaNode('Evidence', {
  id: { field: 'id' },
  select: { id: true },
  // node(id) answers null for a record that does not exist (or no longer does), as Relay expects.
  nullable: true,
  description: 'What backs progress on an action item, and an inspector’s verification of it.',
  fields: (t) => ({
    summary: t.exposeString('summary', { description: 'What the evidence shows.' }),
    url: t.exposeString('url', { nullable: true, description: 'Where it can be read.' }),
    strength: t.expose('strength', { type: EvidenceStrength, description: 'A policy, a change in practice, or a measured outcome.' }),
    actionItem: t.relation('actionItem', { description: 'The action item it backs.' }),
    files: t.relation('files', { description: 'Files attached to it, in the order attached.', query: { orderBy: { id: 'asc' } } }),
    submittedBy: t.relation('submittedBy', { description: 'Who submitted it.' }),
    submittedAt: t.expose('submittedAt', { type: 'DateTime', description: 'When it was submitted.' }),
    verification: t.expose('verification', { type: EvidenceVerification, description: 'An inspector’s check of it.' }),
    verificationNote: t.exposeString('verificationNote', { nullable: true, description: 'Why the inspector accepted it or found it insufficient.' }),
    verifiedBy: t.relation('verifiedBy', { nullable: true, description: 'The inspector who checked it.' }),
    verifiedAt: t.expose('verifiedAt', { type: 'DateTime', nullable: true, description: 'When it was checked.' }),
    viewerCanVerify: t.boolean({
      description: 'Whether you may accept it or mark it insufficient (inspectors).',
      select: { actionItem: { select: { recommendation: { select: { withdrawnAt: true } } } } },
      resolve: (evidence, _args, { actor }) => canAtAll(actor, 'verifyEvidence', evidence.actionItem.recommendation),
    }),
    viewerCanChangeFiles: t.boolean({
      description: 'Whether you may attach files to it and remove them (whoever may submit evidence for its action item).',
      select: { actionItem: { select: actionItemTargetSelect } },
      resolve: (evidence, _args, { actor }) => mayChangeEvidenceFiles(actor, evidence.actionItem),
    }),
    version: t.exposeInt('version', { description: 'Increases with every change; send it back with an update.' }),
  }),
});
