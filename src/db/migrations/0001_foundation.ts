// Agencies, users, sessions and the append-only audit trail.
// The CHECK lists are frozen here on purpose: a new role or level is a new migration.
import { sql, type ColumnDefinitionBuilder, type Kysely } from 'kysely';
import type { Engine } from '../database.ts';

const auditRefusal = '审计记录只能追加，不能修改或删除';

/** An integer primary key the database numbers itself. */
function idColumn(engine: Engine): (c: ColumnDefinitionBuilder) => ColumnDefinitionBuilder {
  return engine === 'postgres'
    ? (c) => c.primaryKey().generatedByDefaultAsIdentity()
    : (c) => c.primaryKey().autoIncrement();
}

export async function up(db: Kysely<any>, engine: Engine): Promise<void> {
  await db.schema
    .createTable('agencies')
    .addColumn('id', 'integer', idColumn(engine))
    .addColumn('parent_id', 'integer', (c) => c.references('agencies.id'))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) =>
      c.notNull().check(sql`level in ('national', 'province', 'city', 'county', 'township')`),
    )
    .addColumn('type', 'text', (c) => c.notNull().check(sql`type in ('government', 'department', 'office', 'other')`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('agencies_parent_id').on('agencies').column('parent_id').execute();

  await db.schema
    .createTable('users')
    .addColumn('id', 'integer', idColumn(engine))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) =>
      c.notNull().check(sql`role in ('handler', 'office', 'leader', 'supervisor', 'admin')`),
    )
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0).check(sql`disabled in (0, 1)`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('users_agency_id').on('users').column('agency_id').execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sessions_expires_at').on('sessions').column('expires_at').execute();
  await db.schema.createIndex('sessions_user_id').on('sessions').column('user_id').execute();

  await db.schema
    .createTable('audit_events')
    .addColumn('id', 'integer', idColumn(engine))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('agency_id', 'integer', (c) => c.references('agencies.id'))
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('data', 'text')
    .execute();
  await db.schema
    .createIndex('audit_events_subject')
    .on('audit_events')
    .columns(['subject_type', 'subject_id'])
    .execute();
  await db.schema.createIndex('audit_events_agency_id').on('audit_events').column('agency_id').execute();

  if (engine === 'postgres') {
    await sql`
      create function audit_events_append_only() returns trigger language plpgsql as $$
      begin
        raise exception '${sql.raw(auditRefusal)}';
      end
      $$`.execute(db);
    await sql`
      create trigger audit_events_no_change before update or delete on audit_events
      for each row execute function audit_events_append_only()`.execute(db);
    await sql`
      create trigger audit_events_no_truncate before truncate on audit_events
      for each statement execute function audit_events_append_only()`.execute(db);
  } else {
    for (const event of ['update', 'delete'] as const) {
      await sql`
        create trigger ${sql.raw(`audit_events_no_${event}`)} before ${sql.raw(event)} on audit_events
        begin select raise(abort, '${sql.raw(auditRefusal)}'); end`.execute(db);
    }
  }
}

export async function down(db: Kysely<any>, engine: Engine): Promise<void> {
  // Dropping the table drops its triggers on both engines; the PostgreSQL function goes after it.
  for (const table of ['audit_events', 'sessions', 'users', 'agencies']) await db.schema.dropTable(table).execute();
  if (engine === 'postgres') await sql`drop function audit_events_append_only()`.execute(db);
}
