// The store on a real database (SQLite here; PostgreSQL when DATABASE_URL is set): a case is written with its
// first event, audit and notices in one transaction; a repeated idempotency key gives the same case and code;
// steps are decided by the lifecycle rules; a refused step writes nothing; the events refuse UPDATE/DELETE.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { loadCalendar } from '../calendar/store.ts';
import { openSeededDatabase } from '../http/testing.ts';
import { findAgencyByCode, findUserByUsername } from '../agencies/store.ts';
import { accessTo, actorOf, listScope, viewerOf } from './access.ts';
import { newApplicationSchema } from './input.ts';
import { applyAction, eventsOf, findByQueryCode, listApplications, StepRefused, submitApplication, type StoreContext } from './store.ts';
import { SAMPLE_PERSON as PERSON } from './testing.ts';

const calendar = loadCalendar();
const ctx = (today: string): StoreContext => ({ calendar, today, now: `${today}T02:00:00.000Z` });


async function setUp(t: { after(fn: () => unknown): void }) {
  const opened = await openSeededDatabase();
  t.after(() => opened.close());
  const { db } = opened;
  const city = (await findAgencyByCode(db, 'demo-city'))!;
  const fgw = (await findAgencyByCode(db, 'demo-city-fgw'))!;
  const viewer = async (username: string) => viewerOf(db, (await findUserByUsername(db, username))!);
  return { db, city, fgw, viewer };
}

test('an online application: one case, its code opens it, a repeated key gives the same case', async (t) => {
  const { db, city } = await setUp(t);
  const input = newApplicationSchema.parse({ ...PERSON, idempotencyKey: 'form-0001-abcdef' });
  const applicant = { userId: null, role: 'applicant' as const, agencyId: null };
  const first = await submitApplication(db, input, { agencyId: city.id, channel: 'online', actor: applicant }, ctx('2024-09-27'));
  assert.equal(first.duplicate, false);
  assert.match(first.number, /^2024-\d{6}$/);
  assert.match(first.queryCode, /^[A-Z2-9]{8}$/);
  const again = await submitApplication(db, input, { agencyId: city.id, channel: 'online', actor: applicant }, ctx('2024-09-27'));
  assert.deepEqual(again, { ...first, duplicate: true });
  const count = await db.selectFrom('applications').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  assert.equal(Number(count.n), 1);
  assert.equal((await findByQueryCode(db, first.number, first.queryCode))?.state, 'pending');
  assert.equal(await findByQueryCode(db, first.number, 'AAAAAAAA'), undefined);
  const audit = await db.selectFrom('audit_events').selectAll().where('subject_id', '=', first.number).execute();
  assert.deepEqual(audit.map((a) => a.action), ['submit']);
  assert.ok(!JSON.stringify(audit).includes('11010519491231002X'), 'no personal data in the audit trail');
  const outbox = await db.selectFrom('outbox').selectAll().execute();
  assert.deepEqual(outbox.map((o) => o.channel), ['sms']);
});

test('steps through the store: 签收, 转办, a refused step writes nothing, scope and masking', async (t) => {
  const { db, city, fgw, viewer } = await setUp(t);
  const applicant = { userId: null, role: 'applicant' as const, agencyId: null };
  const input = newApplicationSchema.parse(PERSON);
  const { id } = await submitApplication(db, input, { agencyId: city.id, channel: 'online', actor: applicant }, ctx('2024-09-27'));
  const office = await viewer('bangongshi');
  const handler = await viewer('banli');
  const supervisor = await viewer('jiandu');
  await applyAction(db, id, { type: 'sign', on: '2024-09-29', data: {} }, actorOf(office), ctx('2024-09-29'));
  await applyAction(db, id, { type: 'assign', data: { departmentId: fgw.id } }, actorOf(office), ctx('2024-09-29'));
  const row = (await db.selectFrom('applications').selectAll().where('id', '=', id).executeTakeFirstOrThrow());
  assert.equal(row.state, 'handling');
  assert.equal(row.received_on, '2024-09-29');
  assert.equal(row.due_on, '2024-10-31'); // 09-30, 10-08…12 (10-12 调休), 10-14…31: the 20th working day
  assert.equal(row.department_id, fgw.id);

  const before = await eventsOf(db, id);
  await assert.rejects(
    applyAction(db, id, { type: 'approve_extension', data: {} }, actorOf(handler), ctx('2024-10-08')),
    (e: unknown) => e instanceof StepRefused && e.status === 403,
  );
  assert.equal((await eventsOf(db, id)).length, before.length);

  assert.equal(accessTo(office, row), 'full');
  assert.equal(accessTo(handler, row), 'full');
  assert.equal(accessTo(supervisor, row), 'masked');
  const listed = await listApplications(db, listScope(handler), { due: 'soon' }, ctx('2024-10-25'));
  assert.deepEqual(listed.rows.map((r) => r.id), [id]);
  assert.equal((await listApplications(db, listScope(handler), { due: 'overdue' }, ctx('2024-10-25'))).total, 0);
  assert.equal((await listApplications(db, listScope(handler), { due: 'overdue' }, ctx('2024-11-01'))).total, 1);
  assert.equal((await listApplications(db, listScope(office), { q: '城市更新' }, ctx('2024-10-25'))).total, 1);
});

test('the events are append-only in the database', async (t) => {
  const { db, city } = await setUp(t);
  const applicant = { userId: null, role: 'applicant' as const, agencyId: null };
  const { id } = await submitApplication(db, newApplicationSchema.parse(PERSON), { agencyId: city.id, channel: 'online', actor: applicant }, ctx('2024-09-27'));
  await assert.rejects(sql`update application_events set type = 'x' where application_id = ${id}`.execute(db), /只能追加/);
  await assert.rejects(sql`delete from application_events where application_id = ${id}`.execute(db), /只能追加/);
});
