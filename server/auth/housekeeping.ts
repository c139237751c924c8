import type { Logger } from '../logger.ts';
import { repeatEvery } from '../periodic.ts';
import { removeExpiredSessions } from './sessions.ts';
import { removeOldSignInAttempts } from './sign-in.ts';

const HOUR = 3_600_000;

/** Removes expired sessions and old sign-in attempts now and every hour, until stopped. */
export function startHousekeeping(log: Logger): () => Promise<void> {
  return repeatEvery(HOUR, async () => {
    try {
      const sessions = await removeExpiredSessions();
      const attempts = await removeOldSignInAttempts();
      if (sessions || attempts) log.debug(`Housekeeping removed ${sessions} expired sessions and ${attempts} old sign-in attempts.`);
    } catch (error) {
      log.warn(`Housekeeping failed; it will try again in an hour (${error instanceof Error ? error.name : 'error'}).`);
    }
  });
}
