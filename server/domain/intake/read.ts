import { badUserInput } from '../../errors.ts';
import { MAX_RECOMMENDATIONS_AT_ONCE } from './limits.ts';
import { extractDocument, textLines, type ExtractedDocument } from './extract.ts';
import { splitRecommendations, type SplitRecommendation } from './split.ts';


export type ReadJob = { text: string; file?: undefined } | { text?: undefined; file: { name: string; content: Uint8Array } };
export type ReadRecommendations = { format: ExtractedDocument['format']; recommendations: SplitRecommendation[] };

/**
 * A report's recommendations as printed in pasted text or a file: the reading and splitting
 * (extract.ts, split.ts), which needs no database. Done on an aside thread (read-thread.ts).
 */
export async function readRecommendations(job: ReadJob): Promise<ReadRecommendations> {
  const document: ExtractedDocument = job.file
    ? await extractDocument({ name: job.file.name, content: Buffer.from(job.file.content.buffer, job.file.content.byteOffset, job.file.content.byteLength) })
    : { kind: 'LINES', format: 'TEXT', lines: textLines(job.text) };
  const recommendations = splitRecommendations(document);
  if (recommendations.length > MAX_RECOMMENDATIONS_AT_ONCE) {
    const field = job.file ? 'file' : 'text';
    const message = `this reads as ${recommendations.length} recommendations, and at most ${MAX_RECOMMENDATIONS_AT_ONCE} are loaded at once: give the recommendations section only, or split it`;
    throw badUserInput(`${field}: ${message}`, [{ path: [field], message }]);
  }
  return { format: document.format, recommendations };
}
