import type { FollowUpPack } from '../domain/follow-up-pack-types.ts';
import { serveAside } from '../threads/aside-thread.ts';
import { followUpPackPdf } from './follow-up-pack-pdf.ts';

/** Lays out packs as PDFs off the server's main thread (pdf-thread.ts sends them). */
serveAside((pack: FollowUpPack) => followUpPackPdf(pack));
