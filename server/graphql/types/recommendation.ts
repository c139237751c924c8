import { builder } from '../builder.ts';
import { RecommendationStatus } from './enums.ts';

builder.prismaNode('Recommendation', {
  id: { field: 'id' },
  description: 'One recommendation of a report, with the owner’s self-reported status.',
  fields: (t) => ({
    reference: t.exposeString('reference', { description: 'The reference as printed, e.g. "R3".' }),
    text: t.exposeString('text', { description: 'The recommendation in full.' }),
    status: t.expose('status', { type: RecommendationStatus, description: 'Progress as the owner reports it.' }),
    targetDate: t.expose('targetDate', { type: 'Date', nullable: true, description: 'When it should be met.' }),
    report: t.relation('report', { description: 'The report that made it.' }),
    owner: t.relation('owner', { description: 'The lead owning organisation.' }),
    repeats: t.relation('repeats', { nullable: true, description: 'The earlier recommendation it repeats.' }),
  }),
});
