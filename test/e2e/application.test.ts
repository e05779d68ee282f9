// An application from end to end in Chromium, on `npm start`'s server: the applicant applies online and gets a
// 查询码; the office 签收s and 转办s; the department sends a 补正, records the correction and asks for an extension,
// which the leader approves; the department answers 部分公开 with its letter and records delivery; the applicant
// sees the result with the 查询码. The due dates shown equal `gongkai deadline` on the same events. Then privacy:
// the applicant's 证件号码 and phone appear nowhere in the server's log, the list page, the CSV/XLSX export or the
// supervisor's view.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { projectRoot } from '../../src/config.ts';
import { todayInChina } from '../../src/calendar/dates.ts';
import { DEMO_APPLICANT } from '../../src/applications/demo.ts';
import { exitOf, freePort, startServer, waitForHealth, launchChromium, type Server } from '../support/server.ts';

let dataDir: string;
let server: Server;
let browser: Browser;
const today = todayInChina();

before(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'gongkai-e2e-app-'));
  // Request logs on: the privacy check reads them.
  server = startServer(await freePort(), dataDir, { LOG_LEVEL: 'info' });
  const launching = launchChromium();
  await waitForHealth(server);
  browser = await launching;
});

after(async () => {
  await browser?.close();
  if (server && server.child.exitCode === null) {
    server.child.kill('SIGTERM');
    await exitOf(server.child);
  }
  rmSync(dataDir, { recursive: true, force: true });
});

async function staffPage(username: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(`${server.base}/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill('gongkai2026');
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL(`${server.base}/staff`);
  return { context, page };
}

/** Opens an action's form on the case page, lets `fill` fill it, submits, and waits for the page again. */
async function act(page: Page, type: string, fill: (form: ReturnType<Page['locator']>) => Promise<void> = async () => {}): Promise<void> {
  const box = page.locator(`#action-${type}`);
  if (!(await box.evaluate((el) => (el as HTMLDetailsElement).open))) await box.locator('summary').click();
  await fill(box);
  await Promise.all([page.waitForLoadState('load'), box.locator('button[type=submit]').click()]);
  await page.waitForLoadState('load');
  const alert = await page.locator('.notice--error, [role=alert]').allInnerTexts();
  assert.deepEqual(alert.filter((t) => t.trim() !== '' && !/已/.test(t)), [], `${type} refused`);
}

/** The due date on the staff case page (ISO), or null when it shows none. */
async function dueShown(page: Page): Promise<string | null> {
  const time = page.locator('.deadline-due time');
  return (await time.count()) > 0 ? await time.getAttribute('datetime') : null;
}

/** `gongkai deadline` on a timeline: its due date. */
function deadlineCli(timeline: object): string | null {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'bin/gongkai.js', 'deadline'], { cwd: projectRoot, input: JSON.stringify(timeline), encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return (JSON.parse(r.stdout) as { due: string | null }).due;
}

let number = '';
let queryCode = '';
let caseUrl = '';

test('the applicant applies online and gets 申请编号 and 查询码', async () => {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(`${server.base}/apply`);
  assert.match(await page.locator('main').innerText(), /一事一申请/);
  const field = (name: string) => page.locator(`[name="${name}"]`);
  await page.locator('input[name=applicantKind][value=person]').check();
  await field('personName').fill(DEMO_APPLICANT.name);
  await field('idType').selectOption(DEMO_APPLICANT.idType);
  await field('idNumber').fill(DEMO_APPLICANT.idNumber);
  await field('phone').fill(DEMO_APPLICANT.phone);
  await field('address').fill('山东省济南市历下区泉城路100号');
  await field('description').fill('2026年本市老旧小区改造项目的立项批复文件<script>alert(1)</script>');
  await page.locator('input[name=provision][value=electronic]').check();
  await page.locator('input[name=pickup][value=online]').check();
  await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: '提交申请' }).click()]);
  number = (await page.locator('.receipt__number').innerText()).trim();
  queryCode = (await page.locator('.receipt__code').innerText()).trim();
  assert.match(number, /^\d{4}-\d{6}$/);
  assert.match(queryCode, /^[A-Z2-9]{8}$/);
  assert.ok(!page.url().includes(queryCode), 'the code is not in the URL');
  await context.close();
});

test('staff handle it on the statutory clock; the due dates match gongkai deadline', async () => {
  const office = await staffPage('bangongshi');
  await office.page.goto(`${server.base}/staff/applications?q=${encodeURIComponent(number)}`);
  await Promise.all([office.page.waitForLoadState('load'), office.page.getByRole('link', { name: number }).click()]);
  caseUrl = office.page.url().split('?')[0]!.split('#')[0]!;
  const main = await office.page.locator('main').innerHTML();
  assert.ok(!main.includes('<script>alert(1)</script>'), 'the description is escaped');
  assert.ok(main.includes('&lt;script&gt;'));

  await act(office.page, 'sign');
  assert.equal(await dueShown(office.page), deadlineCli({ receivedOn: today, asOf: today, events: [] }));
  await act(office.page, 'assign', async (f) => {
    await f.getByLabel('承办部门').selectOption({ label: '示范市发展和改革委员会' });
  });
  await office.context.close();

  const handler = await staffPage('banli');
  await handler.page.goto(caseUrl);
  await act(handler.page, 'request_correction', (f) => f.getByLabel(/需要补正的事项/).fill('请写明所需文件的文号或者项目名称。'));
  assert.equal(await dueShown(handler.page), null, 'the clock waits for the correction');
  await act(handler.page, 'correction_received');
  const corrected = [
    { type: 'correction_requested', on: today },
    { type: 'correction_received', on: today },
  ];
  assert.equal(await dueShown(handler.page), deadlineCli({ receivedOn: today, asOf: today, events: corrected }));
  await act(handler.page, 'request_extension', (f) => f.getByLabel(/延期理由/).fill('需要调取多个部门的档案，无法在期限内答复。'));
  await handler.context.close();

  const leader = await staffPage('lingdao');
  await leader.page.goto(caseUrl);
  await act(leader.page, 'approve_extension');
  const extended = [...corrected, { type: 'extended', on: today }];
  const due = await dueShown(leader.page);
  assert.equal(due, deadlineCli({ receivedOn: today, asOf: today, events: extended }));
  await leader.context.close();

  const answering = await staffPage('banli');
  const page = answering.page;
  await page.goto(caseUrl);
  await page.locator('#action-reply summary').click();
  await page.locator('#reply-replyType').selectOption('partially_disclosed');
  await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: '下一步：填写答复内容' }).click()]);
  await act(page, 'reply', async (f) => {
    await f.getByLabel(/予以公开的内容/).fill('项目立项批复文件正文。');
    await f.getByLabel(/不予公开的内容/).fill('批复附件中涉及个人信息的部分。');
    await f.getByLabel(/不予公开部分的理由/).fill('涉及第三方个人隐私，公开会对第三方合法权益造成损害。');
  });
  await act(page, 'deliver', async (f) => {
    await f.getByLabel(/送达方式/).selectOption({ index: 1 });
  });
  assert.match(await page.locator('main').innerText(), /已办结/);
  assert.equal(await dueShown(page), deadlineCli({ receivedOn: today, asOf: today, events: [...extended, { type: 'answered', on: today }] }));
  const letter = await page.request.get(`${caseUrl}/letters/${await replySeq(page)}.docx`);
  assert.equal(letter.status(), 200);
  assert.equal(Buffer.from(await letter.body()).subarray(0, 2).toString(), 'PK');
  await answering.context.close();
});

/** The seq of the reply letter: the last letter link on the case page. */
async function replySeq(page: Page): Promise<string> {
  const hrefs = await page.locator('a[href*="/letters/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  const seqs = hrefs.map((h) => /\/letters\/(\d+)/.exec(h)?.[1]).filter((s): s is string => s !== undefined);
  assert.ok(seqs.length > 0, 'a letter is listed');
  return seqs[seqs.length - 1]!;
}

test('the applicant sees the result with the 查询码 and downloads the letter', async () => {
  const context = await browser.newContext({ locale: 'zh-CN', acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(`${server.base}/track`);
  await page.getByLabel('申请编号').fill(number);
  await page.getByLabel('查询码').fill(queryCode.toLowerCase());
  await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: /查询/ }).first().click()]);
  const text = await page.locator('main').innerText();
  assert.match(text, /已办结/);
  assert.match(text, /部分公开/);
  assert.ok(!text.includes(DEMO_APPLICANT.idNumber) && !text.includes(DEMO_APPLICANT.phone), 'the status page masks the applicant');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载 Word 文档' }).last().click()]);
  assert.match(download.suggestedFilename(), /\.docx$/);
  await context.close();
});

test('privacy: the 证件号码 and phone appear nowhere in the log, the list, the exports or the supervisor view', async () => {
  const secrets = [DEMO_APPLICANT.idNumber, DEMO_APPLICANT.phone];
  const office = await staffPage('bangongshi');
  const list = await (await office.page.request.get(`${server.base}/staff/applications`)).text();
  const csv = await (await office.page.request.get(`${server.base}/api/v1/applications/export.csv`)).text();
  const xlsx = Buffer.from(await (await office.page.request.get(`${server.base}/api/v1/applications/export.xlsx`)).body());
  assert.ok(csv.includes(number), 'the export lists the case');
  const xlsxText = Object.values(unzipSync(new Uint8Array(xlsx)))
    .map((b) => Buffer.from(b).toString('utf8'))
    .join('\n');
  // The handlers of the case do see it in full on the case page.
  assert.ok((await (await office.page.request.get(caseUrl)).text()).includes(DEMO_APPLICANT.idNumber));
  await office.context.close();

  const supervisor = await staffPage('jiandu');
  const supervisorView = await (await supervisor.page.request.get(caseUrl)).text();
  assert.equal((await supervisor.page.request.get(caseUrl)).status(), 200);
  await supervisor.context.close();

  for (const [where, text] of [
    ['server log', server.output()],
    ['list page', list],
    ['CSV export', csv],
    ['XLSX export', xlsxText],
    ['supervisor view', supervisorView],
  ] as const) {
    for (const secret of secrets) assert.ok(!text.includes(secret), `${where} shows ${secret}`);
  }
  assert.match(server.output(), /"url":"\/apply"|\/apply/, 'the log has request lines to look through');
});

test('on a phone the form and the status page fit the screen, also in 长辈版', async () => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, locale: 'zh-CN' });
  const page = await context.newPage();
  for (const url of ['/apply', '/track', '/elder?on=1&next=/apply', '/track']) {
    await page.goto(`${server.base}${url}`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.equal(overflow, 0, `${url} scrolls sideways`);
  }
  assert.equal(await page.locator('body').getAttribute('class'), 'elder');
  const size = await page.locator('main p').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  assert.ok(size >= 20, `长辈版 text is ${size}px`);
  await context.close();
});
