import { currentOperation } from '../../db/operation-scope.ts';
import { badField, badFile } from '../../errors.ts';
import { AsideThread, AsideThreadOutOfMemory } from '../../threads/aside-thread.ts';
import type { ReadJob, ReadRecommendations } from './read.ts';

/**
 * Reading a report is parsing whatever file an inspector gives: a Word document whose 18 KB unpack
 * to 5 MB of paragraphs took minutes on the main thread, and no request or health check was
 * answered meanwhile. On an aside thread it stops at the operation's deadline, and a file that
 * unpacks beyond the thread's memory is refused.
 */
const reader = new AsideThread<ReadJob, ReadRecommendations>('report reading', new URL('./read-worker.ts', import.meta.url));

/** The recommendations in pasted text or a file (read.ts), read on the aside thread within the operation's deadline. */
export async function readRecommendationsAside(job: ReadJob): Promise<ReadRecommendations> {
  try {
    return await reader.run(job, currentOperation()?.signal);
  } catch (error) {
    if (error instanceof AsideThreadOutOfMemory) {
      throw job.file ? badFile('FILE_UNREADABLE', 'the file is too large to read once unpacked') : badField(['text'], 'the text is too large to read');
    }
    throw error;
  }
}
