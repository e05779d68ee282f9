// Staff log-in and log-out, and the guard in front of /staff/**. One message for an unknown user and a
// wrong password, and the same scrypt work for both, so neither the answer nor its timing tells which.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../db/database.ts';
import type { User } from '../db/schema.ts';
import { hashPassword, verifyPassword } from '../agencies/passwords.ts';
import { findUserByUsername, findUserWithAgency } from '../agencies/store.ts';
import { roleLabels } from '../agencies/model.ts';
import { appendAudit } from '../audit/store.ts';
import { renderLogin } from '../web/pages/login.tsx';
import type { StaffBadge } from '../web/layout.tsx';
import { HttpError } from './errors.ts';
import { safeNext, sendHtml, wantsJson } from './reply.ts';
import { formBody, parseInput, requiredText } from './validation.ts';
import { RATE_LIMITED_MESSAGE, loginAccountRateLimit, loginAddressRateLimit, loginAttemptKey } from './security.ts';
import {
  SESSION_COOKIE,
  SESSION_TTL_MS,
  createSession,
  deleteExpiredSessions,
  deleteSession,
  findSessionUserId,
  newSessionToken,
} from './sessions.ts';

export type Staff = User & { agency_name: string };

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in staff member; set by the guard on /staff/** routes, null elsewhere. */
    staff: Staff | null;
  }
}

const BAD_CREDENTIALS = '用户名或密码错误';
const ACCOUNT_DISABLED = '该账号已停用，请联系系统管理员';
const LOGIN_REQUIRED = '请先登录';

const loginSchema = formBody({
  username: requiredText('用户名', 64),
  password: requiredText('密码', 256, { trim: false }),
});

export interface AuthOptions {
  db: Db;
  /** Mark the session cookie Secure (the site is served over HTTPS). */
  secureCookie: boolean;
}

export async function authRoutes(app: FastifyInstance, { db, secureCookie }: AuthOptions): Promise<void> {
  await unknownUserHash();
  app.get('/login', async (request, reply) => {
    const next = safeNext((request.query as Record<string, unknown>).next);
    if (await currentStaff(db, request)) return reply.redirect(next, 303);
    return sendHtml(reply, renderLogin({ next }));
  });

  // A second counter, per address and username, once the body is parsed (the plugin's own hook runs one
  // limit per request, the per-address one here).
  const accountLimit = app.createRateLimit({ ...loginAccountRateLimit, keyGenerator: (r) => loginAttemptKey(r.ip, r.body) });
  const limitGuessing = async (request: FastifyRequest, reply: FastifyReply) => {
    const limit = await accountLimit(request);
    if (!limit.isAllowed && limit.isExceeded) {
      reply.header('retry-after', limit.ttlInSeconds);
      throw new HttpError(429, RATE_LIMITED_MESSAGE);
    }
  };

  app.post('/login', { config: { rateLimit: loginAddressRateLimit }, preHandler: limitGuessing }, async (request, reply) => {
    const body = (typeof request.body === 'object' && request.body !== null ? request.body : {}) as Record<string, unknown>;
    const next = safeNext(body.next);
    try {
      const input = parseInput(loginSchema, request.body);
      const user = await authenticate(db, input.username, input.password);
      const token = newSessionToken();
      const now = new Date();
      await db.transaction().execute(async (trx) => {
        const previous = request.cookies[SESSION_COOKIE];
        if (previous) await deleteSession(trx, previous);
        await deleteExpiredSessions(trx, now);
        await createSession(trx, token, user.id, now);
        await appendAudit(trx, { ...userSubject(user), action: 'login' });
      });
      reply.setCookie(SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: 'lax',
        path: '/',
        secure: secureCookie,
        maxAge: SESSION_TTL_MS / 1000,
      });
      if (wantsJson(request)) return { user: { username: user.username, displayName: user.display_name, role: user.role } };
      return reply.redirect(next, 303);
    } catch (error) {
      if (!(error instanceof HttpError) || wantsJson(request)) throw error;
      const username = typeof body.username === 'string' ? body.username.slice(0, 64) : undefined;
      return sendHtml(reply, renderLogin({ error: error.message, username, next }), error.status);
    }
  });

  app.post('/logout', async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      await db.transaction().execute(async (trx) => {
        const userId = await deleteSession(trx, token);
        const user = userId === undefined ? undefined : await findUserWithAgency(trx, userId);
        if (user) await appendAudit(trx, { ...userSubject(user), action: 'logout' });
      });
    }
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    if (wantsJson(request)) return { ok: true };
    return reply.redirect('/', 303);
  });
}

/** onRequest hook for /staff/**: the staff member of the session cookie, or off to the log-in page (401 for JSON). */
export function staffGuard(db: Db) {
  return async function requireStaff(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const staff = await currentStaff(db, request);
    if (staff) {
      request.staff = staff;
      return;
    }
    if (wantsJson(request)) throw new HttpError(401, LOGIN_REQUIRED);
    await reply.redirect(`/login?next=${encodeURIComponent(request.url)}`, 303);
  };
}

/** The staff member behind a guarded request (a 401 if the route was somehow left unguarded). */
export function staffOf(request: FastifyRequest): Staff {
  if (!request.staff) throw new HttpError(401, LOGIN_REQUIRED);
  return request.staff;
}

export function staffBadge(staff: Staff): StaffBadge {
  return { displayName: staff.display_name, roleLabel: roleLabels[staff.role] };
}

async function currentStaff(db: Db, request: FastifyRequest): Promise<Staff | undefined> {
  const token = request.cookies[SESSION_COOKIE];
  const userId = token ? await findSessionUserId(db, token, new Date()) : undefined;
  const user = userId === undefined ? undefined : await findUserWithAgency(db, userId);
  return user && !user.disabled ? user : undefined;
}

async function authenticate(db: Db, username: string, password: string): Promise<User> {
  const user = await findUserByUsername(db, username);
  const matches = await verifyPassword(password, user?.password_hash ?? (await unknownUserHash()));
  if (!user || !matches) {
    await appendAudit(db, {
      ...(user ? userSubject(user) : { actorUserId: null, agencyId: null, subjectType: 'username', subjectId: username }),
      action: 'login_failed',
      reason: user ? '密码错误' : '用户名不存在',
    });
    throw new HttpError(401, BAD_CREDENTIALS);
  }
  if (user.disabled) {
    await appendAudit(db, { ...userSubject(user), action: 'login_failed', reason: '账号已停用' });
    throw new HttpError(403, ACCOUNT_DISABLED);
  }
  return user;
}

function userSubject(user: User) {
  return { actorUserId: user.id, agencyId: user.agency_id, subjectType: 'user', subjectId: String(user.id) };
}

// A real hash of a random password, so an unknown user costs the same scrypt work as a known one.
let unknownUserHashPromise: Promise<string> | undefined;
function unknownUserHash(): Promise<string> {
  return (unknownUserHashPromise ??= hashPassword(newSessionToken()));
}
