// The audit trail is append-only because the database says so, on SQLite and on PostgreSQL.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { openTestDatabase } from '../db/testing.ts';
import { engineFor, type OpenedDb } from '../db/database.ts';
import { appendAudit, listAudit } from './store.ts';

const refusal = /审计记录只能追加，不能修改或删除/;

async function fresh(t: { after(fn: () => Promise<void>): void }): Promise<OpenedDb> {
  const opened = await openTestDatabase();
  t.after(() => opened.close());
  return opened;
}

async function allEvents(o: OpenedDb) {
  return o.db.selectFrom('audit_events').selectAll().orderBy('id').execute();
}

test('appendAudit stores who, when, what and why; listAudit returns one subject, oldest first', async (t) => {
  const o = await fresh(t);
  const before = new Date().toISOString();
  await appendAudit(o.db, { actorUserId: null, agencyId: null, subjectType: 'application', subjectId: 'A-1', action: 'created' });
  await appendAudit(o.db, { actorUserId: null, agencyId: null, subjectType: 'application', subjectId: 'A-2', action: 'created' });
  await appendAudit(o.db, {
    actorUserId: null,
    agencyId: null,
    subjectType: 'application',
    subjectId: 'A-1',
    action: 'extended',
    reason: '需要向第三方征求意见',
    data: { days: 20, approvedBy: '机关负责人' },
  });
  const events = await listAudit(o.db, { subjectType: 'application', subjectId: 'A-1' });
  assert.deepEqual(events.map((e) => [e.action, e.reason, e.data]), [
    ['created', null, null],
    ['extended', '需要向第三方征求意见', '{"days":20,"approvedBy":"机关负责人"}'],
  ]);
  assert.ok(events.every((e) => e.at >= before && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/.test(e.at)));
  assert.ok(events[0]!.id < events[1]!.id);
  assert.deepEqual(await listAudit(o.db, { subjectType: 'user', subjectId: 'A-1' }), []);
});

test('appendAudit refuses an event without subject or action', async (t) => {
  const o = await fresh(t);
  await assert.rejects(
    appendAudit(o.db, { actorUserId: null, agencyId: null, subjectType: 'application', subjectId: '', action: 'created' }),
    /审计记录缺少对象类型、对象编号或操作/,
  );
  assert.deepEqual(await allEvents(o), []);
});

test('the database refuses UPDATE and DELETE of audit events and leaves them unchanged', async (t) => {
  const o = await fresh(t);
  await appendAudit(o.db, { actorUserId: null, agencyId: null, subjectType: 'user', subjectId: '7', action: 'login' });
  const before = await allEvents(o);

  await assert.rejects(sql`update audit_events set action = 'nothing happened'`.execute(o.db), refusal);
  await assert.rejects(sql`update audit_events set reason = 'x' where id = ${before[0]!.id}`.execute(o.db), refusal);
  await assert.rejects(sql`delete from audit_events`.execute(o.db), refusal);
  await assert.rejects(o.db.deleteFrom('audit_events').where('id', '=', before[0]!.id).execute(), refusal);
  await assert.rejects(o.db.updateTable('audit_events').set({ actor_user_id: null }).execute(), refusal);

  assert.deepEqual(await allEvents(o), before);
});

test('PostgreSQL also refuses TRUNCATE of audit events', { skip: engineFor(process.env.DATABASE_URL || undefined) !== 'postgres' && 'SQLite has no TRUNCATE' }, async (t) => {
  const o = await fresh(t);
  await appendAudit(o.db, { actorUserId: null, agencyId: null, subjectType: 'user', subjectId: '7', action: 'login' });
  const before = await allEvents(o);
  await assert.rejects(sql`truncate audit_events`.execute(o.db), refusal);
  assert.deepEqual(await allEvents(o), before);
});

test('an audit event appended in a transaction that rolls back leaves nothing', async (t) => {
  const o = await fresh(t);
  await assert.rejects(
    o.db.transaction().execute(async (tx) => {
      await tx
        .insertInto('agencies')
        .values({ parent_id: null, code: 'x', name: '甲', level: 'city', type: 'government', created_at: new Date().toISOString() })
        .execute();
      await appendAudit(tx, { actorUserId: null, agencyId: null, subjectType: 'agency', subjectId: 'x', action: 'created' });
      throw new Error('后续步骤失败');
    }),
    /后续步骤失败/,
  );
  assert.deepEqual(await allEvents(o), []);
  assert.deepEqual(await o.db.selectFrom('agencies').selectAll().execute(), []);

  await o.db.transaction().execute((tx) =>
    appendAudit(tx, { actorUserId: null, agencyId: null, subjectType: 'agency', subjectId: 'x', action: 'created' }),
  );
  assert.equal((await allEvents(o)).length, 1);
});
