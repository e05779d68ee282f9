// The real thing: `npm start`'s entry as a child process on a temp data directory, driven by Chromium.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Browser } from 'playwright-core';
import { exitOf, freePort, startServer as start, waitForHealth, launchChromium, type Server } from '../support/server.ts';

let dataDir: string;
/** Where screenshots go: GONGKAI_E2E_SCREENSHOTS to keep them, else the temp dir (removed afterwards). */
let shots: string;
let port: number;
let base: string;
let server: Server;
let browser: Browser;

/** `node --import tsx src/main.ts` on the embedded SQLite database in `dataDir`. */
const startServer = (portNumber: number): Server => start(portNumber, dataDir);

before(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'gongkai-e2e-'));
  shots = process.env.GONGKAI_E2E_SCREENSHOTS || dataDir;
  mkdirSync(shots, { recursive: true });
  port = await freePort();
  base = `http://127.0.0.1:${port}`;
  server = startServer(port);
  const launching = launchChromium();
  await waitForHealth(server);
  browser = await launching;
});

after(async () => {
  await browser?.close();
  if (server && server.child.exitCode === null) {
    server.child.kill('SIGKILL');
    await exitOf(server.child);
  }
  rmSync(dataDir, { recursive: true, force: true });
});

test('npm start prints the address and the demo accounts in Chinese', () => {
  const out = server.output();
  assert.match(out, new RegExp(`政府信息公开平台已启动：http://127\\.0\\.0\\.1:${port}`));
  for (const username of ['admin', 'bangongshi', 'banli', 'banli2', 'lingdao', 'jiandu']) assert.match(out, new RegExp(`用户名 ${username} +密码 gongkai2026`));
});

test('a visitor follows 工作人员登录, logs in as bangongshi, sees the staff home page, and logs out', async () => {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => void (m.type() === 'error' && problems.push(m.text())));
  page.on('pageerror', (e) => void problems.push(e.message));

  await page.goto(`${base}/`);
  assert.match(await page.locator('h1').innerText(), /示范市人民政府/);
  await page.screenshot({ path: path.join(shots, 'home.png'), fullPage: true });
  // The stylesheet arrived from our own origin under the CSP.
  assert.equal(await page.locator('.site-header').evaluate((el) => getComputedStyle(el).backgroundColor), 'rgb(179, 38, 30)');

  await page.getByRole('link', { name: '工作人员登录' }).first().click();
  await page.waitForURL(`${base}/login`);
  await page.getByLabel('用户名').fill('bangongshi');
  await page.getByLabel('密码').fill('wrong-password');
  await page.getByRole('button', { name: '登录' }).click();
  assert.equal(await page.getByRole('alert').innerText(), '用户名或密码错误');
  assert.deepEqual(problems.splice(0), ['Failed to load resource: the server responded with a status of 401 (Unauthorized)']);

  await page.getByLabel('密码').fill('gongkai2026');
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL(`${base}/staff`);
  assert.equal(await page.locator('h1').innerText(), '您好，王敏');
  assert.match(await page.locator('main').innerText(), /示范市人民政府办公室 · 公开办/);
  const screenshot = path.join(shots, 'staff-home.png');
  await page.screenshot({ path: screenshot, fullPage: true });
  assert.ok(statSync(screenshot).size > 10_000);

  await page.getByRole('button', { name: '退出登录' }).click();
  await page.waitForURL(`${base}/`);
  await page.goto(`${base}/staff`);
  assert.equal(new URL(page.url()).pathname, '/login');
  assert.deepEqual(problems, []);
  await context.close();
});

test('on a phone the pages fit the screen', async () => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, locale: 'zh-CN' });
  const page = await context.newPage();
  for (const url of ['/', '/login']) {
    await page.goto(`${base}${url}`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.equal(overflow, 0, `${url} scrolls sideways`);
  }
  await page.screenshot({ path: path.join(shots, 'login-phone.png') });
  await context.close();
});

test('a second server on the same port says so in Chinese and exits 1 without a stack trace', async () => {
  const second = startServer(port);
  assert.equal(await exitOf(second.child), 1);
  assert.match(second.output(), new RegExp(`启动失败：端口 ${port} 已被占用`));
  assert.doesNotMatch(second.output(), /\n\s+at |Error:/);
});

test('SIGTERM stops the server gracefully with exit code 0', async () => {
  server.child.kill('SIGTERM');
  assert.equal(await exitOf(server.child), 0);
});
