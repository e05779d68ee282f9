import { after, before, test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import type { OpenedDb } from '../db/database.ts';
import { findUserByUsername } from '../agencies/store.ts';
import { listAudit } from '../audit/store.ts';
import { DEMO_PASSWORD, OWN_ORIGIN, assertNoInternals, logIn, openSeededDatabase, postForm, sessionToken, testApp, withSession } from './testing.ts';
import { SESSION_COOKIE } from './sessions.ts';

let opened: OpenedDb;
before(async () => {
  opened = await openSeededDatabase();
});
after(() => opened.close());

const app = (t: TestContext, opts: Parameters<typeof testApp>[2] = {}) => testApp(t, opened, opts);

async function userId(username: string): Promise<number> {
  const user = await findUserByUsername(opened.db, username);
  assert.ok(user, `demo user ${username}`);
  return user.id;
}

async function auditActions(username: string): Promise<string[]> {
  const events = await listAudit(opened.db, { subjectType: 'user', subjectId: String(await userId(username)) });
  return events.map((e) => e.action);
}

test('log-in sets an HttpOnly SameSite=Lax session cookie, stores only its hash, and /staff greets the user', async (t) => {
  const instance = await app(t);
  const res = await logIn(instance, 'bangongshi');
  assert.equal(res.statusCode, 303);
  assert.equal(res.headers.location, '/staff');
  const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE);
  assert.ok(cookie);
  assert.match(cookie.value, /^[A-Za-z0-9_-]{43}$/);
  assert.equal(cookie.httpOnly, true);
  assert.equal(cookie.sameSite, 'Lax');
  assert.equal(cookie.path, '/');
  assert.equal(cookie.secure, undefined);
  assert.equal(cookie.maxAge, 8 * 60 * 60);

  const stored = await opened.db.selectFrom('sessions').select('id').where('user_id', '=', await userId('bangongshi')).execute();
  assert.ok(stored.length > 0);
  assert.ok(stored.every((s) => s.id !== cookie.value && /^[0-9a-f]{64}$/.test(s.id)));

  const staff = await instance.inject({ url: '/staff', headers: withSession(cookie.value) });
  assert.equal(staff.statusCode, 200);
  assert.match(staff.body, /<h1>您好，王敏<\/h1>/);
  assert.match(staff.body, /示范市人民政府办公室 · 公开办/);
  assert.match(staff.body, /<button type="submit" class="button button--quiet">退出登录<\/button>/);
  assert.doesNotMatch(staff.body, /监督范围/);
  assert.ok((await auditActions('bangongshi')).includes('login'));
});

test('the session cookie is Secure when the site is served over HTTPS', async (t) => {
  const res = await logIn(await app(t, { https: true }), 'banli');
  assert.equal(res.cookies.find((c) => c.name === SESSION_COOKIE)?.secure, true);
});

test('a wrong password and an unknown user get the same 401 用户名或密码错误, both audited without the password', async (t) => {
  const instance = await app(t);
  const wrong = await logIn(instance, 'banli', 'not-the-password');
  const unknown = await logIn(instance, 'nobody', 'not-the-password');
  for (const res of [wrong, unknown]) {
    assert.equal(res.statusCode, 401);
    assert.match(res.body, /<p class="alert" role="alert" id="login-error">用户名或密码错误<\/p>/);
    assert.equal(res.cookies.length, 0);
  }
  assert.match(wrong.body, /name="username"[^>]*value="banli"/);

  const json = await instance.inject({
    method: 'POST',
    url: '/login',
    payload: { username: 'banli', password: 'nope' },
    headers: { origin: OWN_ORIGIN },
  });
  assert.equal(json.statusCode, 401);
  assert.deepEqual(json.json(), { error: { message: '用户名或密码错误' } });

  const failed = (await listAudit(opened.db, { subjectType: 'user', subjectId: String(await userId('banli')) })).filter(
    (e) => e.action === 'login_failed',
  );
  assert.equal(failed.length, 2);
  assert.equal(failed[0]!.reason, '密码错误');
  const unknownEvents = await listAudit(opened.db, { subjectType: 'username', subjectId: 'nobody' });
  assert.deepEqual(unknownEvents.map((e) => [e.action, e.reason, e.actor_user_id]), [['login_failed', '用户名不存在', null]]);
  const everything = JSON.stringify(await opened.db.selectFrom('audit_events').selectAll().execute());
  assert.doesNotMatch(everything, /not-the-password|nope|gongkai2026/);
});

test('a disabled account is refused at log-in and its open sessions stop working', async (t) => {
  const instance = await app(t);
  const token = sessionToken(await logIn(instance, 'lingdao'));
  await opened.db.updateTable('users').set({ disabled: 1 }).where('username', '=', 'lingdao').execute();
  t.after(() => opened.db.updateTable('users').set({ disabled: 0 }).where('username', '=', 'lingdao').execute());

  const refused = await logIn(instance, 'lingdao');
  assert.equal(refused.statusCode, 403);
  assert.match(refused.body, /该账号已停用，请联系系统管理员/);
  assert.equal(refused.cookies.length, 0);
  const staff = await instance.inject({ url: '/staff', headers: withSession(token) });
  assert.equal(staff.statusCode, 303);
  // A wrong password on a disabled account still says only 用户名或密码错误.
  assert.equal((await logIn(instance, 'lingdao', 'wrong')).statusCode, 401);
});

test('log-out ends the session: the old cookie is sent back to the log-in page', async (t) => {
  const instance = await app(t);
  const token = sessionToken(await logIn(instance, 'banli'));
  const out = await postForm(instance, '/logout', {}, withSession(token));
  assert.equal(out.statusCode, 303);
  assert.equal(out.headers.location, '/');
  const cleared = out.cookies.find((c) => c.name === SESSION_COOKIE);
  assert.equal(cleared?.value, '');

  const again = await instance.inject({ url: '/staff', headers: withSession(token) });
  assert.equal(again.statusCode, 303);
  assert.equal(again.headers.location, '/login?next=%2Fstaff');
  assert.deepEqual((await auditActions('banli')).slice(-2), ['login', 'logout']);
  // Logging out without a session is harmless.
  assert.equal((await postForm(instance, '/logout', {})).statusCode, 303);
});

test('an expired session is refused: redirect for pages, 401 for JSON', async (t) => {
  const instance = await app(t);
  const token = sessionToken(await logIn(instance, 'jiandu'));
  await opened.db
    .updateTable('sessions')
    .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
    .where('user_id', '=', await userId('jiandu'))
    .execute();
  const page = await instance.inject({ url: '/staff', headers: withSession(token) });
  assert.equal(page.statusCode, 303);
  assert.match(String(page.headers.location), /^\/login\?next=/);
  const api = await instance.inject({ url: '/staff', headers: { ...withSession(token), accept: 'application/json' } });
  assert.equal(api.statusCode, 401);
  assert.deepEqual(api.json(), { error: { message: '请先登录' } });
});

test('/staff without a valid session: no cookie, a forged cookie, a malformed cookie', async (t) => {
  const instance = await app(t);
  for (const headers of [{}, withSession('A'.repeat(43)), withSession('"><script>'), { cookie: 'gongkai_session' }]) {
    const res = await instance.inject({ url: '/staff/', headers });
    assert.equal(res.statusCode, 303, JSON.stringify(headers));
    assert.match(String(res.headers.location), /^\/login\?next=%2Fstaff/);
    assertNoInternals(res.body);
  }
});

test('after log-in the user returns to the page asked for, but never to another site', async (t) => {
  const instance = await app(t);
  const form = await instance.inject('/login?next=%2Fstaff%3Ftab%3D1');
  assert.match(form.body, /<input type="hidden" name="next" value="\/staff\?tab=1"\/>/);
  const back = await postForm(instance, '/login', { username: 'banli', password: DEMO_PASSWORD, next: '/staff?tab=1' });
  assert.equal(back.headers.location, '/staff?tab=1');
  for (const next of ['//evil.example/', 'https://evil.example/', '/\\evil.example', 'javascript:alert(1)']) {
    const res = await postForm(instance, '/login', { username: 'banli', password: DEMO_PASSWORD, next });
    assert.equal(res.headers.location, '/staff', next);
  }
  // Already signed in: the log-in page sends you on.
  const signedIn = await instance.inject({ url: '/login', headers: withSession(sessionToken(back)) });
  assert.equal(signedIn.statusCode, 303);
  assert.equal(signedIn.headers.location, '/staff');
});

test('a supervisor sees the agencies they oversee as a tree', async (t) => {
  const instance = await app(t);
  const token = sessionToken(await logIn(instance, 'jiandu'));
  const res = await instance.inject({ url: '/staff', headers: withSession(token) });
  assert.match(res.body, /<h1>您好，陈静<\/h1>/);
  assert.match(res.body, /<h2>监督范围<\/h2>/);
  assert.match(
    res.body,
    /<ul><li>示范市人民政府<ul><li>示范市人民政府办公室<\/li><li>示范市发展和改革委员会<\/li><li>示范市自然资源和规划局<\/li><li>示范市生态环境局<\/li><\/ul><\/li><\/ul>/,
  );
});

test('password guessing is slowed: the 11th log-in to one account within a minute gets 429 in Chinese', async (t) => {
  const instance = await app(t);
  for (let i = 0; i < 10; i++) assert.equal((await logIn(instance, 'admin', `guess-${i}`)).statusCode, 401);
  for (const username of ['admin', ' ADMIN ']) {
    const limited = await logIn(instance, username, DEMO_PASSWORD);
    assert.equal(limited.statusCode, 429);
    assert.match(limited.body, /请求过于频繁，请稍后再试/);
    assert.ok(Number(limited.headers['retry-after']) > 0);
    assertNoInternals(limited.body);
  }
  // Colleagues behind the same address still sign in, and the rest of the site is not affected.
  assert.equal((await logIn(instance, 'banli')).statusCode, 303);
  assert.equal((await instance.inject('/')).statusCode, 200);
});

test('logs never carry the password, the session token or the cookie', async (t) => {
  const logLines: string[] = [];
  const instance = await app(t, { logLines });
  const token = sessionToken(await logIn(instance, 'admin'));
  await instance.inject({ url: '/staff', headers: withSession(token) });
  await logIn(instance, 'admin', 'wrong-secret-password');
  assert.ok(logLines.length >= 6);
  const log = logLines.join('\n');
  assert.doesNotMatch(log, new RegExp(`${DEMO_PASSWORD}|wrong-secret-password|${token}`));
});
