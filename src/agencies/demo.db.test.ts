// The demo city: created once, in one piece, with working accounts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openTestDatabase } from '../db/testing.ts';
import type { Db } from '../db/database.ts';
import { seedDemo } from './demo.ts';
import { verifyPassword } from './passwords.ts';
import { findUserByUsername, findUserWithAgency, listAgencySubtree } from './store.ts';

async function fresh(t: { after(fn: () => Promise<void>): void }): Promise<Db> {
  const opened = await openTestDatabase();
  t.after(() => opened.close());
  return opened.db;
}

async function counts(db: Db) {
  const count = async (table: 'agencies' | 'users' | 'audit_events') =>
    (await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
  return { agencies: await count('agencies'), users: await count('users'), audit: await count('audit_events') };
}

test('seedDemo creates the demo city and working accounts for every role', async (t) => {
  const db = await fresh(t);
  const accounts = await seedDemo(db);
  assert.deepEqual(
    accounts.map((a) => [a.username, a.role, a.agencyName, a.password]),
    [
      ['admin', 'admin', '示范市人民政府', 'gongkai2026'],
      ['bangongshi', 'office', '示范市人民政府办公室', 'gongkai2026'],
      ['banli', 'handler', '示范市发展和改革委员会', 'gongkai2026'],
      ['banli2', 'handler', '示范市自然资源和规划局', 'gongkai2026'],
      ['lingdao', 'leader', '示范市人民政府办公室', 'gongkai2026'],
      ['jiandu', 'supervisor', '示范市人民政府', 'gongkai2026'],
    ],
  );
  assert.deepEqual(await counts(db), { agencies: 5, users: 6, audit: 11 });

  const jiandu = await findUserWithAgency(db, (await findUserByUsername(db, 'jiandu'))!.id);
  assert.equal(jiandu?.agency_name, '示范市人民政府');
  assert.deepEqual(
    (await listAgencySubtree(db, jiandu!.agency_id)).map((a) => [a.name, a.level, a.type]),
    [
      ['示范市人民政府', 'city', 'government'],
      ['示范市人民政府办公室', 'city', 'office'],
      ['示范市发展和改革委员会', 'city', 'department'],
      ['示范市自然资源和规划局', 'city', 'department'],
      ['示范市生态环境局', 'city', 'department'],
    ],
  );

  const users = await Promise.all(accounts.map((a) => findUserByUsername(db, a.username)));
  assert.deepEqual(users.map((u) => [u?.display_name, u?.disabled]), accounts.map((a) => [a.displayName, 0]));
  const verdicts = await Promise.all(users.map((u) => verifyPassword('gongkai2026', u!.password_hash)));
  assert.deepEqual(verdicts, [true, true, true, true, true, true]);
});

test('seedDemo is idempotent, fills in only what is missing, and survives a concurrent run', async (t) => {
  const db = await fresh(t);
  const first = await seedDemo(db);
  const before = await counts(db);
  const banli = await findUserByUsername(db, 'banli');

  assert.deepEqual(await seedDemo(db), first);
  assert.deepEqual(await counts(db), before);
  assert.deepEqual(await findUserByUsername(db, 'banli'), banli, 'existing account untouched');

  await db.deleteFrom('users').where('username', '=', 'lingdao').execute();
  await seedDemo(db);
  assert.deepEqual(await counts(db), { ...before, audit: before.audit + 1 });
  assert.ok(await findUserByUsername(db, 'lingdao'));

  const other = await fresh(t);
  await Promise.all([seedDemo(other), seedDemo(other)]);
  assert.deepEqual(await counts(other), before);
});
