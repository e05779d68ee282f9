// The public side of applications over HTTP (app.inject) on a real database: the form, a submission (multipart
// with attachments, or urlencoded) creating exactly one case, the same key twice, every kind of refusal writing
// nothing, the query by 申请编号 + 查询码, the letters after a reply, and 长辈版.
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import type { OpenedDb } from '../db/database.ts';
import { loadCalendar } from '../calendar/store.ts';
import { findAgencyByCode, findUserByUsername } from '../agencies/store.ts';
import { creditCodeCheckChar } from '../law/identity.ts';
import { OWN_ORIGIN, assertNoInternals, openSeededDatabase, postForm, testApp } from '../http/testing.ts';
import { actorOf, viewerOf } from './access.ts';
import type { Action } from './model.ts';
import { applyAction, findByQueryCode, type StoreContext } from './store.ts';

const calendar = loadCalendar();
const ctx = (today: string): StoreContext => ({ calendar, today, now: `${today}T02:00:00.000Z` });
const at = (day: string) => new Date(`${day}T02:00:00Z`);

const ID_NUMBER = '11010519491231002X';
const CREDIT_CODE = `91350100M000100Y4${creditCodeCheckChar('91350100M000100Y4')}`;

const PERSON: Record<string, string> = {
  applicantKind: 'person',
  personName: '张三',
  idType: 'resident_id_card',
  idNumber: ID_NUMBER,
  phone: '13812345678',
  address: '山东省济南市历下区解放路12号',
  description: '2024年本市城市更新项目的立项批复文件',
  provision: 'electronic',
  pickup: 'online',
};

const ORGANISATION: Record<string, string> = {
  applicantKind: 'organisation',
  orgName: '示范环保科技有限公司',
  organisationKind: 'business',
  creditCode: CREDIT_CODE,
  legalRep: '李四',
  contactName: '王五',
  phone: '0531-86123456',
  email: 'office@example.com',
  description: '2024年示范市重点排污单位名录',
  provision: 'electronic',
  pickup: 'email',
};

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(32, 1)]);
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(64, 0)]);

interface FileField {
  name: string;
  type: string;
  bytes: Buffer;
}

/** The multipart/form-data request a browser sends for the form. */
async function postMultipart(app: FastifyInstance, fields: Record<string, string>, files: FileField[] = []) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  for (const f of files) form.append('attachments', new Blob([new Uint8Array(f.bytes)], { type: f.type }), f.name);
  const request = new Request('http://localhost/apply', { method: 'POST', body: form });
  return app.inject({
    method: 'POST',
    url: '/apply',
    payload: Buffer.from(await request.arrayBuffer()),
    headers: { 'content-type': request.headers.get('content-type')!, origin: OWN_ORIGIN },
  });
}

async function setUp(t: TestContext, day = '2024-09-27') {
  const opened = await openSeededDatabase();
  t.after(() => opened.close());
  let now = at(day);
  const app = await testApp(t, opened, { now: () => now });
  const city = (await findAgencyByCode(opened.db, 'demo-city'))!;
  return { opened, db: opened.db, app, city, setDay: (d: string) => void (now = at(d)) };
}

/** Rows of the tables a submission writes. */
async function counts(opened: OpenedDb): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of ['applications', 'application_files', 'outbox', 'audit_events'] as const) {
    const row = await opened.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    out[table] = Number(row.n);
  }
  return out;
}

function hiddenKey(html: string): string {
  const m = /name="idempotencyKey" value="([^"]+)"/.exec(html);
  assert.ok(m, 'the form carries an idempotency key');
  return m[1]!;
}

function receiptOf(html: string): { number: string; code: string } {
  const number = /<dd class="receipt__number">([^<]+)<\/dd>/.exec(html)?.[1];
  const code = /<dd class="receipt__code">([^<]+)<\/dd>/.exec(html)?.[1];
  assert.ok(number && code, 'the page shows the number and the code');
  return { number, code };
}

test('GET /apply: the form with the agencies (root first), the one-matter hint, both applicant fieldsets, no script', async (t) => {
  const { app, city } = await setUp(t);
  const res = await app.inject('/apply');
  assert.equal(res.statusCode, 200);
  const html = res.body;
  assert.match(html, /一份申请请只申请一项政府信息（一事一申请）/);
  assert.match(html, /<form method="post" action="\/apply" enctype="multipart\/form-data"/);
  const options = [...html.matchAll(/<option value="(\d+)"( selected)?>([^<]+)<\/option>/g)];
  assert.equal(options[0]?.[1], String(city.id));
  assert.equal(options[0]?.[2], ' selected');
  assert.deepEqual(options.map((o) => o[3]), ['示范市人民政府', '示范市发展和改革委员会', '示范市自然资源和规划局', '示范市生态环境局']);
  for (const label of ['自然人', '法人或其他组织', '证件类型', '统一社会信用代码', '信息的载体形式', '获取信息的方式', '电子文档', '邮寄']) {
    assert.ok(html.includes(label), label);
  }
  assert.match(hiddenKey(html), /^[0-9a-f-]{36}$/);
  assert.notEqual(hiddenKey(html), hiddenKey((await app.inject('/apply')).body), 'a new key per render');
  assert.match(html, /<input id="f-attachments" name="attachments" type="file" multiple accept="[^"]*application\/pdf/);
  assert.match(html, /<link rel="stylesheet" href="\/static\/apply.css"\/>/);
  assert.doesNotMatch(html, /<script|\sstyle=|\son[a-z]+=/i);
  const css = await app.inject('/static/apply.css');
  assert.equal(css.statusCode, 200);
  assert.match(String(css.headers['content-type']), /^text\/css/);
  assert.match(css.body, /body\.elder/);
});

test('a person applies with attachments (multipart): one case, its number and code shown, the code opens it', async (t) => {
  const { app, db, city, opened } = await setUp(t);
  const key = hiddenKey((await app.inject('/apply')).body);
  const res = await postMultipart(app, { agencyId: String(city.id), ...PERSON, idempotencyKey: key }, [
    { name: '身份证正面.pdf', type: 'application/octet-stream', bytes: PDF },
    { name: '身份证反面.png', type: 'image/png', bytes: PNG },
  ]);
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.headers.location, undefined);
  const { number, code } = receiptOf(res.body);
  assert.match(number, /^2024-\d{6}$/);
  assert.match(res.body, /请妥善保存，查询进度和下载答复书需要此码/);
  assert.match(res.body, /第三十一条/);
  assert.match(res.body, /20 个工作日/);
  assert.match(res.body, /href="\/track\?number=2024-\d{6}"/);
  assert.ok(!res.body.includes(`=${code}`), 'the code is in no link');
  assert.doesNotMatch(res.body, /长辈版/, 'no link away from the only page that shows the code');

  const rows = await db.selectFrom('applications').selectAll().execute();
  assert.equal(rows.length, 1);
  assert.equal(rows[0]!.applicant_kind, 'person');
  assert.equal(rows[0]!.id_number, ID_NUMBER);
  assert.equal(rows[0]!.channel, 'online');
  assert.equal(rows[0]!.agency_id, city.id);
  assert.equal(rows[0]!.idempotency_key, key);
  const files = await db.selectFrom('application_files').select(['name', 'mime', 'size']).orderBy('id').execute();
  assert.deepEqual(files, [
    { name: '身份证正面.pdf', mime: 'application/pdf', size: PDF.length },
    { name: '身份证反面.png', mime: 'image/png', size: PNG.length },
  ]);
  assert.equal((await findByQueryCode(db, number, code))?.id, rows[0]!.id);
  assert.deepEqual(await counts(opened).then((c) => [c.applications, c.application_files]), [1, 2]);
});

test('an organisation applies (urlencoded, no files): one case with its credit code', async (t) => {
  const { app, db, city } = await setUp(t);
  const res = await postForm(app, '/apply', { agencyId: String(city.id), ...ORGANISATION, idempotencyKey: 'org-key-0001' });
  assert.equal(res.statusCode, 200, res.body);
  const { number, code } = receiptOf(res.body);
  const rows = await db.selectFrom('applications').selectAll().execute();
  assert.equal(rows.length, 1);
  assert.equal(rows[0]!.applicant_kind, 'organisation');
  assert.equal(rows[0]!.applicant_name, '示范环保科技有限公司');
  assert.equal(rows[0]!.credit_code, CREDIT_CODE);
  assert.equal(rows[0]!.organisation_kind, 'business');
  assert.equal(rows[0]!.id_number, null);
  assert.equal((await findByQueryCode(db, number, code.toLowerCase()))?.number, number);
});

test('the same idempotency key twice: one case, the same number and code, and the page says 此前已提交', async (t) => {
  const { app, db, city } = await setUp(t);
  const fields = { agencyId: String(city.id), ...PERSON, idempotencyKey: 'same-key-12345678' };
  const first = await postMultipart(app, fields, [{ name: 'a.pdf', type: 'application/pdf', bytes: PDF }]);
  const second = await postMultipart(app, fields, [{ name: 'a.pdf', type: 'application/pdf', bytes: PDF }]);
  assert.equal(first.statusCode, 200);
  assert.equal(second.statusCode, 200);
  assert.deepEqual(receiptOf(second.body), receiptOf(first.body));
  assert.doesNotMatch(first.body, /此前已提交/);
  assert.match(second.body, /此前已提交/);
  assert.equal((await db.selectFrom('applications').select('id').execute()).length, 1);
  assert.equal((await db.selectFrom('application_files').select('id').execute()).length, 1);
});

test('refused submissions: 422 with the precise Chinese message, the values kept, nothing written', async (t) => {
  const { app, city, opened } = await setUp(t);
  const agencyId = String(city.id);
  const office = (await findAgencyByCode(opened.db, 'demo-city-office'))!;
  const big = Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024 + 1 - PDF.length, 0x20)]);
  const cases: { what: string; fields: Record<string, string>; files?: FileField[]; messages: (string | RegExp)[]; field?: string }[] = [
    {
      what: 'wrong 身份证 checksum',
      fields: { agencyId, ...PERSON, idNumber: '110105194912310021' },
      messages: ['证件号码：身份证号码校验位错误：按前 17 位计算应为 X，现为 1'],
      field: 'idNumber',
    },
    {
      what: 'missing fields, all reported at once (with the identity number)',
      fields: { agencyId, applicantKind: 'person', idType: 'resident_id_card', idNumber: '110105194912310021', pickup: 'post' },
      messages: ['请填写申请人姓名', '联系电话：', '请填写所需政府信息的名称、文号或便于查询的其他特征性描述', '请选择信息的载体形式', '证件号码：', '选择邮寄的，请填写完整的通信地址'],
    },
    {
      what: 'a bad 统一社会信用代码',
      fields: { agencyId, ...ORGANISATION, creditCode: '91350100M000100Y4Z'.replace(/.$/, creditCodeCheckChar('91350100M000100Y4') === 'A' ? 'B' : 'A') },
      messages: [/统一社会信用代码：统一社会信用代码第 18 位校验码错误/],
      field: 'creditCode',
    },
    {
      what: 'an agency that does not receive applications (the office)',
      fields: { ...PERSON, agencyId: String(office.id) },
      messages: ['请从列表中选择受理申请的行政机关'],
      field: 'agencyId',
    },
    {
      what: 'an unknown agency',
      fields: { ...PERSON, agencyId: '99999' },
      messages: ['请从列表中选择受理申请的行政机关'],
    },
    {
      what: 'an attachment over 10 MB',
      fields: { agencyId, ...PERSON },
      files: [{ name: '扫描件.pdf', type: 'application/pdf', bytes: big }],
      messages: ['附件「扫描件.pdf」超过 10 MB，每个附件不得超过 10 MB', '请重新选择附件'],
      field: 'attachments',
    },
    {
      what: 'a program named .pdf',
      fields: { agencyId, ...PERSON },
      files: [{ name: '证明.pdf', type: 'application/pdf', bytes: EXE }],
      messages: ['附件「证明.pdf」不是 PDF、JPG、PNG 文件（按文件内容识别）'],
      field: 'attachments',
    },
    {
      what: 'a PNG named .pdf',
      fields: { agencyId, ...PERSON },
      files: [{ name: '证明.pdf', type: 'application/pdf', bytes: PNG }],
      messages: ['附件「证明.pdf」的内容是 PNG 格式，与文件名后缀“.pdf”不符'],
      field: 'attachments',
    },
    {
      what: 'six attachments',
      fields: { agencyId, ...PERSON },
      files: Array.from({ length: 6 }, (_, i) => ({ name: `${i}.pdf`, type: 'application/pdf', bytes: PDF })),
      messages: ['附件最多 5 个，您选择了 6 个'],
      field: 'attachments',
    },
    {
      what: 'no applicant kind',
      fields: { agencyId, ...PERSON, applicantKind: '' },
      messages: ['请选择申请人类型（自然人或法人或其他组织）'],
    },
  ];
  const before = await counts(opened);
  for (const c of cases) {
    const res = await postMultipart(app, c.fields, c.files ?? []);
    assert.equal(res.statusCode, 422, `${c.what}: ${res.statusCode}`);
    for (const m of c.messages) {
      if (typeof m === 'string') assert.ok(res.body.includes(m), `${c.what}: expected ${m}`);
      else assert.match(res.body, m, c.what);
    }
    assert.match(res.body, /<div class="error-summary" role="alert"/, c.what);
    if (c.field) {
      assert.match(res.body, new RegExp(`<a href="#f-${c.field}">`), `${c.what}: the summary links to the field`);
      assert.match(res.body, new RegExp(`<p class="field__error" id="e-${c.field}">`), c.what);
      assert.match(res.body, new RegExp(`id="f-${c.field}"[^>]*aria-describedby="[^"]*e-${c.field}`), `${c.what}: described by its error`);
    }
    assertNoInternals(res.body);
    if (c.fields.personName) assert.ok(res.body.includes(`value="${c.fields.personName}"`), `${c.what}: the entered name is kept`);
  }
  assert.deepEqual(await counts(opened), before, 'nothing written');
});

test('a script typed into the form comes back escaped; a malformed or foreign request is refused', async (t) => {
  const { app, city, opened } = await setUp(t);
  const before = await counts(opened);
  const script = '<script>alert("x")</script>';
  const res = await postForm(app, '/apply', { agencyId: String(city.id), ...PERSON, personName: script, description: script, phone: '' });
  assert.equal(res.statusCode, 422);
  assert.ok(res.body.includes('联系电话：请填写电话号码'));
  assert.ok(!res.body.includes(script));
  assert.ok(res.body.includes('&lt;script>alert(&quot;x&quot;)&lt;/script>') || res.body.includes('&lt;script&gt;'));
  assert.doesNotMatch(res.body, /<script/i);

  const broken = await app.inject({
    method: 'POST',
    url: '/apply',
    payload: '--xyz\r\nContent-Disposition: form-data; name="personName"\r\n\r\n张三\r\n--xyz\r\nContent-Disposition: form-da',
    headers: { 'content-type': 'multipart/form-data; boundary=xyz', origin: OWN_ORIGIN },
  });
  assert.equal(broken.statusCode, 400);
  assert.match(broken.body, /提交的表单数据不完整或格式不正确/);
  assertNoInternals(broken.body);

  const json = await app.inject({ method: 'POST', url: '/apply', payload: { ...PERSON }, headers: { origin: OWN_ORIGIN, accept: 'text/html' } });
  assert.equal(json.statusCode, 415);
  const foreign = await postForm(app, '/apply', { agencyId: String(city.id), ...PERSON }, { origin: 'https://evil.example' });
  assert.equal(foreign.statusCode, 403);
  assert.deepEqual(await counts(opened), before);
});

test('/track: the right pair shows the status with masked details; a wrong number or code gets one message', async (t) => {
  const { app, city } = await setUp(t);
  const { number, code } = receiptOf((await postForm(app, '/apply', { agencyId: String(city.id), ...PERSON })).body);

  const form = await app.inject(`/track?number=${number}`);
  assert.equal(form.statusCode, 200);
  assert.match(form.body, new RegExp(`name="number" type="text" value="${number}"`));

  const res = await postForm(app, '/track', { number, code: ` ${code.toLowerCase()} ` });
  assert.equal(res.statusCode, 200);
  const html = res.body;
  for (const text of [number, '示范市人民政府', '待签收', '尚未签收', '提交申请', '2024年9月27日', '城市更新项目的立项批复文件', '居民身份证']) {
    assert.ok(html.includes(text), text);
  }
  assert.ok(!html.includes(ID_NUMBER), 'the identity number is masked');
  assert.ok(!html.includes('13812345678'), 'the phone is masked');
  assert.match(html, /138\*\*\*\*5678/);
  assert.match(html, /暂无文书/);

  const wrongCode = await postForm(app, '/track', { number, code: 'AAAAAAAA' });
  const wrongNumber = await postForm(app, '/track', { number: '2024-999999', code });
  for (const wrong of [wrongCode, wrongNumber]) {
    assert.equal(wrong.statusCode, 404);
    assert.match(wrong.body, /申请编号或查询码不正确/);
    assert.ok(!wrong.body.includes('待签收'));
    assertNoInternals(wrong.body);
  }
  assert.ok(!wrongNumber.body.includes(code), 'the code typed is not echoed');

  const fullWidth = await postForm(app, '/track', { number: number.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))), code });
  assert.equal(fullWidth.statusCode, 200, 'full-width digits from a Chinese input method are accepted');
});

test('/track is rate-limited per address', async (t) => {
  const { app } = await setUp(t);
  let last = 0;
  for (let i = 0; i < 21; i++) last = (await postForm(app, '/track', { number: '2024-000001', code: 'AAAAAAAA' })).statusCode;
  assert.equal(last, 429);
});

test('a case through 补正, 延期 and 答复: the public timeline, the paused deadline, and the letters to download', async (t) => {
  const { app, db, city, setDay } = await setUp(t);
  const { number, code } = receiptOf((await postForm(app, '/apply', { agencyId: String(city.id), ...PERSON })).body);
  const id = (await findByQueryCode(db, number, code))!.id;
  const fgw = (await findAgencyByCode(db, 'demo-city-fgw'))!;
  const actor = async (username: string) => actorOf(await viewerOf(db, (await findUserByUsername(db, username))!));
  const office = await actor('bangongshi');
  const handler = await actor('banli');
  const leader = await actor('lingdao');
  const step = (who: typeof office, day: string, action: Action) => applyAction(db, id, action, who, ctx(day));

  await step(office, '2024-09-29', { type: 'sign', data: {} });
  await step(office, '2024-09-30', { type: 'request_correction', data: { items: '请写明立项批复文件的文号或形成时间', periodEnd: '2024-10-15' } });

  setDay('2024-10-08');
  const waiting = (await postForm(app, '/track', { number, code })).body;
  for (const text of ['待补正', '2024年9月29日', '签收（受理）', '补正通知', '请写明立项批复文件的文号或形成时间', '2024年10月15日前', '暂停计算（等待补正）', '补正申请通知书']) {
    assert.ok(waiting.includes(text), text);
  }

  await step(office, '2024-10-09', { type: 'correction_received', data: {} });
  await step(office, '2024-10-09', { type: 'assign', data: { departmentId: fgw.id } });
  await step(handler, '2024-10-09', { type: 'start_consultation', data: { party: 'third_party', name: '某化工有限公司' } });
  await step(handler, '2024-10-10', { type: 'end_consultation', data: { replied: true } });
  await step(handler, '2024-10-10', { type: 'note', data: { text: '内部备注勿外传' } });
  await step(handler, '2024-10-11', { type: 'request_extension', reason: '需要调取历史档案', data: {} });
  await step(leader, '2024-10-11', { type: 'approve_extension', data: {} });
  await step(handler, '2024-10-14', {
    type: 'reply',
    data: { replyType: 'disclosed', legalBasis: '《中华人民共和国政府信息公开条例》第三十六条第（二）项', letterRef: '示政信〔2024〕第1号' },
  });
  await step(handler, '2024-10-15', { type: 'deliver', data: { method: 'postal' } });

  setDay('2024-10-16');
  const done = await postForm(app, '/track', { number, code });
  assert.equal(done.statusCode, 200);
  const html = done.body;
  for (const text of ['已办结', '收到补正', '延期答复', '作出答复', '予以公开', '示政信〔2024〕第1号', '送达', '邮寄送达', '政府信息公开申请答复书', '延期答复告知书']) {
    assert.ok(html.includes(text), text);
  }
  for (const hidden of ['转办', '退回', '内部备注勿外传', '某化工有限公司', '征求意见', '需要调取历史档案', '李强', '王敏', '示范市发展和改革委员会']) {
    assert.ok(!html.includes(hidden), `not shown: ${hidden}`);
  }
  assert.doesNotMatch(html, /<script|\sstyle=|\son[a-z]+=/i);

  const seqOf = (label: string) => {
    const m = new RegExp(`<strong>${label}</strong>[\\s\\S]*?name="seq" value="(\\d+)"`).exec(html);
    assert.ok(m, label);
    return m[1]!;
  };
  const replySeq = seqOf('政府信息公开申请答复书');
  const docx = await postForm(app, '/track/letter', { number, code, seq: replySeq, format: 'docx' });
  assert.equal(docx.statusCode, 200);
  assert.equal(docx.headers['content-type'], 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  assert.equal(
    docx.headers['content-disposition'],
    `attachment; filename="reply-${number}.docx"; filename*=UTF-8''${encodeURIComponent(`答复书-${number}.docx`)}`,
  );
  assert.equal(docx.rawPayload.subarray(0, 2).toString(), 'PK');

  const printable = await postForm(app, '/track/letter', { number, code, seq: seqOf('延期答复告知书'), format: 'html' });
  assert.equal(printable.statusCode, 200);
  assert.match(printable.body, /<article class="letter">/);
  assert.match(printable.body, /<link rel="stylesheet" href="\/static\/letter.css"\/>/);
  assert.ok(printable.body.includes('示范市人民政府'));
  assert.match(String((await app.inject('/static/letter.css')).headers['content-type']), /^text\/css/);

  const correction = await postForm(app, '/track/letter', { number, code, seq: seqOf('补正申请通知书'), format: 'html' });
  assert.equal(correction.statusCode, 200);
  assert.ok(correction.body.includes('请写明立项批复文件的文号或形成时间'));

  const wrongCode = await postForm(app, '/track/letter', { number, code: 'AAAAAAAA', seq: replySeq, format: 'docx' });
  assert.equal(wrongCode.statusCode, 404);
  assert.match(wrongCode.body, /申请编号或查询码不正确/);
  const noLetter = await postForm(app, '/track/letter', { number, code, seq: '1', format: 'docx' });
  assert.equal(noLetter.statusCode, 404);
  assert.match(noLetter.body, /未找到该文书/);
  const badFormat = await postForm(app, '/track/letter', { number, code, seq: replySeq, format: 'exe' });
  assert.equal(badFormat.statusCode, 400);
});

test('长辈版: the header link sets the cookie and comes back; the body then has class="elder"', async (t) => {
  const { app } = await setUp(t);
  const standard = await app.inject('/apply');
  assert.match(standard.body, /<body>/);
  assert.match(standard.body, /<a class="mode-toggle" href="\/elder\?on=1&amp;next=%2Fapply">长辈版<\/a>/);

  const on = await app.inject('/elder?on=1&next=%2Fapply');
  assert.equal(on.statusCode, 303);
  assert.equal(on.headers.location, '/apply');
  const cookie = on.cookies.find((c) => c.name === 'gongkai_elder');
  assert.equal(cookie?.value, '1');
  assert.equal(cookie?.path, '/');
  assert.equal(cookie?.sameSite, 'Lax');
  assert.equal(cookie?.maxAge, 31_536_000);

  const headers = { cookie: 'gongkai_elder=1' };
  for (const url of ['/apply', '/track', '/']) {
    const page = await app.inject({ url, headers });
    assert.match(page.body, /<body class="elder">/, url);
    assert.match(page.body, /<a class="mode-toggle" href="\/elder\?on=0&amp;next=[^"]*">标准版<\/a>/, url);
  }

  const off = await app.inject({ url: '/elder?on=0&next=//evil.example/', headers });
  assert.equal(off.statusCode, 303);
  assert.equal(off.headers.location, '/');
  const cleared = off.cookies.find((c) => c.name === 'gongkai_elder');
  assert.equal(cleared?.value, '');
  assert.equal((await app.inject('/elder?on=yes')).statusCode, 400);
});
