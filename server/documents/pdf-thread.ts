import type { FollowUpPack } from '../domain/follow-up-pack-types.ts';
import { AsideThread } from '../threads/aside-thread.ts';

/** Follow-up packs are laid out as PDFs on an aside thread (follow-up-pack-worker.ts), one after another. */
const packs = new AsideThread<FollowUpPack, Uint8Array>('PDF', new URL('./follow-up-pack-worker.ts', import.meta.url));

/** The pack as a PDF, laid out on the aside thread. */
export async function followUpPackPdfAside(pack: FollowUpPack, signal?: AbortSignal): Promise<Buffer> {
  const pdf = await packs.run(pack, signal).catch((error: unknown) => {
    throw new Error(`The follow-up pack's PDF could not be made: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  });
  return Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
}
