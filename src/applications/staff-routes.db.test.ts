// The staff workbench through HTTP (app.inject on SQLite; on PostgreSQL when DATABASE_URL is set): the inbox and
// its deadline colours, registering a paper application, a whole case through the forms — with the case page's due
// date checked against `gongkai deadline` at every step — its letters, and who may see and do what.
// Dates are 2024 (国庆节 10-01..10-07, 调休 09-29 and 10-12; 中秋节 09-15..17, 调休 09-14).
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { dayOf } from '../calendar/dates.ts';
import { loadCalendar } from '../calendar/store.ts';
import { parseTimeline } from '../clock/input.ts';
import { DEFAULT_CUTOVER } from '../clock/law.ts';
import { computeDeadline } from '../clock/model.ts';
import { toOutput } from '../clock/output.ts';
import { createAgency, createUser, findAgencyByCode, findUserByUsername } from '../agencies/store.ts';
import { hashPassword } from '../agencies/passwords.ts';
import type { OpenedDb } from '../db/database.ts';
import { DEMO_PASSWORD, assertNoInternals, logIn, openSeededDatabase, postForm, sessionToken, testApp, withSession } from '../http/testing.ts';
import { actorOf, viewerOf } from './access.ts';
import { newApplicationSchema } from './input.ts';
import { applyAction, eventsOf, findByQueryCode, submitApplication, type Attachment, type StoreContext } from './store.ts';
import { SAMPLE_ID_NUMBER as ID_NUMBER, SAMPLE_PHONE as PHONE, SAMPLE_PERSON } from './testing.ts';

const calendar = loadCalendar();

const PERSON = { ...SAMPLE_PERSON, description: '2024年本市城市更新项目的立项批复文件，包括项目清单和批复文号，以及相关的审批意见' };

const storeCtx = (today: string): StoreContext => ({ calendar, today, now: `${today}T02:00:00.000Z` });

interface World {
  opened: OpenedDb;
  app: FastifyInstance;
  /** The app's today (China); change it to move the story on. */
  clock: { today: string };
  session: (username: string) => Promise<{ cookie: string }>;
  get: (username: string, url: string) => Promise<LightMyRequestResponse>;
  post: (username: string, url: string, fields: Record<string, string>) => Promise<LightMyRequestResponse>;
  /** An online application submitted on `on` (and signed on `signOn` by the office). */
  online: (on: string, opts?: { signOn?: string; name?: string; attachments?: Attachment[] }) => Promise<{ id: number; number: string }>;
  eventCount: (id: number) => Promise<number>;
}

async function world(t: TestContext, today: string): Promise<World> {
  const opened = await openSeededDatabase();
  t.after(() => opened.close());
  const clock = { today };
  const app = await testApp(t, opened, { now: () => new Date(`${clock.today}T02:00:00.000Z`) });
  const sessions = new Map<string, { cookie: string }>();
  const session = async (username: string) => {
    let s = sessions.get(username);
    if (!s) {
      s = withSession(sessionToken(await logIn(app, username)));
      sessions.set(username, s);
    }
    return s;
  };
  const { db } = opened;
  const city = (await findAgencyByCode(db, 'demo-city'))!;
  const office = await viewerOf(db, (await findUserByUsername(db, 'bangongshi'))!);
  return {
    opened,
    app,
    clock,
    session,
    get: async (username, url) => app.inject({ url, headers: await session(username) }),
    post: async (username, url, fields) => postForm(app, url, fields, await session(username)),
    online: async (on, opts = {}) => {
      const input = newApplicationSchema.parse({ ...PERSON, ...(opts.name ? { name: opts.name } : {}) });
      const applicant = { userId: null, role: 'applicant' as const, agencyId: null };
      const done = await submitApplication(db, input, { agencyId: city.id, channel: 'online', actor: applicant, ...(opts.attachments ? { attachments: opts.attachments } : {}) }, storeCtx(on));
      if (opts.signOn) await applyAction(db, done.id, { type: 'sign', on: opts.signOn, data: {} }, actorOf(office), storeCtx(opts.signOn));
      return done;
    },
    eventCount: async (id) => (await eventsOf(db, id)).length,
  };
}

/** The row of the inbox table that lists `number`. */
function rowOf(html: string, number: string): string {
  const row = html.split('<tr>').find((r) => r.includes(`>${number}</a>`));
  assert.ok(row, `no row for ${number}`);
  return row.split('</tr>')[0]!;
}

/** The due date the case page shows (null when it shows none). */
function dueOnPage(html: string): string | null {
  const m = /<dd class="deadline-due">(?:<time datetime="(\d{4}-\d{2}-\d{2})")?/.exec(html);
  assert.ok(m, 'the case page has no 答复期限');
  return m[1] ?? null;
}

/** What `gongkai deadline` says for this timeline, as of `asOf`. */
function clockDue(receivedOn: string, events: { type: string; on: string }[], asOf: string): string | null {
  const parsed = parseTimeline(JSON.stringify({ receivedOn, events, asOf }), { today: asOf, cutover: DEFAULT_CUTOVER });
  if (!parsed.ok) assert.fail(parsed.errors.join('\n'));
  return toOutput(computeDeadline(parsed.timeline, calendar, { explain: true })).due;
}

function assertSafePage(html: string): void {
  assert.doesNotMatch(html, /<script|\sstyle=|\son[a-z]+=/i);
}

test('the inbox: counters, due dates coloured and in words, filters, export links, no personal data', async (t) => {
  const w = await world(t, '2024-10-25');
  const soon = await w.online('2024-09-27', { signOn: '2024-09-29', name: '钱一' }); // due 2024-10-31
  const late = await w.online('2024-09-03', { signOn: '2024-09-03', name: '孙二' }); // due 2024-10-08
  const plain = await w.online('2024-10-24', { signOn: '2024-10-24', name: '李四' });
  const pending = await w.online('2024-10-25', { name: '周五' });

  const res = await w.get('bangongshi', '/staff/applications');
  assert.equal(res.statusCode, 200);
  const html = res.body;
  assertSafePage(html);
  assert.match(rowOf(html, soon.number), /<td class="due due--soon"><time datetime="2024-10-31">2024-10-31<\/time><span class="due__note">剩余 4 个工作日<\/span>/);
  const lateDays = calendar.workingDaysBetween(dayOf('2024-10-08'), dayOf('2024-10-25'));
  assert.match(rowOf(html, late.number), new RegExp(`<td class="due due--overdue"><time datetime="2024-10-08">2024-10-08</time><span class="due__note">已超期 ${lateDays} 个工作日</span>`));
  assert.match(rowOf(html, plain.number), /<td class="due due--plain">/);
  assert.match(rowOf(html, pending.number), /<td class="due due--none"><span class="due__note">签收后起算<\/span>/);
  assert.match(rowOf(html, soon.number), /<td>钱一<\/td><td>2024年本市城市更新项目的立项批复文件，包括项目清单和批复文号，以及相关的审批…<\/td><td>未转办<\/td><td>办理中<\/td>/);
  for (const [label, n] of [['待签收', 1], ['即将到期', 1], ['已超期', 1]] as const) {
    assert.match(html, new RegExp(`<span class="counter__n">${n}</span><span class="counter__label">${label}`));
  }
  assert.ok(!html.includes(ID_NUMBER) && !html.includes(PHONE) && !html.includes('解放路'), 'no personal data in the list');
  assert.match(html, /<a class="button" href="\/staff\/applications\/new">登记申请<\/a>/);

  const overdue = await w.get('bangongshi', '/staff/applications?due=overdue&q=%E5%AD%99');
  assert.ok(overdue.body.includes(`>${late.number}</a>`));
  assert.ok(!overdue.body.includes(`>${soon.number}</a>`));
  assert.match(overdue.body, /href="\/api\/v1\/applications\/export\.csv\?due=overdue&amp;q=%E5%AD%99"/);
  assert.match(overdue.body, /href="\/api\/v1\/applications\/export\.xlsx\?due=overdue&amp;q=%E5%AD%99"/);
  const pendingOnly = await w.get('bangongshi', '/staff/applications?state=pending');
  assert.ok(pendingOnly.body.includes(`>${pending.number}</a>`) && !pendingOnly.body.includes(`>${late.number}</a>`));

  // A handler's list is the department's own work; nothing is assigned to it yet. No 登记申请 for a handler.
  const handler = await w.get('banli', '/staff/applications');
  assert.equal(handler.statusCode, 200);
  assert.match(handler.body, /没有符合条件的申请/);
  assert.doesNotMatch(handler.body, /登记申请<\/a>/);

  // The staff home links to the workbench.
  assert.match((await w.get('bangongshi', '/staff')).body, /<a href="\/staff\/applications">申请办理<\/a>/);
});

test('registering an application handed in person: the receipt day is the date given, the 查询码 is shown once', async (t) => {
  const w = await world(t, '2024-10-10');
  const { db } = w.opened;
  assert.equal((await w.get('banli', '/staff/applications/new')).statusCode, 403);
  assert.equal((await w.post('jiandu', '/staff/applications/new', { channel: 'in_person' })).statusCode, 403);

  const choose = await w.get('bangongshi', '/staff/applications/new');
  assert.equal(choose.statusCode, 200);
  assert.match(choose.body, /value="in_person"/);
  assert.doesNotMatch(choose.body, /value="online"/);
  const form = await w.get('bangongshi', '/staff/applications/new?channel=post');
  assert.match(form.body, /以行政机关签收之日为收到申请之日/);
  assert.match(form.body, /name="signedForOn"/);
  assertSafePage(form.body);

  const count = async () => Number((await db.selectFrom('applications').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const fields = { ...PERSON, channel: 'in_person', submittedOn: '2024-10-08', idempotencyKey: 'register-test-0001' };

  const bad = await w.post('bangongshi', '/staff/applications/new', { ...fields, phone: '12', channel: 'post', submittedOn: '' });
  assert.equal(bad.statusCode, 422);
  assert.match(bad.body, /缺少签收日期/);
  assert.match(bad.body, /联系电话：/);
  assert.match(bad.body, /value="张三"/, 'what was typed is kept');
  const future = await w.post('bangongshi', '/staff/applications/new', { ...fields, submittedOn: '2024-10-11' });
  assert.equal(future.statusCode, 422);
  assert.match(future.body, /不能登记将来的日期/);
  assert.equal(await count(), 0, 'nothing written');

  const res = await w.post('bangongshi', '/staff/applications/new', fields);
  assert.equal(res.statusCode, 303);
  const location = String(res.headers.location);
  assert.match(location, /^\/staff\/applications\/\d+$/);
  const flash = res.cookies.find((c) => c.name === 'gongkai_code');
  assert.ok(flash?.value && flash.httpOnly && flash.path === '/staff/applications');
  const code = flash.value.split(':')[1]!;
  assert.ok(!location.includes(code), 'the code never travels in the URL');

  const id = Number(location.split('/').pop());
  const row = (await db.selectFrom('applications').selectAll().where('id', '=', id).executeTakeFirstOrThrow());
  assert.equal(row.received_on, '2024-10-08');
  assert.equal(row.channel, 'in_person');
  assert.equal(row.state, 'handling');
  const [first] = await eventsOf(db, id);
  assert.equal(first?.type, 'register');
  assert.equal(first?.on, '2024-10-08');
  assert.equal((await findByQueryCode(db, row.number, code))?.id, id);

  const session = await w.session('bangongshi');
  const shown = await w.app.inject({ url: location, headers: { cookie: `${session.cookie}; gongkai_code=${flash.value}` } });
  assert.equal(shown.statusCode, 200);
  assert.match(shown.body, new RegExp(`查询码 <strong class="query-code">${code}</strong>`));
  assert.ok(shown.cookies.some((c) => c.name === 'gongkai_code' && c.value === ''), 'the cookie is cleared once read');
  assert.equal(dueOnPage(shown.body), '2024-11-04'); // 10-09..11 (3), 10-12 调休 (4), 10-14..31 (18), 11-01 (19), 11-04 (20)
  assert.equal(dueOnPage(shown.body), clockDue('2024-10-08', [], '2024-10-10'));
  const again = await w.get('bangongshi', location);
  assert.doesNotMatch(again.body, /query-code/);
  // A forged cookie (another code) shows nothing.
  const forged = await w.app.inject({ url: location, headers: { cookie: `${session.cookie}; gongkai_code=${id}:AAAAAAAA` } });
  assert.doesNotMatch(forged.body, /query-code/);

  // The same form sent twice (same key) is one case.
  const twice = await w.post('bangongshi', '/staff/applications/new', fields);
  assert.equal(twice.headers.location, location);
  assert.equal(await count(), 1);
});

test('a case through the forms: 签收 → 转办 → 补正 → 收到补正 → 延期 → 批准 → 部分公开 → 送达, due as `gongkai deadline` says', async (t) => {
  const w = await world(t, '2024-09-27');
  const { db } = w.opened;
  const fgw = (await findAgencyByCode(db, 'demo-city-fgw'))!;
  const { id, number } = await w.online('2024-09-27');
  const page = `/staff/applications/${id}`;
  const clockEvents: { type: string; on: string }[] = [];

  const step = async (username: string, today: string, type: string, fields: Record<string, string> = {}) => {
    w.clock.today = today;
    const res = await w.post(username, `${page}/actions/${type}`, fields);
    assert.equal(res.statusCode, 303, `${type}: ${res.body.match(/<div class="alert"[^]*?<\/div>/)?.[0] ?? res.statusCode}`);
    assert.equal(res.headers.location, `${page}?done=${type}`);
    const after = await w.get(username, String(res.headers.location));
    assert.equal(after.statusCode, 200);
    assertSafePage(after.body);
    assert.equal(dueOnPage(after.body), clockDue('2024-09-29', clockEvents, today), `due after ${type}`);
    return after.body;
  };

  const pending = await w.get('bangongshi', page);
  assert.match(pending.body, /申请签收后/);
  assert.match(pending.body, /action="\/staff\/applications\/\d+\/actions\/sign"/);

  let html = await step('bangongshi', '2024-09-29', 'sign', { on: '2024-09-29' });
  assert.match(html, /已办理：签收/);
  assert.equal(dueOnPage(html), '2024-10-31');
  assert.match(html, new RegExp(`<option value="${fgw.id}">示范市发展和改革委员会</option>`));
  html = await step('bangongshi', '2024-09-29', 'assign', { departmentId: String(fgw.id), reason: '涉及发改委审批事项' });
  assert.match(html, /<dt>承办部门<\/dt><dd>示范市发展和改革委员会<\/dd>/);

  clockEvents.push({ type: 'correction_requested', on: '2024-10-08' });
  html = await step('banli', '2024-10-08', 'request_correction', { on: '2024-10-08', items: '请写明项目名称\n请写明批复年份', periodEnd: '2024-10-23' });
  assert.equal(dueOnPage(html), null);
  assert.match(html, /补正申请通知书/);

  clockEvents.push({ type: 'correction_received', on: '2024-10-10' });
  await step('banli', '2024-10-10', 'correction_received', { on: '2024-10-10' });
  html = await step('banli', '2024-10-15', 'request_extension', { on: '2024-10-15', reason: '需要调取历年档案' });
  assert.match(html, /<strong>申请延期<\/strong>/);
  assert.doesNotMatch(html, /id="action-approve_extension"/, 'a handler is not offered the approval');

  // The handler cannot approve: 403, the Chinese message on the case page, nothing written.
  const before = await w.eventCount(id);
  const refused = await w.post('banli', `${page}/actions/approve_extension`, {});
  assert.equal(refused.statusCode, 403);
  assert.match(refused.body, /延期须经机关负责人批准/);
  assertNoInternals(refused.body);
  assert.equal(await w.eventCount(id), before);

  const leaderPage = await w.get('lingdao', page);
  assert.match(leaderPage.body, /id="action-approve_extension"/);
  clockEvents.push({ type: 'extended', on: '2024-10-16' });
  html = await step('lingdao', '2024-10-16', 'approve_extension', { on: '2024-10-16' });
  assert.match(html, /延期答复告知书/);
  assert.match(html, /赵立新（机关负责人）/);

  // The reply form in two steps: the type, then its fields with the legal basis prefilled.
  const replyForm = await w.get('banli', `${page}?reply=partially_disclosed`);
  assert.match(replyForm.body, /name="legalBasis" type="text" value="条例2019第三十七条"/);
  assert.match(replyForm.body, /name="disclosedPart"/);
  const replyStep1 = await w.get('banli', page);
  assert.match(replyStep1.body, /<optgroup label="不予公开">/);
  assert.doesNotMatch(replyStep1.body, /value="other.no_correction"/);

  html = await step('banli', '2024-11-05', 'reply', {
    on: '2024-11-05',
    replyType: 'partially_disclosed',
    disclosedPart: '立项批复文件正文',
    withheldPart: '附件中的企业报价',
    subReason: '涉及第三方商业秘密',
    letterRef: '示发改信〔2024〕第12号',
  });
  assert.match(html, /已答复待送达/);
  assert.match(html, /<dt>法律依据<\/dt><dd class="pre">条例2019第三十七条<\/dd>/);

  clockEvents.push({ type: 'answered', on: '2024-11-06' });
  html = await step('banli', '2024-11-06', 'deliver', { on: '2024-11-06', method: 'postal' });
  assert.match(html, /已办结/);
  assert.match(html, /已按时答复/);
  assert.match(html, /计算过程/);
  assert.match(html, /当前没有您可以办理的操作/);

  // Every step is in the record; the letters print and download.
  const events = await eventsOf(db, id);
  assert.deepEqual(events.map((e) => e.type), ['submit', 'sign', 'assign', 'request_correction', 'correction_received', 'request_extension', 'approve_extension', 'reply', 'deliver']);
  const replySeq = events.find((e) => e.type === 'reply')!.seq;
  const docx = await w.get('banli', `${page}/letters/${replySeq}.docx`);
  assert.equal(docx.statusCode, 200);
  assert.equal(docx.headers['content-type'], 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  assert.match(String(docx.headers['content-disposition']), /^attachment; filename="letter-\d{4}-\d{6}-\d+\.docx"; filename\*=UTF-8''/);
  assert.equal(docx.rawPayload.subarray(0, 2).toString('latin1'), 'PK');
  const print = await w.get('banli', `${page}/letters/${replySeq}`);
  assert.equal(print.statusCode, 200);
  assert.match(print.body, /<link rel="stylesheet" href="\/staff\/applications\/letter\.css"\/>/);
  assert.match(print.body, /<article class="letter">/);
  assert.match(print.body, /立项批复文件正文/);
  assert.match(print.body, /示范市人民政府/);
  assertSafePage(print.body);
  const css = await w.get('banli', '/staff/applications/letter.css');
  assert.equal(css.statusCode, 200);
  assert.match(String(css.headers['content-type']), /^text\/css/);
  assert.match(css.body, /@media print/);
  const extensionSeq = events.find((e) => e.type === 'approve_extension')!.seq;
  assert.match((await w.get('banli', `${page}/letters/${extensionSeq}`)).body, /延期/);
  assert.equal((await w.get('banli', `${page}/letters/2`)).statusCode, 404, 'a step without a letter');
  assert.ok(number);
});

test('who may see and do what: another agency 404, another department masked and powerless, the supervisor reads', async (t) => {
  const w = await world(t, '2024-10-10');
  const { db } = w.opened;
  const fgw = (await findAgencyByCode(db, 'demo-city-fgw'))!;
  const zrzy = (await findAgencyByCode(db, 'demo-city-zrzy'))!;
  const hash = await hashPassword(DEMO_PASSWORD);
  const other = await createAgency(db, { parentId: null, code: 'other-city', name: '另一市人民政府', level: 'city', type: 'government' });
  const otherOffice = await createAgency(db, { parentId: other.id, code: 'other-city-office', name: '另一市人民政府办公室', level: 'city', type: 'office' });
  await createUser(db, { agencyId: otherOffice.id, username: 'qita', displayName: '外市公开办', role: 'office', passwordHash: hash });
  await createUser(db, { agencyId: zrzy.id, username: 'ziran', displayName: '自然资源局承办人', role: 'handler', passwordHash: hash });

  const pdf: Attachment = { name: '身份证明.pdf', mime: 'application/pdf', content: Buffer.from('%PDF-1.4 test') };
  const { id } = await w.online('2024-10-08', { signOn: '2024-10-08', attachments: [pdf] });
  const page = `/staff/applications/${id}`;
  assert.equal((await w.post('bangongshi', `${page}/actions/assign`, { departmentId: String(fgw.id) })).statusCode, 303);
  const before = await w.eventCount(id);

  // The office of the receiving agency: everything, in full.
  const full = await w.get('bangongshi', page);
  assert.ok(full.body.includes(ID_NUMBER) && full.body.includes(PHONE));
  assert.doesNotMatch(full.body, /个人信息已隐去/);
  const [file] = await db.selectFrom('application_files').select('id').where('application_id', '=', id).execute();
  const download = await w.get('bangongshi', `${page}/files/${file!.id}`);
  assert.equal(download.statusCode, 200);
  assert.equal(download.headers['content-type'], 'application/pdf');
  assert.match(String(download.headers['content-disposition']), /^attachment; filename="attachment-\d+\.pdf"; filename\*=UTF-8''%E8%BA%AB/);
  assert.equal(download.body, '%PDF-1.4 test');
  assert.match((await w.get('bangongshi', page)).body, /下载申请附件（王敏）/);

  // Another agency: the case does not exist for it.
  for (const res of [await w.get('qita', page), await w.post('qita', `${page}/actions/note`, { text: '看看' }), await w.get('qita', `${page}/files/${file!.id}`)]) {
    assert.equal(res.statusCode, 404);
    assert.match(res.body, /未找到该申请/);
    assertNoInternals(res.body);
  }
  const missing = await w.get('bangongshi', '/staff/applications/999999');
  assert.equal(missing.statusCode, 404);
  assert.match(missing.body, /未找到该申请/);
  assert.equal((await w.get('bangongshi', '/staff/applications/abc')).statusCode, 404);
  assert.equal((await w.post('bangongshi', `${page}/actions/fly`, {})).statusCode, 404);
  assert.equal((await w.post('bangongshi', `${page}/actions/register`, {})).statusCode, 404);
  assert.doesNotMatch((await w.get('qita', '/staff/applications')).body, new RegExp(`/staff/applications/${id}"`));

  // A handler of another department of the same government: masked, no forms, every step refused.
  const masked = await w.get('ziran', page);
  assert.equal(masked.statusCode, 200);
  assert.match(masked.body, /个人信息已隐去/);
  assert.ok(!masked.body.includes(ID_NUMBER) && !masked.body.includes(PHONE) && !masked.body.includes('解放路12号'));
  assert.doesNotMatch(masked.body, /<details class="action"/);
  assert.doesNotMatch(masked.body, /\/files\//);
  assert.equal((await w.get('ziran', `${page}/files/${file!.id}`)).statusCode, 403);
  for (const [type, fields] of [['note', { text: '看看' }], ['request_extension', { reason: '试试' }]] as const) {
    const res = await w.post('ziran', `${page}/actions/${type}`, fields);
    assert.equal(res.statusCode, 403, type);
    assert.match(res.body, /本案未转办至你所在的部门/);
  }

  // The supervisor: reads (masked), may only add a note.
  const supervisor = await w.get('jiandu', page);
  assert.equal(supervisor.statusCode, 200);
  assert.match(supervisor.body, /个人信息已隐去/);
  assert.ok(!supervisor.body.includes(ID_NUMBER) && !supervisor.body.includes(PHONE));
  const offered = [...supervisor.body.matchAll(/<details class="action" id="action-([a-z_]+)"/g)].map((m) => m[1]);
  assert.deepEqual(offered, ['note']);
  const change = await w.post('jiandu', `${page}/actions/request_extension`, { reason: '监督' });
  assert.equal(change.statusCode, 403);
  assert.match(change.body, /监督人员只能查看和备注，不能办理/);
  assert.equal(await w.eventCount(id), before, 'nothing written by refused steps');
  const supervisorList = await w.get('jiandu', '/staff/applications');
  assert.ok(supervisorList.body.includes(`/staff/applications/${id}"`));
  assert.ok(!supervisorList.body.includes(PHONE));

  // No session: off to the log-in page.
  const anonymous = await w.app.inject(page);
  assert.equal(anonymous.statusCode, 303);
  assert.match(String(anonymous.headers.location), /^\/login\?next=/);
});

test('refused steps write nothing: a reply type of the other regime, 不予公开 without a reason, a repeated 签收; text is escaped', async (t) => {
  const w = await world(t, '2024-10-10');
  const { db } = w.opened;
  const fgw = (await findAgencyByCode(db, 'demo-city-fgw'))!;
  const { id } = await w.online('2024-10-08', { signOn: '2024-10-08' });
  const page = `/staff/applications/${id}`;
  const count = () => w.eventCount(id);
  const before = await count();

  const wrongRegime = await w.post('bangongshi', `${page}/actions/reply`, { replyType: '2008.disclosed', legalBasis: '条例2008第二十一条' });
  assert.equal(wrongRegime.statusCode, 422);
  assert.match(wrongRegime.body, /属于条例2008，不适用于条例2019/);
  assert.equal(await count(), before);

  const noReason = await w.post('bangongshi', `${page}/actions/reply`, { replyType: 'withheld.state_secret' });
  assert.equal(noReason.statusCode, 422);
  assert.match(noReason.body, /缺少：不予公开的理由/);
  assert.match(noReason.body, /<details class="action" id="action-reply" open>/, 'the refused form comes back open');
  assert.equal(await count(), before);

  const twice = await w.post('bangongshi', `${page}/actions/sign`, { on: '2024-10-08' });
  assert.equal(twice.statusCode, 409);
  assert.match(twice.body, /申请已签收，不能重复签收/);
  const badDate = await w.post('bangongshi', `${page}/actions/assign`, { departmentId: String(fgw.id), on: '10/09/2024' });
  assert.equal(badDate.statusCode, 422);
  const foreignDepartment = await w.post('bangongshi', `${page}/actions/assign`, { departmentId: '999999' });
  assert.equal(foreignDepartment.statusCode, 422);
  assert.match(foreignDepartment.body, /请选择本机关所属的承办部门/);
  assert.equal(await count(), before);

  const script = '<script>alert("x")</script>';
  assert.equal((await w.post('bangongshi', `${page}/actions/assign`, { departmentId: String(fgw.id), reason: script })).statusCode, 303);
  assert.equal((await w.post('bangongshi', `${page}/actions/note`, { text: `备注${script}` })).statusCode, 303);
  const html = (await w.get('bangongshi', page)).body;
  assert.ok(!html.includes(script));
  assertSafePage(html);
  assert.ok(html.includes('&lt;script>alert(&quot;x&quot;)&lt;/script>') || html.includes('&lt;script&gt;'));
  assert.equal(await count(), before + 2);
});
