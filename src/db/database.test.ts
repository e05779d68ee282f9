// Opening the database with bad settings: a precise Chinese message, never a crash. No server needed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { engineFor, maskUrl, openDatabase, sqliteFileName } from './database.ts';

function tempDir(t: { after(fn: () => void): void }): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gongkai-db-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

test('engineFor: unset is SQLite, postgres:// and postgresql:// are PostgreSQL', () => {
  assert.equal(engineFor(undefined), 'sqlite');
  assert.equal(engineFor(''), 'sqlite');
  assert.equal(engineFor('postgres://u@localhost/db'), 'postgres');
  assert.equal(engineFor('postgresql://u@localhost:5433/db'), 'postgres');
});

test('engineFor: any other URL is refused in Chinese, naming DATABASE_URL and hiding the password', () => {
  for (const url of ['mysql://root:hunter2@db/x', 'sqlite:///tmp/x.db', 'data/gongkai.db']) {
    assert.throws(() => engineFor(url), (e: Error) => {
      assert.match(e.message, /DATABASE_URL 只能是 PostgreSQL 地址/);
      assert.doesNotMatch(e.message, /hunter2/);
      return true;
    });
  }
  assert.throws(() => engineFor('postgres://u@[bad'), /DATABASE_URL 不是有效的地址/);
});

test('maskUrl hides the password only', () => {
  assert.equal(maskUrl('postgres://app:s3cret@db.example:5432/gongkai'), 'postgres://app:***@db.example:5432/gongkai');
  assert.equal(maskUrl('postgres://app@db/gongkai'), 'postgres://app@db/gongkai');
  assert.equal(maskUrl('postgres://app:s3cret@[bad/x'), 'postgres://***@[bad/x');
});

test('openDatabase: an unreachable PostgreSQL server is reported in Chinese with the masked URL', async () => {
  await assert.rejects(
    openDatabase({ databaseUrl: 'postgres://app:s3cret@127.0.0.1:1/gongkai', dataDir: os.tmpdir() }),
    (e: Error) => {
      assert.match(e.message, /^无法连接 PostgreSQL 数据库（DATABASE_URL=postgres:\/\/app:\*\*\*@127\.0\.0\.1:1\/gongkai）：.*ECONNREFUSED/);
      return true;
    },
  );
});

test('openDatabase: a file that is not a SQLite database is reported, not crashed on', async (t) => {
  const dir = tempDir(t);
  writeFileSync(path.join(dir, sqliteFileName), 'this is not a database, just text '.repeat(200));
  await assert.rejects(openDatabase({ dataDir: dir }), /无法打开 SQLite 数据库文件 .*gongkai\.db：/);
});

test('openDatabase: a data directory that cannot be created is reported', async (t) => {
  const file = path.join(tempDir(t), 'plain-file');
  writeFileSync(file, '');
  await assert.rejects(openDatabase({ dataDir: path.join(file, 'data') }), /无法打开 SQLite 数据库文件 .*ENOTDIR/);
});

test('openDatabase: SQLite file created in the data directory, WAL and foreign keys on; reopening keeps data', async (t) => {
  const dir = path.join(tempDir(t), 'nested', 'data');
  const first = await openDatabase({ dataDir: dir });
  assert.equal(first.engine, 'sqlite');
  await first.db
    .insertInto('agencies')
    .values({ parent_id: null, code: 'a', name: '甲', level: 'city', type: 'government', created_at: '2026-01-01T00:00:00.000Z' })
    .execute();
  await first.close();
  await first.close(); // a second close does nothing

  const again = await openDatabase({ dataDir: dir });
  t.after(() => again.close());
  const [journal] = (await sql<{ journal_mode: string }>`pragma journal_mode`.execute(again.db)).rows;
  const [fk] = (await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(again.db)).rows;
  assert.equal(journal?.journal_mode, 'wal');
  assert.equal(fk?.foreign_keys, 1);
  assert.deepEqual(await again.db.selectFrom('agencies').select('name').execute(), [{ name: '甲' }]);
});
