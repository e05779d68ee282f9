// The migrated schema, on SQLite by default and on PostgreSQL when DATABASE_URL is set.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { openTestDatabase } from './testing.ts';
import { migratorFor, type OpenedDb } from './database.ts';
import { isForeignKeyViolation, isUniqueViolation } from './errors.ts';

const at = '2026-11-25T08:00:00.000Z';

async function fresh(t: { after(fn: () => Promise<void>): void }): Promise<OpenedDb> {
  const opened = await openTestDatabase();
  t.after(() => opened.close());
  return opened;
}

async function tableNames(o: OpenedDb): Promise<string[]> {
  const tables = await o.db.introspection.getTables();
  return tables.map((t) => t.name).filter((n) => !n.startsWith('kysely_')).sort();
}

async function addAgency(o: OpenedDb, code = 'city'): Promise<number> {
  const row = await o.db
    .insertInto('agencies')
    .values({ parent_id: null, code, name: '示范市人民政府', level: 'city', type: 'government', created_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

function userRow(agencyId: number, username = 'banli') {
  return { agency_id: agencyId, username, display_name: '李强', role: 'handler' as const, password_hash: 'x', created_at: at };
}

test('migrations create the tables with their columns and indexes', async (t) => {
  const o = await fresh(t);
  assert.deepEqual(await tableNames(o), ['agencies', 'application_events', 'application_files', 'applications', 'audit_events', 'outbox', 'sessions', 'settings', 'users']);
  const audit = (await o.db.introspection.getTables()).find((x) => x.name === 'audit_events');
  assert.deepEqual(audit?.columns.map((c) => c.name).sort(), [
    'action', 'actor_user_id', 'agency_id', 'at', 'data', 'id', 'reason', 'subject_id', 'subject_type',
  ]);
  const indexes =
    o.engine === 'postgres'
      ? await sql<{ name: string }>`select indexname as name from pg_indexes where schemaname = current_schema()`.execute(o.db)
      : await sql<{ name: string }>`select name from sqlite_master where type = 'index'`.execute(o.db);
  const names = indexes.rows.map((r) => r.name);
  for (const index of ['agencies_parent_id', 'users_agency_id', 'sessions_expires_at', 'sessions_user_id', 'audit_events_subject', 'audit_events_agency_id', 'applications_agency_inbox', 'applications_department_inbox', 'applications_agency_due', 'application_files_application']) {
    assert.ok(names.includes(index), `missing index ${index}`);
  }
});

test('migrating again is a no-op; down removes everything (triggers too) and up restores it', async (t) => {
  const o = await fresh(t);
  const migrator = migratorFor(o.db, o.engine);
  const again = await migrator.migrateToLatest();
  assert.equal(again.error, undefined);
  assert.deepEqual(again.results, []);

  const applications = await migrator.migrateDown();
  assert.equal(applications.error, undefined);
  assert.deepEqual(applications.results?.map((r) => [r.migrationName, r.status]), [['0002_applications', 'Success']]);
  assert.deepEqual(await tableNames(o), ['agencies', 'audit_events', 'sessions', 'users']);
  const down = await migrator.migrateDown();
  assert.equal(down.error, undefined);
  assert.deepEqual(down.results?.map((r) => [r.migrationName, r.status]), [['0001_foundation', 'Success']]);
  assert.deepEqual(await tableNames(o), []);

  const up = await migrator.migrateToLatest();
  assert.equal(up.error, undefined);
  assert.deepEqual(await tableNames(o), ['agencies', 'application_events', 'application_files', 'applications', 'audit_events', 'outbox', 'sessions', 'settings', 'users']);
});

test('ids are numbered by the database and come back as numbers; counts are numbers on both engines', async (t) => {
  const o = await fresh(t);
  const first = await addAgency(o, 'a');
  const second = await addAgency(o, 'b');
  assert.equal(typeof first, 'number');
  assert.equal(second, first + 1);
  const { n } = await o.db.selectFrom('agencies').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  assert.equal(n, 2);
});

test('constraints: role, level, type and disabled are checked; username and code are unique', async (t) => {
  const o = await fresh(t);
  const agencyId = await addAgency(o);
  await o.db.insertInto('users').values(userRow(agencyId)).execute();

  await assert.rejects(o.db.insertInto('users').values(userRow(agencyId)).execute(), isUniqueViolation);
  await assert.rejects(addAgency(o), isUniqueViolation);
  await assert.rejects(
    o.db.insertInto('users').values({ ...userRow(agencyId, 'x'), role: 'root' as never }).execute(),
    /check/i,
  );
  await assert.rejects(
    o.db.insertInto('users').values({ ...userRow(agencyId, 'y'), disabled: 2 }).execute(),
    /check/i,
  );
  await assert.rejects(
    o.db.insertInto('agencies').values({ parent_id: null, code: 'z', name: '乙', level: 'galaxy' as never, type: 'government', created_at: at }).execute(),
    /check/i,
  );
  await assert.rejects(
    o.db.insertInto('agencies').values({ parent_id: null, code: 'w', name: '丙', level: 'city', type: 'company' as never, created_at: at }).execute(),
    /check/i,
  );
  const { n } = await o.db.selectFrom('users').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  assert.equal(n, 1);
});

test('foreign keys are enforced: a user needs an agency, an agency a parent that exists', async (t) => {
  const o = await fresh(t);
  await assert.rejects(o.db.insertInto('users').values(userRow(999)).execute(), isForeignKeyViolation);
  await assert.rejects(
    o.db.insertInto('agencies').values({ parent_id: 999, code: 'x', name: '甲', level: 'city', type: 'department', created_at: at }).execute(),
    isForeignKeyViolation,
  );
});

test('sessions go with their user (ON DELETE CASCADE)', async (t) => {
  const o = await fresh(t);
  const agencyId = await addAgency(o);
  const { id: userId } = await o.db.insertInto('users').values(userRow(agencyId)).returning('id').executeTakeFirstOrThrow();
  await o.db.insertInto('sessions').values({ id: 'a'.repeat(64), user_id: userId, created_at: at, expires_at: at }).execute();
  await o.db.deleteFrom('users').where('id', '=', userId).execute();
  assert.deepEqual(await o.db.selectFrom('sessions').selectAll().execute(), []);
});
