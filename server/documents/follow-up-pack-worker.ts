import { parentPort } from 'node:worker_threads';
import type { FollowUpPack } from '../domain/follow-up-pack-types.ts';
import { followUpPackPdf } from './follow-up-pack-pdf.ts';

/** Lays out packs as PDFs off the server's main thread (pdf-thread.ts sends them). */
parentPort!.on('message', ({ job, pack }: { job: number; pack: FollowUpPack }) => {
  followUpPackPdf(pack).then(
    (pdf) => parentPort!.postMessage({ job, pdf }),
    (error: unknown) => parentPort!.postMessage({ job, error: error instanceof Error ? error.message : String(error) }),
  );
});
