// Staff sessions in the database (so any number of app processes can serve the same users). The browser
// holds a random 32-byte token; the table holds only its SHA-256, so a copy of the database opens no session.
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../db/database.ts';

export const SESSION_COOKIE = 'gongkai_session';
export const SESSION_TTL_MS = 8 * 60 * 60 * 1000;

const tokenPattern = /^[A-Za-z0-9_-]{43}$/;

export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

function sessionId(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function createSession(db: Db, token: string, userId: number, now: Date): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      id: sessionId(token),
      user_id: userId,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + SESSION_TTL_MS).toISOString(),
    })
    .execute();
}

/** The user of a live session; undefined for a malformed, unknown or expired token. */
export async function findSessionUserId(db: Db, token: string, now: Date): Promise<number | undefined> {
  if (!tokenPattern.test(token)) return undefined;
  const row = await db
    .selectFrom('sessions')
    .select('user_id')
    .where('id', '=', sessionId(token))
    .where('expires_at', '>', now.toISOString())
    .executeTakeFirst();
  return row?.user_id;
}

/** Ends a session; returns whose it was (undefined when there was none). */
export async function deleteSession(db: Db, token: string): Promise<number | undefined> {
  if (!tokenPattern.test(token)) return undefined;
  const row = await db.deleteFrom('sessions').where('id', '=', sessionId(token)).returning('user_id').executeTakeFirst();
  return row?.user_id;
}

export async function deleteExpiredSessions(db: Db, now: Date): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<=', now.toISOString()).execute();
}
