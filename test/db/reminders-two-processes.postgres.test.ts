import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { prisma } from '../../server/db/client.ts';
import { useTestDatabase } from '../support/database.ts';
import { processReady, startProcess, type StartedProcess } from '../support/process.ts';

// The reminder job as it runs in production: in every server process, on one PostgreSQL database.
// Two processes start together and both look for digests due at once; a third replaces one of them,
// as a restart would. Each digest must reach the mail server once.
const test = useTestDatabase();

/** Every message the SMTP server accepted, by its envelope's recipient. */
const received: string[] = [];
const smtp = new SMTPServer({
  disabledCommands: ['STARTTLS', 'AUTH'],
  authOptional: true,
  logger: false,
  onData(stream, session, callback) {
    stream.resume();
    stream.on('end', () => {
      received.push(...session.envelope.rcptTo.map((rcpt) => rcpt.address));
      callback();
    });
  },
});

const started: StartedProcess[] = [];
let smtpUrl = '';
beforeAll(async () => {
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  for (const server of started) {
    server.child.kill('SIGTERM');
    await server.exited;
  }
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

const start = async () => {
  const server = startProcess({
    DATABASE_URL: (test.config() as { url: string }).url,
    SMTP_URL: smtpUrl,
    MAIL_FROM: 'Recommendation tracker <tracker@example.org>',
    // Due from midnight: whatever the hour the test runs, today's and this week's digests are due.
    REMINDER_HOUR: '0',
  });
  started.push(server);
  await processReady(server);
  return server;
};

const sentRows = () => prisma.sentDigest.findMany({ where: { sentAt: { not: null } }, select: { email: true, period: true, attempts: true } });
const timesEach = (addresses: string[]) => addresses.reduce((counts, address) => counts.set(address, (counts.get(address) ?? 0) + 1), new Map<string, number>());

describe('reminder digests with two server processes on one PostgreSQL database', () => {
  it('are sent once each, by one process or the other, and a restarted process sends only what is newly due', async () => {
    const [one] = await Promise.all([start(), start()]);

    // Both processes ran the job on starting; the demo's leaders and inspectors have work, weekly by default.
    await vi.waitFor(async () => {
      const sent = await sentRows();
      expect(sent.length).toBeGreaterThan(1);
      expect(received.length).toBe(sent.length);
    }, { timeout: 30_000, interval: 250 });
    // Both have finished their run: nothing more arrives.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const sent = await sentRows();
    expect(received.length).toBe(sent.length);
    expect([...timesEach(received).values()].every((times) => times === 1), `a person sent two digests: ${received.join(', ')}`).toBe(true);
    expect(received.sort()).toEqual(sent.map((row) => row.email!).sort());
    expect(sent.every((row) => row.attempts === 1)).toBe(true);

    // A restart: one process stops, a new one starts and runs the job at once. Someone who now asks for
    // a daily digest as well is sent that one digest; nobody is sent this week's again.
    one!.child.kill('SIGTERM');
    await one!.exited;
    const chosen = received[0]!;
    await prisma.user.update({ where: { email: chosen }, data: { digestFrequency: 'DAILY' } });
    const before = received.length;
    await start();
    await vi.waitFor(() => expect(received.length).toBe(before + 1), { timeout: 30_000, interval: 250 });
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(received.slice(before)).toEqual([chosen]);
    expect(await sentRows()).toHaveLength(before + 1);
  }, 180_000);
});
