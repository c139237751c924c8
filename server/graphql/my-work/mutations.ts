import { prisma } from '../../db/client.ts';
import { setDigestFrequency } from '../../domain/digest-frequency.ts';
import { builder } from '../builder.ts';
import { write } from '../shared/mutation.ts';
import { DigestFrequency } from '../types/enums.ts';

builder.mutationFields((t) => ({
  setDigestFrequency: t.prismaField({
    type: 'User',
    authScopes: { may: 'chooseReminders' },
    description: 'Chooses how often the digest of your work is emailed to you: daily, weekly or never. Your own account only.',
    args: { frequency: t.arg({ type: DigestFrequency, required: true, description: 'How often.' }) },
    resolve: async (query, _root, { frequency }, context) => {
      const id = await write(context, (tx, actor) => setDigestFrequency(tx, actor, frequency));
      return prisma.user.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
}));
