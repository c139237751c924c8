import nodemailer from 'nodemailer';
import { redactUrl } from '../db/database.ts';

export type OutgoingMessage = { to: string; subject: string; text: string };

/** Sends email through the configured SMTP server. */
export type Mailer = {
  /** The server, for logs, without its password. */
  server: string;
  /** Sends one message; resolves with the server's id for it once the server has accepted it. */
  send(message: OutgoingMessage): Promise<{ messageId: string }>;
  /** Connects and greets the server (and signs in, when the URL holds credentials). */
  verify(): Promise<void>;
  close(): void;
};

/** A mailer for an smtp:// or smtps:// URL, sending as `from`; nodemailer does the protocol. */
export function createMailer(smtpUrl: string, from: string): Mailer {
  const transport = nodemailer.createTransport(smtpUrl, { from });
  return {
    server: redactUrl(smtpUrl),
    async send(message) {
      const info = await transport.sendMail({ ...message, from });
      return { messageId: info.messageId };
    },
    async verify() {
      await transport.verify();
    },
    close: () => transport.close(),
  };
}
