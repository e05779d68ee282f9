import { after, before, test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import type { OpenedDb } from '../db/database.ts';
import { openTestDatabase } from '../db/testing.ts';
import { OWN_ORIGIN, assertNoInternals, openSeededDatabase, testApp } from './testing.ts';

let opened: OpenedDb;
before(async () => {
  opened = await openSeededDatabase();
});
after(() => opened.close());

const app = (t: TestContext, opts: Parameters<typeof testApp>[2] = {}) => testApp(t, opened, opts);

test('GET /healthz answers ok with the engine after a query', async (t) => {
  const res = await (await app(t)).inject('/healthz');
  assert.equal(res.statusCode, 200);
  assert.deepEqual(res.json(), { status: 'ok', database: opened.engine });
});

test('GET /healthz answers 503 when the database is gone, and logs why', async (t) => {
  const broken = await openTestDatabase();
  const logLines: string[] = [];
  const instance = await testApp(t, broken, { logLines });
  await broken.close();
  const res = await instance.inject('/healthz');
  assert.equal(res.statusCode, 503);
  assert.deepEqual(res.json(), { status: 'error', database: broken.engine, message: '数据库不可用' });
  assert.ok(logLines.some((l) => l.includes('health check: database unavailable')));
});

test('the public home page is Chinese, names the agency, links to the staff log-in and runs no script', async (t) => {
  const res = await (await app(t)).inject('/');
  assert.equal(res.statusCode, 200);
  assert.match(String(res.headers['content-type']), /^text\/html; charset=utf-8/);
  const html = res.body;
  assert.match(html, /^<!doctype html><html lang="zh-CN">/);
  assert.match(html, /<meta name="viewport" content="width=device-width, initial-scale=1"\/>/);
  assert.match(html, /示范市人民政府/);
  for (const section of ['政府信息公开指南', '主动公开目录', '依申请公开', '年度报告']) assert.match(html, new RegExp(section));
  assert.match(html, /<a class="account" href="\/login">工作人员登录<\/a>/);
  assert.doesNotMatch(html, /<script|\sstyle=|\son[a-z]+=/i);
});

test('security headers: strict CSP, nosniff, no framing, same-origin referrer; HSTS only on HTTPS', async (t) => {
  const res = await (await app(t)).inject('/');
  const csp = String(res.headers['content-security-policy']);
  for (const directive of ["default-src 'self'", "script-src 'self'", "style-src 'self'", "frame-ancestors 'none'", "form-action 'self'", "object-src 'none'"]) {
    assert.ok(csp.includes(directive), `CSP lacks ${directive}: ${csp}`);
  }
  assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|upgrade-insecure-requests/);
  assert.equal(res.headers['x-content-type-options'], 'nosniff');
  assert.equal(res.headers['x-frame-options'], 'DENY');
  assert.equal(res.headers['referrer-policy'], 'same-origin');
  assert.equal(res.headers['cache-control'], 'no-store');
  assert.equal(res.headers['strict-transport-security'], undefined);

  const secure = await (await app(t, { https: true })).inject('/');
  assert.match(String(secure.headers['strict-transport-security']), /max-age=31536000/);
  assert.match(String(secure.headers['content-security-policy']), /upgrade-insecure-requests/);
});

test('the stylesheet and icon are served from our own origin and may be cached; nothing else is', async (t) => {
  const instance = await app(t);
  const css = await instance.inject('/static/site.css');
  assert.equal(css.statusCode, 200);
  assert.match(String(css.headers['content-type']), /^text\/css/);
  assert.equal(css.headers['cache-control'], 'public, max-age=3600');
  assert.match(css.body, /@media/);
  assert.match(String((await instance.inject('/static/favicon.svg')).headers['content-type']), /^image\/svg\+xml/);
  for (const url of ['/static/..%2Fweb%2Froutes.ts', '/static/%2e%2e/routes.ts', '/static/other.css']) {
    assert.equal((await instance.inject(url)).statusCode, 404, url);
  }
});

test('an unknown route is a Chinese 404 page, or JSON for /api and JSON clients', async (t) => {
  const instance = await app(t);
  const page = await instance.inject('/no/such/page');
  assert.equal(page.statusCode, 404);
  assert.match(String(page.headers['content-type']), /^text\/html/);
  assert.match(page.body, /<h1>您访问的页面不存在<\/h1>/);
  assert.match(page.body, /lang="zh-CN"/);

  const api = await instance.inject('/api/nothing');
  assert.equal(api.statusCode, 404);
  assert.deepEqual(api.json(), { error: { message: '您访问的页面不存在' } });
  const accepted = await instance.inject({ url: '/nothing', headers: { accept: 'application/json' } });
  assert.deepEqual(accepted.json(), { error: { message: '您访问的页面不存在' } });
});

test('an unexpected error is 500 服务器内部错误 with no detail; the detail goes to the log only', async (t) => {
  const logLines: string[] = [];
  const instance = await app(t, { logLines });
  instance.get('/boom', async () => {
    throw new Error('secret detail from the database driver');
  });
  for (const headers of [{}, { accept: 'application/json' }]) {
    const res = await instance.inject({ url: '/boom', headers });
    assert.equal(res.statusCode, 500);
    assert.match(res.body, /服务器内部错误/);
    assert.doesNotMatch(res.body, /secret detail/);
    assertNoInternals(res.body);
  }
  assert.ok(logLines.some((l) => l.includes('secret detail from the database driver') && l.includes('"stack"')));
});

test('malformed bodies are refused with a Chinese 400/413/415 naming the problem, never a stack trace', async (t) => {
  const instance = await app(t);
  const post = (payload: string, contentType: string, accept = 'application/json') =>
    instance.inject({ method: 'POST', url: '/login', payload, headers: { 'content-type': contentType, origin: OWN_ORIGIN, accept } });

  const cases: Array<[Awaited<ReturnType<typeof post>>, number, RegExp]> = [
    [await post('{"username": "admin", ', 'application/json'), 400, /请求体不是合法的 JSON/],
    [await post('[1, 2]', 'application/json'), 400, /请求内容应为表单或 JSON 对象/],
    [await post('{"password": "x"}', 'application/json'), 400, /请填写用户名/],
    [await post('{"username": "admin", "password": 12}', 'application/json'), 400, /密码必须是一段文字/],
    [await post('<login/>', 'application/xml'), 415, /不支持的请求体类型/],
    [await post(`username=${'x'.repeat(1_100_000)}`, 'application/x-www-form-urlencoded'), 413, /请求体过大/],
  ];
  for (const [res, status, message] of cases) {
    assert.equal(res.statusCode, status, res.body);
    assert.match(res.json().error.message, message);
    assertNoInternals(res.body);
  }
  assert.equal((cases[2]![0]).json().error.field, 'username');

  // The same from a browser form: the log-in page again, with the message.
  const form = await post('username=a&username=b&password=x', 'application/x-www-form-urlencoded', 'text/html');
  assert.equal(form.statusCode, 400);
  assert.match(form.body, /<p class="alert" role="alert" id="login-error">用户名必须是一段文字<\/p>/);
});

test('a state-changing request from another site is refused 403 in Chinese', async (t) => {
  const instance = await app(t);
  const foreign = [{ origin: 'https://evil.example' }, { origin: 'null' }, { referer: 'https://evil.example/form.html' }];
  for (const headers of foreign) {
    const res = await instance.inject({
      method: 'POST',
      url: '/login',
      payload: 'username=admin&password=x',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    });
    assert.equal(res.statusCode, 403, JSON.stringify(headers));
    assert.match(res.body, /请求来源不是本站，已拒绝/);
    assertNoInternals(res.body);
  }
  const logout = await instance.inject({ method: 'POST', url: '/logout', headers: { origin: 'https://evil.example', accept: 'application/json' } });
  assert.equal(logout.statusCode, 403);
  assert.match(logout.json().error.message, /请求来源不是本站/);
});
