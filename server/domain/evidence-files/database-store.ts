import { prisma, type TransactionClient } from '../../db/client.ts';
import type { EvidenceFileStore } from './store.ts';

/** The default store: bytes in a table of their own, written in the change's own transaction. */
export const databaseStore: EvidenceFileStore = {
  kind: 'DATABASE',
  transactional: true,
  async put(tx, key, content) {
    await tx.evidenceFileContent.create({ data: { key, content: new Uint8Array(content) } });
  },
  async read(key) {
    const found = await prisma.evidenceFileContent.findUniqueOrThrow({ where: { key }, select: { content: true } });
    return Buffer.from(found.content);
  },
  async remove(tx: TransactionClient | null, key) {
    await (tx ?? prisma).evidenceFileContent.deleteMany({ where: { key } });
  },
};
