import { actionItemTarget, actionItemTargetSelect } from '../../domain/action-items.ts';
import { can } from '../../domain/permissions.ts';
import { isActionItemOverdue } from '../../domain/recommendation-rules.ts';
import { builder } from '../builder.ts';
import { ActionItemStatus } from '../types/enums.ts';
import { MAX_PAGE_SIZE, pageSize } from '../shared/pagination.ts';

export const ActionItem = builder.prismaNode('ActionItem', {
  id: { field: 'id' },
  select: { id: true },
  // node(id) answers null for a record that does not exist (or no longer does), as Relay expects.
  nullable: true,
  description: 'One line of the action plan for a recommendation.',
  fields: (t) => ({
    description: t.exposeString('description', { description: 'What will be done.' }),
    recommendation: t.relation('recommendation', { description: 'The recommendation it answers.' }),
    owner: t.relation('owner', { description: 'The organisation that owns the action.' }),
    leadPerson: t.exposeString('leadPerson', { nullable: true, description: 'The lead person, as the plan names them.' }),
    dueDate: t.expose('dueDate', { type: 'Date', nullable: true, description: 'When it is due; earlier dates are in history.' }),
    status: t.expose('status', { type: ActionItemStatus, description: 'Its progress.' }),
    completedOn: t.expose('completedOn', { type: 'Date', nullable: true, description: 'When it was completed.' }),
    isOverdue: t.boolean({
      description: 'Past its due date and neither completed nor cancelled.',
      select: { dueDate: true, status: true },
      resolve: (item) => isActionItemOverdue(item),
    }),
    evidence: t.relation('evidence', {
      description: `Evidence submitted for it, newest first: at most ${MAX_PAGE_SIZE} (the evidence list pages through more).`,
      args: { first: t.arg.int({ description: `At most this many (${MAX_PAGE_SIZE} when not given).` }).validate(pageSize) },
      query: (args) => ({ orderBy: [{ submittedAt: 'desc' }, { id: 'desc' }], take: args.first ?? MAX_PAGE_SIZE }),
    }),
    evidenceCount: t.relationCount('evidence', { description: 'How much evidence it has.' }),
    viewerCanEdit: t.boolean({
      description: 'Whether you may change, complete or remove it (its owner’s leaders, inspectors, administrators).',
      select: actionItemTargetSelect,
      resolve: (item, _args, { actor }) => can(actor, 'manageActionItem', actionItemTarget(item)),
    }),
    viewerCanSubmitEvidence: t.boolean({
      description: 'Whether you may submit evidence for it.',
      select: actionItemTargetSelect,
      resolve: (item, _args, { actor }) => can(actor, 'submitEvidence', actionItemTarget(item)),
    }),
    version: t.exposeInt('version', { description: 'Increases with every change; send it back with an update.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was added.' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime', description: 'When it last changed.' }),
  }),
});
