import { Worker } from 'node:worker_threads';
import type { FollowUpPack } from '../domain/follow-up-pack-types.ts';

type Pending = { resolve(pdf: Buffer): void; reject(error: Error): void };

/**
 * Laying out a PDF is seconds of uninterrupted work on a busy machine: done on the main thread it
 * would hold up every other request and the health check. One worker thread, started when first
 * needed and kept, lays out the packs one after another; it does not keep the process alive.
 */
let worker: Worker | undefined;
const BOOTSTRAP = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})
  .then(({ register }) => { register(); return import(${JSON.stringify(new URL('./follow-up-pack-worker.ts', import.meta.url).href)}); });`;
const pending = new Map<number, Pending>();
let nextJob = 1;

function failAll(thread: Worker, error: Error): void {
  // A thread that stopped after another took its place owes nothing.
  if (worker !== thread) return;
  worker = undefined;
  for (const job of pending.values()) job.reject(error);
  pending.clear();
}

function started(): Worker {
  if (worker) return worker;
  // The worker is TypeScript like the rest of the server: it registers tsx first, however the server was started.
  const thread = new Worker(BOOTSTRAP, { eval: true });
  thread.unref();
  thread.on('message', ({ job, pdf, error }: { job: number; pdf?: Uint8Array; error?: string }) => {
    const waiting = pending.get(job);
    pending.delete(job);
    if (!waiting) return;
    if (pdf) waiting.resolve(Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength));
    else waiting.reject(new Error(`The follow-up pack's PDF could not be made: ${error}`));
  });
  thread.on('error', (error) => failAll(thread, error));
  thread.on('exit', (code) => failAll(thread, new Error(`The PDF worker stopped (exit code ${code}).`)));
  worker = thread;
  return thread;
}

/** The pack as a PDF, laid out on the worker thread. */
export function followUpPackPdfAside(pack: FollowUpPack): Promise<Buffer> {
  const job = nextJob++;
  return new Promise<Buffer>((resolve, reject) => {
    pending.set(job, { resolve, reject });
    started().postMessage({ job, pack });
  });
}
