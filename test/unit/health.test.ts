import express from 'express';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openMemoryDatabase, type Database } from '../../server/db/database.ts';
import { healthRouter } from '../../server/http/health.ts';

let database: Database;
let accepting = true;
let url: string;
let close: () => void;
beforeAll(async () => {
  database = await openMemoryDatabase();
  const app = express().use(healthRouter(database, () => accepting));
  const listener = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => listener.once('listening', resolve));
  url = `http://127.0.0.1:${(listener.address() as AddressInfo).port}`;
  close = () => listener.close();
});
afterAll(async () => {
  close();
  await database.close();
});

describe('health and readiness', () => {
  it('stops being ready as soon as a stop begins, while staying alive', async () => {
    expect((await fetch(`${url}/readyz`)).status).toBe(200);
    accepting = false;
    const ready = await fetch(`${url}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ status: 'not ready', database: 'pglite' });
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
  });

  it('is neither healthy nor ready without its database', async () => {
    accepting = true;
    await database.close();
    expect((await fetch(`${url}/healthz`)).status).toBe(503);
    expect((await fetch(`${url}/readyz`)).status).toBe(503);
  });
});
