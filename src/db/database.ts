// Opens the database — PostgreSQL when DATABASE_URL says so, otherwise the embedded SQLite file in the data
// directory — and brings the schema to the latest migration before anyone uses it.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, type Migration } from 'kysely';
import type { Database } from './schema.ts';
import { migrations } from './migrations/index.ts';

export type Db = Kysely<Database>;
export type Engine = 'sqlite' | 'postgres';
export interface OpenedDb {
  db: Db;
  engine: Engine;
  /** Closes the connections; calling it again does nothing. */
  close(): Promise<void>;
}

export const sqliteFileName = 'gongkai.db';

/** Which engine a DATABASE_URL asks for; unset means the SQLite file. Anything else is refused in Chinese. */
export function engineFor(databaseUrl: string | undefined): Engine {
  if (!databaseUrl) return 'sqlite';
  if (!/^postgres(ql)?:\/\//i.test(databaseUrl)) {
    throw new Error(
      `DATABASE_URL 只能是 PostgreSQL 地址（以 postgres:// 或 postgresql:// 开头），现为「${maskUrl(databaseUrl)}」；` +
        '不设置 DATABASE_URL 则使用数据目录中的 SQLite 文件',
    );
  }
  if (!URL.canParse(databaseUrl)) throw new Error(`DATABASE_URL 不是有效的地址：「${maskUrl(databaseUrl)}」`);
  return 'postgres';
}

/** The URL with its password replaced, for messages and logs. */
export function maskUrl(url: string): string {
  if (!URL.canParse(url)) return url.replace(/\/\/[^@/]*@/, '//***@');
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
}

/** postgres://… → pg Pool; otherwise SQLite file <dataDir>/gongkai.db (directory created). Runs migrations to latest. */
export async function openDatabase(opts: { databaseUrl?: string; dataDir: string }): Promise<OpenedDb> {
  const engine = engineFor(opts.databaseUrl);
  const db = engine === 'postgres' ? connectPostgres(opts.databaseUrl!) : openSqlite(opts.dataDir);
  try {
    if (engine === 'postgres') await checkConnection(db, opts.databaseUrl!);
    await migrateToLatest(db, engine);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  let closing: Promise<void> | undefined;
  return { db, engine, close: () => (closing ??= db.destroy()) };
}

function openSqlite(dataDir: string): Db {
  const file = path.join(dataDir, sqliteFileName);
  let database: SQLite.Database | undefined;
  try {
    mkdirSync(dataDir, { recursive: true });
    database = new SQLite(file);
    database.pragma('journal_mode = WAL');
    database.pragma('synchronous = NORMAL');
    database.pragma('foreign_keys = ON');
    database.pragma('busy_timeout = 5000');
  } catch (error) {
    database?.close();
    throw new Error(`无法打开 SQLite 数据库文件 ${file}：${messageOf(error)}`, { cause: error });
  }
  return new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
}

// bigint (count(*), sum of integers) arrives as a number, as it does from SQLite: our counts stay far
// below 2^53. Scoped to this pool, not set globally on the pg module.
const int8Oid = 20;
const pgTypes = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === int8Oid && format !== 'binary' ? Number : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

function connectPostgres(databaseUrl: string): Db {
  const pool = new pg.Pool({ connectionString: databaseUrl, application_name: 'gongkai', types: pgTypes });
  // An idle client losing its server (restart, network) must not crash the process; the next query reports it.
  pool.on('error', () => {});
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

async function checkConnection(db: Db, databaseUrl: string): Promise<void> {
  try {
    await db.selectNoFrom((eb) => eb.lit(1).as('one')).execute();
  } catch (error) {
    throw new Error(`无法连接 PostgreSQL 数据库（DATABASE_URL=${maskUrl(databaseUrl)}）：${messageOf(error)}`, {
      cause: error,
    });
  }
}

/** The Kysely migrator over our migrations, for this engine (openDatabase already runs it to latest). */
export function migratorFor(db: Db, engine: Engine): Migrator {
  return new Migrator({ db, provider: { getMigrations: async () => bindMigrations(engine) } });
}

async function migrateToLatest(db: Db, engine: Engine): Promise<void> {
  const { error, results } = await migratorFor(db, engine).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    throw new Error(`数据库迁移失败${failed ? `（${failed}）` : ''}：${messageOf(error)}`, { cause: error });
  }
}

function bindMigrations(engine: Engine): Record<string, Migration> {
  // Kysely runs PostgreSQL migrations in a transaction but not SQLite ones (it treats SQLite DDL as
  // non-transactional, though it is); wrap those ourselves so a failed migration leaves nothing half-made.
  const atomically = (db: Kysely<any>, step: (tx: Kysely<any>) => Promise<void>) =>
    db.isTransaction ? step(db) : db.transaction().execute(step);
  return Object.fromEntries(
    Object.entries(migrations).map(([name, m]) => [
      name,
      {
        up: (db: Kysely<any>) => atomically(db, (tx) => m.up(tx, engine)),
        down: (db: Kysely<any>) => atomically(db, (tx) => m.down(tx, engine)),
      },
    ]),
  );
}

function messageOf(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return error.errors.map(messageOf).join('；');
  return error instanceof Error ? error.message || error.name : String(error);
}
