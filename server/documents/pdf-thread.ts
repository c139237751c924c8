import type { FollowUpPack } from '../domain/follow-up-pack-types.ts';
import { AsideThread } from '../threads/aside-thread.ts';

/**
 * Follow-up packs are laid out as PDFs on an aside thread (follow-up-pack-worker.ts), one after
 * another, each to the end: their database work is bounded by the operation's deadline, and the
 * layout of a large report's pack may take longer on a busy machine than a deadline meant for queries.
 */
// As much memory as the server's own heap would give it: a pack is the product's own data, not a stranger's file.
const packs = new AsideThread<FollowUpPack, Uint8Array>('PDF', new URL('./follow-up-pack-worker.ts', import.meta.url), 2048);

/** The pack as a PDF, laid out on the aside thread. */
export async function followUpPackPdfAside(pack: FollowUpPack): Promise<Buffer> {
  const pdf = await packs.run(pack).catch((error: unknown) => {
    throw new Error(`The follow-up pack's PDF could not be made: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  });
  return Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
}
