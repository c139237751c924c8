import { serveAside } from '../../threads/aside-thread.ts';
import { readRecommendations, type ReadJob } from './read.ts';

/** Reads reports' files and pasted text off the server's main thread (read-thread.ts sends them). */
serveAside((job: ReadJob) => readRecommendations(job));
