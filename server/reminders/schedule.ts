import type { ReminderSettings } from '../config.ts';
import type { Logger } from '../logger.ts';
import { repeatEvery } from '../periodic.ts';
import { useEscalationDays } from '../domain/my-work.ts';
import { createMailer } from './mailer.ts';
import { sendDueDigests } from './send-digests.ts';

/** How often each server process looks for digests due; the claims keep them to one send each. */
export const CHECK_EVERY_MS = 5 * 60_000;

/**
 * Sends the reminder digests now and every few minutes, until stopped. With no SMTP server configured,
 * sends nothing and says so once. `appUrl` is where the links in the emails point when APP_URL is not set.
 */
export function startReminders(settings: ReminderSettings | undefined, log: Logger, appUrl: string): () => Promise<void> {
  // The "my work" page escalates as the digests do, whether or not email is sent.
  if (settings) useEscalationDays(settings.escalationDays);
  if (!settings?.smtpUrl || !settings.from) {
    log.info('Reminder emails are off: SMTP_URL is not set, so no digests are sent.');
    return async () => {};
  }
  const mailer = createMailer(settings.smtpUrl, settings.from);
  const links = settings.appUrl ?? appUrl;
  log.info(`Reminder emails go through ${mailer.server} from ${settings.from}, from ${settings.hour}:00 UTC (weekly ones on Mondays); links point to ${links}.`);
  void mailer.verify().catch((error: unknown) =>
    log.warn(`SMTP_URL: the mail server ${mailer.server} did not answer (${error instanceof Error ? error.message : 'error'}): reminders are tried again every ${CHECK_EVERY_MS / 60_000} minutes.`),
  );
  const sendNow = async () => {
    try {
      const { sent, failed } = await sendDueDigests({
        mailer,
        appUrl: links,
        hour: settings.hour,
        escalationDays: settings.escalationDays,
        onFailure: ({ userId, period, error }) =>
          log.warn(`Reminder digest for user ${userId} (${period}) not sent; it is tried again later (${error instanceof Error ? error.message : 'error'}).`),
      });
      if (sent || failed) log.info(`Reminder digests: ${sent} sent, ${failed} failed.`);
    } catch (error) {
      log.warn(`Reminder digests could not be prepared; trying again in ${CHECK_EVERY_MS / 60_000} minutes (${error instanceof Error ? error.message : 'error'}).`);
    }
  };
  // Stopping lets a run in progress finish: a digest sent is then recorded as sent. Other processes
  // are kept off each digest by its claim.
  const stop = repeatEvery(CHECK_EVERY_MS, sendNow);
  return async () => {
    await stop();
    mailer.close();
  };
}
