// The REST API of applications through app.inject() on a real database (SQLite here; PostgreSQL when
// DATABASE_URL is set): an application submitted and followed with its 查询码, the staff steps from 签收 to 送达
// by the demo accounts, who sees what (another government: 404; supervisor and another department: masked,
// refused), exports masked row by row, errors in Chinese that write nothing, and an OpenAPI document that
// describes every route with the schemas the routes validate with.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import Fastify, { type FastifyInstance, type LightMyRequestResponse } from 'fastify';
import { unzipSync, strFromU8 } from 'fflate';
import type { z } from 'zod';
import { loadCalendar } from '../calendar/store.ts';
import type { OpenedDb } from '../db/database.ts';
import { createAgency, createUser, findAgencyByCode } from '../agencies/store.ts';
import { hashPassword } from '../agencies/passwords.ts';
import { DEMO_PASSWORD, assertNoInternals, logIn, openSeededDatabase, sessionToken, testApp, withSession } from '../http/testing.ts';
import { apiRoutes } from './api-routes.ts';
import {
  actionResultSchema,
  createdSchema,
  detailSchema,
  errorSchema,
  listSchema,
  publicStatusSchema,
  registeredSchema,
} from './api-schemas.ts';
import type { ApplicationDeps } from './routes.ts';
import { SAMPLE_ID_NUMBER as ID_NUMBER, SAMPLE_PHONE as PHONE, SAMPLE_PERSON } from './testing.ts';

const ADDRESS = '山东省济南市历下区解放路12号3单元501';
const EMAIL = 'zhangsan@example.com';

const PERSON = { ...SAMPLE_PERSON, email: EMAIL, address: ADDRESS };

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5f3c1d60000000049454e44ae426082', 'hex');

/** A clock the test moves: the app's today and the timestamp of each step. */
function clock(start: string) {
  let now = new Date(`${start}T02:00:00.000Z`);
  return { now: () => now, set: (day: string) => void (now = new Date(`${day}T02:00:00.000Z`)) };
}

interface World {
  app: FastifyInstance;
  opened: OpenedDb;
  cityId: number;
  fgwId: number;
  time: ReturnType<typeof clock>;
  as: (username: string) => Promise<Record<string, string>>;
}

async function setUp(t: { after(fn: () => unknown): void }): Promise<World> {
  const opened = await openSeededDatabase();
  t.after(() => opened.close());
  const time = clock('2024-09-27');
  const app = await testApp(t, opened, { now: time.now });
  const cityId = (await findAgencyByCode(opened.db, 'demo-city'))!.id;
  const fgwId = (await findAgencyByCode(opened.db, 'demo-city-fgw'))!.id;
  const sessions = new Map<string, Record<string, string>>();
  const as = async (username: string) => {
    let headers = sessions.get(username);
    if (!headers) {
      const login = await logIn(app, username);
      assert.equal(login.statusCode, 303, `${username} logs in`);
      sessions.set(username, (headers = withSession(sessionToken(login))));
    }
    return headers;
  };
  return { app, opened, cityId, fgwId, time, as };
}

function postJson(app: FastifyInstance, url: string, body: unknown, headers: Record<string, string> = {}) {
  return app.inject({ method: 'POST', url, payload: JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } });
}

/** The answer through its documented schema: it must fit, with no field the document leaves out. */
function parsed<T extends z.ZodType>(schema: T, response: LightMyRequestResponse): z.output<T> {
  const body: unknown = response.json();
  const value = schema.parse(body);
  assert.deepEqual(value, body, 'the answer is exactly as documented');
  return value;
}

async function counts(opened: OpenedDb): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of ['applications', 'application_events', 'application_files', 'audit_events', 'outbox'] as const) {
    const row = await opened.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    out[table] = Number(row.n);
  }
  return out;
}

async function submit(w: World, extra: Record<string, unknown> = {}) {
  const response = await postJson(w.app, '/api/v1/applications', { ...PERSON, agencyId: w.cityId, ...extra });
  assert.equal(response.statusCode, 201, response.body);
  return parsed(createdSchema, response);
}

async function idOf(w: World, number: string): Promise<number> {
  return (await w.opened.db.selectFrom('applications').select('id').where('number', '=', number).executeTakeFirstOrThrow()).id;
}

async function act(w: World, username: string, id: number, action: unknown) {
  return postJson(w.app, `/api/v1/applications/${id}/actions`, action, await w.as(username));
}

async function addUser(w: World, agencyId: number, username: string, role: 'office' | 'handler'): Promise<void> {
  await createUser(w.opened.db, { agencyId, username, displayName: username, role, passwordHash: await hashPassword(DEMO_PASSWORD) });
}

test('an online application: 201 with number and 查询码, the same key again gives the same case, the code opens its status', async (t) => {
  const w = await setUp(t);
  const first = await postJson(w.app, '/api/v1/applications', {
    ...PERSON,
    agencyId: w.cityId,
    idempotencyKey: 'api-test-0001',
    attachments: [{ name: 'C:\\scans\\身份证.png', mime: 'image/png', contentBase64: PNG.toString('base64') }],
  });
  assert.equal(first.statusCode, 201, first.body);
  const created = parsed(createdSchema, first);
  assert.match(created.number, /^2024-\d{6}$/);
  assert.match(created.queryCode, /^[A-Z2-9]{8}$/);
  assert.equal(created.duplicate, false);

  const again = await postJson(w.app, '/api/v1/applications', { ...PERSON, agencyId: w.cityId, idempotencyKey: 'api-test-0001' });
  assert.equal(again.statusCode, 200);
  assert.deepEqual(again.json(), { ...created, duplicate: true });
  const n = await counts(w.opened);
  assert.equal(n.applications, 1);
  assert.equal(n.application_files, 1);
  const file = await w.opened.db.selectFrom('application_files').select(['name', 'mime', 'size']).executeTakeFirstOrThrow();
  assert.deepEqual(file, { name: '身份证.png', mime: 'image/png', size: PNG.length });

  const status = await postJson(w.app, '/api/v1/applications/status', { number: created.number, queryCode: created.queryCode.toLowerCase() });
  assert.equal(status.statusCode, 200, status.body);
  const s = parsed(publicStatusSchema, status);
  assert.equal(s.state, 'pending');
  assert.equal(s.label, '待签收');
  assert.deepEqual(s.timeline.map((e) => e.label), ['提交申请']);
  assert.ok(!status.body.includes(ID_NUMBER) && !status.body.includes(PHONE));

  for (const wrong of [{ number: created.number, queryCode: 'AAAAAAAA' }, { number: '2024-999999', queryCode: created.queryCode }]) {
    const r = await postJson(w.app, '/api/v1/applications/status', wrong);
    assert.equal(r.statusCode, 404);
    assert.equal(parsed(errorSchema, r).error.message, '申请编号或查询码不正确');
  }
  // Guessing codes is rate-limited per address (10 a minute; 3 used above).
  const tries = [];
  for (let i = 0; i < 8; i++) tries.push((await postJson(w.app, '/api/v1/applications/status', { number: created.number, queryCode: 'BBBBBBBB' })).statusCode);
  assert.deepEqual(tries, [404, 404, 404, 404, 404, 404, 404, 429]);
});

test('errors: Chinese messages naming the field, no internals, and nothing written', async (t) => {
  const w = await setUp(t);
  const before = await counts(w.opened);
  const url = '/api/v1/applications';
  const cases: { name: string; send: () => Promise<LightMyRequestResponse>; status: number; field?: string; message?: RegExp }[] = [
    {
      name: 'malformed JSON',
      send: () => w.app.inject({ method: 'POST', url, payload: '{"applicantKind": "person",', headers: { 'content-type': 'application/json' } }),
      status: 400,
      message: /JSON/,
    },
    {
      name: 'a form instead of JSON',
      send: () => w.app.inject({ method: 'POST', url, payload: 'name=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } }),
      status: 415,
      message: /JSON/,
    },
    { name: 'a JSON array', send: () => postJson(w.app, url, [PERSON]), status: 400, message: /JSON 对象/ },
    { name: 'no phone', send: () => postJson(w.app, url, { ...PERSON, phone: undefined, agencyId: w.cityId }), status: 422, field: 'phone', message: /联系电话/ },
    { name: 'a bad id number', send: () => postJson(w.app, url, { ...PERSON, idNumber: '110105194912310021', agencyId: w.cityId }), status: 422, field: 'idNumber', message: /证件号码/ },
    { name: 'no agency', send: () => postJson(w.app, url, PERSON), status: 422, field: 'agencyId', message: /受理机关/ },
    { name: 'an unknown agency', send: () => postJson(w.app, url, { ...PERSON, agencyId: 99_999 }), status: 422, field: 'agencyId', message: /受理机关/ },
    { name: 'a number where text belongs', send: () => postJson(w.app, url, { ...PERSON, agencyId: w.cityId, purpose: 12 }), status: 422, field: 'purpose', message: /用途说明/ },
    {
      name: 'an attachment that is not what it says',
      send: () => postJson(w.app, url, { ...PERSON, agencyId: w.cityId, attachments: [{ name: 'a.pdf', mime: 'application/pdf', contentBase64: PNG.toString('base64') }] }),
      status: 422,
      field: 'attachments.0.contentBase64',
      message: /PNG.*PDF/,
    },
    {
      name: 'an attachment of another type',
      send: () => postJson(w.app, url, { ...PERSON, agencyId: w.cityId, attachments: [{ name: 'a.png', mime: 'image/png', contentBase64: Buffer.from('MZ\x90\x00 not an image').toString('base64') }] }),
      status: 422,
      field: 'attachments.0.contentBase64',
      message: /不是 PDF、JPG、PNG/,
    },
    {
      name: 'six attachments',
      send: () => postJson(w.app, url, { ...PERSON, agencyId: w.cityId, attachments: Array.from({ length: 6 }, (_, i) => ({ name: `${i}.png`, mime: 'image/png', contentBase64: PNG.toString('base64') })) }),
      status: 422,
      field: 'attachments',
      message: /不能超过 5 个/,
    },
    { name: 'status without a code', send: () => postJson(w.app, '/api/v1/applications/status', { number: '2024-000001' }), status: 422, field: 'queryCode', message: /查询码/ },
    { name: 'an unknown route', send: () => w.app.inject({ method: 'GET', url: '/api/v1/nothing' }), status: 404 },
    { name: 'staff route without a session', send: () => w.app.inject({ method: 'GET', url: '/api/v1/applications' }), status: 401, message: /请先登录/ },
  ];
  for (const c of cases) {
    const r = await c.send();
    assert.equal(r.statusCode, c.status, `${c.name}: ${r.body}`);
    assert.match(String(r.headers['content-type']), /application\/json/, c.name);
    const body = parsed(errorSchema, r);
    if (c.field) assert.equal(body.error.field, c.field, c.name);
    if (c.message) assert.match(body.error.message, c.message, c.name);
    assert.match(body.error.message, /[\u4e00-\u9fff]/, `${c.name}: a Chinese message`);
    assertNoInternals(r.body);
  }
  assert.deepEqual(await counts(w.opened), before);
});

test('staff: list and detail as the office, 签收 → 转办 → 答复 → 送达 through the API, letters, registration', async (t) => {
  const w = await setUp(t);
  const created = await submit(w);
  const id = await idOf(w, created.number);
  const office = await w.as('bangongshi');

  const list = await w.app.inject({ url: '/api/v1/applications?state=pending&limit=10', headers: office });
  assert.equal(list.statusCode, 200, list.body);
  const listed = parsed(listSchema, list);
  assert.equal(listed.total, 1);
  assert.equal(listed.items[0]!.number, created.number);
  for (const secret of [ID_NUMBER, PHONE, ADDRESS, EMAIL, '11**', '138****']) assert.ok(!list.body.includes(secret), `no ${secret} in lists`);
  const badFilter = await w.app.inject({ url: '/api/v1/applications?state=lost', headers: office });
  assert.equal(badFilter.statusCode, 422);
  assert.equal(badFilter.json().error.field, 'state.0');

  const detail = await w.app.inject({ url: `/api/v1/applications/${id}`, headers: office });
  assert.equal(detail.statusCode, 200, detail.body);
  const d = parsed(detailSchema, detail);
  assert.equal(d.access, 'full');
  assert.equal(d.applicant.documentNumber, ID_NUMBER);
  assert.equal(d.applicant.phone, PHONE);
  assert.equal(d.deadline, null, 'no clock before 签收');

  w.time.set('2024-09-29');
  const signed = await act(w, 'bangongshi', id, { type: 'sign' });
  assert.equal(signed.statusCode, 200, signed.body);
  assert.equal(parsed(actionResultSchema, signed).state.receivedOn, '2024-09-29');
  const assigned = await act(w, 'bangongshi', id, { type: 'assign', data: { departmentId: w.fgwId } });
  assert.equal(assigned.statusCode, 200, assigned.body);
  const a = parsed(actionResultSchema, assigned);
  assert.deepEqual([a.event.type, a.state.state, a.state.departmentId, a.state.dueOn], ['assign', 'handling', w.fgwId, '2024-10-31']);

  const again = await act(w, 'bangongshi', id, { type: 'sign' });
  assert.equal(again.statusCode, 409);
  assert.equal(again.json().error.message, '申请已签收，不能重复签收');
  const wrongShape = await act(w, 'banli', id, { type: 'reply', data: { replyType: 'disclosed' } });
  assert.equal(wrongShape.statusCode, 422);
  assert.deepEqual(wrongShape.json().error, { message: '请填写法律依据', field: 'data.legalBasis' });
  const unknownType = await act(w, 'banli', id, { type: 'approve', data: {} });
  assert.equal(unknownType.statusCode, 422);
  assert.match(unknownType.json().error.message, /操作类型/);

  w.time.set('2024-10-08');
  const before = await counts(w.opened);
  const noLetter = await act(w, 'banli', id, {
    type: 'reply',
    data: { replyType: 'partially_disclosed', legalBasis: '《中华人民共和国政府信息公开条例》第十五条', subReason: '涉及个人隐私', disclosedPart: '批复正文' },
  });
  assert.equal(noLetter.statusCode, 422, noLetter.body);
  assert.match(noLetter.json().error.message, /无法生成文书/);
  assert.deepEqual(await counts(w.opened), before, 'a refused step writes nothing');

  const replied = await act(w, 'banli', id, {
    type: 'reply',
    data: { replyType: 'disclosed', legalBasis: '《中华人民共和国政府信息公开条例》第三十六条第二项', letterRef: '示政信〔2024〕第1号' },
  });
  assert.equal(replied.statusCode, 200, replied.body);
  assert.equal(parsed(actionResultSchema, replied).state.state, 'answered');
  w.time.set('2024-10-09');
  const delivered = await act(w, 'banli', id, { type: 'deliver', data: { method: 'electronic' } });
  assert.equal(delivered.statusCode, 200, delivered.body);
  assert.equal(parsed(actionResultSchema, delivered).state.state, 'closed');

  const closed = parsed(detailSchema, await w.app.inject({ url: `/api/v1/applications/${id}`, headers: office }));
  assert.deepEqual(closed.events.map((e) => e.type), ['submit', 'sign', 'assign', 'reply', 'deliver']);
  assert.equal(closed.deadline?.status, 'answered_on_time');
  assert.ok(closed.deadline!.steps.length > 0);
  assert.equal(closed.letters.length, 1);
  const docx = await w.app.inject({ url: closed.letters[0]!.href, headers: office });
  assert.equal(docx.statusCode, 200, docx.body);
  assert.equal(docx.rawPayload.subarray(0, 2).toString('latin1'), 'PK');
  assert.match(String(docx.headers['content-disposition']), /^attachment; .*filename\*=UTF-8''/);
  assert.equal((await w.app.inject({ url: `/api/v1/applications/${id}/letters/2.docx`, headers: office })).statusCode, 404);

  const status = parsed(publicStatusSchema, await postJson(w.app, '/api/v1/applications/status', { number: created.number, queryCode: created.queryCode }));
  assert.deepEqual(status.timeline.map((e) => e.label), ['提交申请', '签收（受理）', '作出答复', '送达'], 'no internal routing in the public timeline');
  assert.deepEqual(status.letters.map((l) => l.label), ['政府信息公开申请答复书']);

  // Registration of a letter received by post: the office registers it, a handler may not.
  const registration = { ...PERSON, channel: 'post', receivedOn: '2024-10-08', arrivedOn: '2024-10-07', idempotencyKey: 'api-register-0001' };
  const refused = await postJson(w.app, '/api/v1/applications/register', registration, await w.as('banli'));
  assert.equal(refused.statusCode, 403, refused.body);
  const registered = await postJson(w.app, '/api/v1/applications/register', registration, office);
  assert.equal(registered.statusCode, 201, registered.body);
  const r = parsed(registeredSchema, registered);
  const view = parsed(detailSchema, await w.app.inject({ url: `/api/v1/applications/${r.id}`, headers: office }));
  assert.deepEqual([view.state, view.receivedOn, view.channel, view.agency.id], ['handling', '2024-10-08', 'post', w.cityId]);
  const twice = await postJson(w.app, '/api/v1/applications/register', registration, office);
  assert.equal(twice.statusCode, 200);
  assert.equal(twice.json().id, r.id);
});

test('who sees what: another government 404, the supervisor and another department masked and refused', async (t) => {
  const w = await setUp(t);
  const created = await submit(w);
  const id = await idOf(w, created.number);
  w.time.set('2024-09-29');
  assert.equal((await act(w, 'bangongshi', id, { type: 'sign' })).statusCode, 200);

  const other = await createAgency(w.opened.db, { parentId: null, code: 'other-city', name: '另一市人民政府', level: 'city', type: 'government' });
  const otherOffice = await createAgency(w.opened.db, { parentId: other.id, code: 'other-city-office', name: '另一市人民政府办公室', level: 'city', type: 'office' });
  await addUser(w, otherOffice.id, 'other-office', 'office');
  const zrzy = (await findAgencyByCode(w.opened.db, 'demo-city-zrzy'))!;
  await addUser(w, zrzy.id, 'zrzy-handler', 'handler');
  for (const username of ['other-office', 'jiandu', 'zrzy-handler']) await w.as(username); // log-ins are audited
  const before = await counts(w.opened);

  const stranger = await w.as('other-office');
  const hidden = await w.app.inject({ url: `/api/v1/applications/${id}`, headers: stranger });
  assert.equal(hidden.statusCode, 404);
  assert.equal(hidden.json().error.message, '未找到该申请');
  assert.equal((await act(w, 'other-office', id, { type: 'assign', data: { departmentId: w.fgwId } })).statusCode, 404);
  assert.equal((await w.app.inject({ url: `/api/v1/applications/${id}/letters/1.docx`, headers: stranger })).statusCode, 404);
  assert.equal(parsed(listSchema, await w.app.inject({ url: '/api/v1/applications', headers: stranger })).total, 0);
  assert.equal((await w.app.inject({ url: '/api/v1/applications/abc', headers: stranger })).statusCode, 404);

  for (const username of ['jiandu', 'zrzy-handler']) {
    const r = await w.app.inject({ url: `/api/v1/applications/${id}`, headers: await w.as(username) });
    assert.equal(r.statusCode, 200, `${username}: ${r.body}`);
    const d = parsed(detailSchema, r);
    assert.equal(d.access, 'masked');
    assert.equal(d.applicant.masked, true);
    for (const secret of [ID_NUMBER, PHONE, ADDRESS, EMAIL]) assert.ok(!r.body.includes(secret), `${username} does not see ${secret}`);
    assert.equal(d.applicant.documentNumber, '11**************2X');
    assert.equal(d.applicant.phone, '138****5678');
    const refused = await act(w, username, id, { type: 'assign', data: { departmentId: w.fgwId } });
    assert.equal(refused.statusCode, 403, `${username}: ${refused.body}`);
    assertNoInternals(refused.body);
  }
  assert.match((await act(w, 'jiandu', id, { type: 'assign', data: { departmentId: w.fgwId } })).json().error.message, /监督人员/);
  assert.deepEqual(await counts(w.opened), before, 'refusals write nothing');
});

test('exports: masked for the supervisor even with reveal=1, in full for the office only when asked', async (t) => {
  const w = await setUp(t);
  await submit(w);
  await submit(w, { applicantKind: 'organisation', name: '示范科技有限公司', organisationKind: 'business', creditCode: '91350100M000100Y43', legalRep: '李四', contactName: '王五', idType: undefined, idNumber: undefined });

  const supervisor = await w.as('jiandu');
  const office = await w.as('bangongshi');
  for (const url of ['/api/v1/applications/export.csv', '/api/v1/applications/export.csv?reveal=1']) {
    const r = await w.app.inject({ url, headers: supervisor });
    assert.equal(r.statusCode, 200, r.body);
    assert.match(r.headers['content-type'] as string, /^text\/csv/);
    assert.match(r.headers['content-disposition'] as string, /filename\*=UTF-8''%E7%94%B3%E8%AF%B7%E5%8F%B0%E8%B4%A6-2024-09-27\.csv/);
    assert.equal(r.headers['x-total-count'], '2');
    for (const secret of [ID_NUMBER, PHONE, ADDRESS, EMAIL]) assert.ok(!r.body.includes(secret), `${url}: no ${secret}`);
    assert.ok(r.body.includes('11**************2X') && r.body.includes('138****5678'));
    assert.ok(r.body.includes('91350100M000100Y43'), "an organisation's credit code is public");
  }
  const auditBefore = (await counts(w.opened)).audit_events!;

  const masked = await w.app.inject({ url: '/api/v1/applications/export.csv', headers: office });
  assert.ok(!masked.body.includes(ID_NUMBER) && !masked.body.includes(PHONE), 'masked unless asked');
  assert.equal((await counts(w.opened)).audit_events, auditBefore, 'a masked export is not audited');
  const revealed = await w.app.inject({ url: '/api/v1/applications/export.csv?reveal=1', headers: office });
  assert.equal(revealed.statusCode, 200);
  assert.ok(revealed.body.startsWith('\uFEFF申请编号,'));
  for (const secret of [ID_NUMBER, PHONE, EMAIL]) assert.ok(revealed.body.includes(secret), `office sees ${secret}`);
  assert.equal((await counts(w.opened)).audit_events, auditBefore + 1, 'a revealing export is audited');

  const xlsx = await w.app.inject({ url: '/api/v1/applications/export.xlsx?reveal=1', headers: supervisor });
  assert.equal(xlsx.statusCode, 200, xlsx.body);
  assert.equal(xlsx.rawPayload.subarray(0, 2).toString('latin1'), 'PK');
  const text = Object.values(unzipSync(new Uint8Array(xlsx.rawPayload))).map((f) => strFromU8(f)).join('\n');
  assert.ok(text.includes('11**************2X') && text.includes('138****5678'), 'masked values in the workbook');
  for (const secret of [ID_NUMBER, PHONE, EMAIL]) assert.ok(!text.includes(secret), `no ${secret} in the supervisor's workbook`);

  const filtered = await w.app.inject({ url: '/api/v1/applications/export.csv?due=overdue', headers: office });
  assert.equal(filtered.headers['x-total-count'], '0');
  assert.equal((await w.app.inject({ url: '/api/v1/applications/export.csv' })).statusCode, 401);
});

// ── the OpenAPI document ─────────────────────────────────────────────────────────────────────────────────

/** The JSON Schema keywords the document uses, enough to ask whether it accepts a body (no validator library). */
function accepts(schema: Record<string, unknown>, value: unknown): boolean {
  const s = schema as Record<string, any>;
  if (s.allOf && !s.allOf.every((x: Record<string, unknown>) => accepts(x, value))) return false;
  if (s.oneOf && s.oneOf.filter((x: Record<string, unknown>) => accepts(x, value)).length !== 1) return false;
  if (s.anyOf && !s.anyOf.some((x: Record<string, unknown>) => accepts(x, value))) return false;
  if ('const' in s && value !== s.const) return false;
  if (s.enum && !s.enum.includes(value)) return false;
  const type = Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value;
  if (s.type === 'integer' && !Number.isInteger(value)) return false;
  if (s.type && s.type !== 'integer' && s.type !== type) return false;
  if (typeof value === 'string') {
    if (s.maxLength !== undefined && value.length > s.maxLength) return false;
    if (s.minLength !== undefined && value.length < s.minLength) return false;
    if (s.pattern && !new RegExp(s.pattern, 'u').test(value)) return false;
  }
  if (typeof value === 'number') {
    if (s.exclusiveMinimum !== undefined && !(value > s.exclusiveMinimum)) return false;
    if (s.minimum !== undefined && value < s.minimum) return false;
    if (s.maximum !== undefined && value > s.maximum) return false;
  }
  if (Array.isArray(value)) {
    if (s.maxItems !== undefined && value.length > s.maxItems) return false;
    if (s.items && !value.every((v) => accepts(s.items, v))) return false;
  }
  if (type === 'object') {
    const o = value as Record<string, unknown>;
    if (s.required && !s.required.every((k: string) => o[k] !== undefined)) return false;
    for (const [k, v] of Object.entries(o)) {
      const p = s.properties?.[k];
      if (p) {
        if (!accepts(p, v)) return false;
      } else if (s.additionalProperties === false) return false;
    }
  }
  return true;
}

test('openapi.json: OpenAPI 3.1 with every route, and the request schema refuses what the route refuses', async (t) => {
  const w = await setUp(t);
  const response = await w.app.inject({ url: '/api/v1/openapi.json' });
  assert.equal(response.statusCode, 200);
  const doc = JSON.parse(response.body) as { openapi: string; paths: Record<string, Record<string, any>>; components: any };
  assert.match(doc.openapi, /^3\.1\./);
  assert.deepEqual(doc.components.securitySchemes.session, { type: 'apiKey', in: 'cookie', name: 'gongkai_session', description: '登录后服务器设置的会话 Cookie' });

  // Every route the plugin registers (collected as Fastify registers them) is in the document, and back.
  const registered: string[] = [];
  const bare = Fastify();
  t.after(() => bare.close());
  bare.addHook('onRoute', (r) => {
    for (const method of [r.method].flat()) if (method !== 'HEAD') registered.push(`${method} ${r.url}`);
  });
  await bare.register(apiRoutes, { db: w.opened.db, calendar: loadCalendar(), now: () => new Date(), submitLimit: 20, prefix: '/api/v1' } as ApplicationDeps);
  await bare.ready();
  const documented = Object.entries(doc.paths).flatMap(([path, item]) => Object.keys(item).map((m) => `${m.toUpperCase()} /api/v1${path.replace(/\{(\w+)\}/g, ':$1')}`));
  assert.ok(registered.length >= 9);
  assert.deepEqual([...registered].sort(), [...documented].sort());
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      assert.ok(/[\u4e00-\u9fff]/.test(op.summary), `${method} ${path}: a Chinese summary`);
      assert.ok(op.tags.length > 0 && op.responses);
      const staff = op.security.length > 0;
      const open = ['post /applications', 'post /applications/status', 'get /openapi.json'].includes(`${method} ${path}`);
      assert.equal(staff, !open, `${method} ${path}: security`);
      if (staff) assert.ok(op.responses['401'], `${method} ${path}: 401 documented`);
    }
  }
  const create = doc.paths['/applications']!.post;
  assert.ok(create.responses['201'].content['application/json'].schema.properties.queryCode);
  assert.equal(create.responses['422'].content['application/json'].schema.$ref, '#/components/schemas/Error');
  assert.match(doc.paths['/applications/export.csv']!.get.description, /10,000 行/);

  // The document's body schema of POST /applications and the route agree on samples.
  const schema = create.requestBody.content['application/json'].schema as Record<string, unknown>;
  const [person, organisation] = schema.oneOf as { required: string[] }[];
  for (const field of ['agencyId', 'applicantKind', 'phone', 'description', 'provision', 'pickup']) {
    assert.ok(person!.required.includes(field) && organisation!.required.includes(field), `${field} is required`);
  }
  assert.ok(person!.required.includes('idNumber') && organisation!.required.includes('creditCode'));
  const samples: { body: Record<string, unknown>; ok: boolean }[] = [
    { body: { ...PERSON, agencyId: w.cityId }, ok: true },
    { body: { ...PERSON, phone: undefined, agencyId: w.cityId }, ok: false },
    { body: { ...PERSON, applicantKind: 'robot', agencyId: w.cityId }, ok: false },
    { body: { ...PERSON, agencyId: w.cityId, provision: 'scroll' }, ok: false },
    { body: { ...PERSON, agencyId: w.cityId, attachments: Array.from({ length: 6 }, () => ({ name: 'a.png', mime: 'image/png', contentBase64: PNG.toString('base64') })) }, ok: false },
  ];
  for (const sample of samples) {
    const body = JSON.parse(JSON.stringify(sample.body)) as Record<string, unknown>;
    assert.equal(accepts(schema, body), sample.ok, `document on ${JSON.stringify(body).slice(0, 80)}`);
    const r = await postJson(w.app, '/api/v1/applications', body);
    assert.equal(r.statusCode, sample.ok ? 201 : 422, `route on ${JSON.stringify(body).slice(0, 80)}: ${r.body}`);
  }
});
