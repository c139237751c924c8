import { badUserInput } from '../../server/errors.ts';
import { serveAside } from '../../server/threads/aside-thread.ts';

/** Jobs for the aside thread's test: each kind of work a real job may turn out to be. */
export type TestJob =
  | { kind: 'echo'; value: string }
  | { kind: 'busy'; ms: number }
  | { kind: 'spin' } | { kind: 'hoard' } | { kind: 'refuse' } | { kind: 'fail' };

const hoard: string[][] = [];

serveAside((job: TestJob) => {
  switch (job.kind) {
    case 'echo':
      return `${job.value} from the thread`;
    case 'busy': {
      // Computes for a while and says when, so a test can tell whether two jobs ran at once.
      const start = Date.now();
      while (Date.now() - start < job.ms);
      return `${start}-${Date.now()}`;
    }
    case 'spin':
      // Never yields, as a parser caught in a pathological file.
      for (;;);
    case 'hoard':
      for (;;) hoard.push(Array.from({ length: 1e5 }, (_, i) => `row ${i}`));
    case 'refuse':
      throw badUserInput('text: this cannot be read', [{ path: ['text'], message: 'this cannot be read' }]);
    case 'fail':
      throw new Error('a parser failed');
  }
});
