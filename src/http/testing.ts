// For tests only: the app on a fresh seeded database, and the requests a browser would send.
import assert from 'node:assert/strict';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { OpenedDb } from '../db/database.ts';
import { openTestDatabase } from '../db/testing.ts';
import { seedDemo } from '../agencies/demo.ts';
import { buildApp, type AppOptions } from './app.ts';
import { SESSION_COOKIE } from './sessions.ts';

export const DEMO_PASSWORD = 'gongkai2026';
/** app.inject() sends `Host: localhost:80`; a browser on that site sends this Origin. */
export const OWN_ORIGIN = 'http://localhost';

/** A fresh migrated database (SQLite, or PostgreSQL when DATABASE_URL is set) with the demo city. */
export async function openSeededDatabase(): Promise<OpenedDb> {
  const opened = await openTestDatabase();
  try {
    await seedDemo(opened.db);
  } catch (error) {
    await opened.close();
    throw error;
  }
  return opened;
}

/** The app on `opened`, closed when the test ends; pass `logLines` to collect what it logs. */
export async function testApp(
  t: { after(fn: () => unknown): void },
  opened: OpenedDb,
  opts: { logLines?: string[]; https?: boolean; now?: () => Date } = {},
): Promise<FastifyInstance> {
  const { logLines } = opts;
  const logger: AppOptions['logger'] = logLines ? { level: 'info', stream: { write: (line) => void logLines.push(line) } } : false;
  const app = await buildApp({ db: opened.db, engine: opened.engine, logger, https: opts.https ?? false, ...(opts.now ? { now: opts.now } : {}) });
  t.after(() => app.close());
  return app;
}

/** POST of an HTML form from one of our own pages. */
export function postForm(app: FastifyInstance, url: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
  return app.inject({
    method: 'POST',
    url,
    payload: new URLSearchParams(fields).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: OWN_ORIGIN, ...headers },
  });
}

export function logIn(app: FastifyInstance, username: string, password = DEMO_PASSWORD) {
  return postForm(app, '/login', { username, password });
}

/** The session token a response sets (fails the test when there is none). */
export function sessionToken(response: LightMyRequestResponse): string {
  const cookie = response.cookies.find((c) => c.name === SESSION_COOKIE);
  assert.ok(cookie?.value, `expected a ${SESSION_COOKIE} cookie`);
  return cookie.value;
}

export function withSession(token: string): { cookie: string } {
  return { cookie: `${SESSION_COOKIE}=${token}` };
}

/** An error answer that shows the user nothing of the server's insides. */
export function assertNoInternals(body: string): void {
  assert.doesNotMatch(body, /\bat .+:\d+:\d+|node_modules|\/src\/|Error:|FST_|stack/i);
}
