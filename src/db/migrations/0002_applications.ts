// Applications (依申请公开): the case with its applicant and a snapshot of what its events say (state, receipt,
// due date, reply — kept in step with the events in the same transaction, for the inbox), the append-only
// events themselves, attachments, the outbox of notices to applicants, and the instance secret the 查询码 are
// derived from. The CHECK lists are frozen here on purpose.
import { sql, type ColumnDefinitionBuilder, type Kysely } from 'kysely';
import type { Engine } from '../database.ts';
import { randomBytes } from 'node:crypto';

const eventsRefusal = '办理记录只能追加，不能修改或删除';

function idColumn(engine: Engine): (c: ColumnDefinitionBuilder) => ColumnDefinitionBuilder {
  return engine === 'postgres'
    ? (c) => c.primaryKey().generatedByDefaultAsIdentity()
    : (c) => c.primaryKey().autoIncrement();
}

export async function up(db: Kysely<any>, engine: Engine): Promise<void> {
  await db.schema
    .createTable('settings')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
  await db.insertInto('settings').values({ name: 'secret', value: randomBytes(32).toString('base64') }).execute();

  await db.schema
    .createTable('applications')
    .addColumn('id', 'integer', idColumn(engine))
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('department_id', 'integer', (c) => c.references('agencies.id'))
    .addColumn('state', 'text', (c) =>
      c.notNull().check(sql`state in ('pending', 'handling', 'awaiting_correction', 'consulting', 'awaiting_payment', 'answered', 'closed', 'abandoned', 'withdrawn')`),
    )
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('applicant_kind', 'text', (c) => c.notNull().check(sql`applicant_kind in ('person', 'organisation')`))
    .addColumn('organisation_kind', 'text')
    .addColumn('applicant_name', 'text', (c) => c.notNull())
    .addColumn('id_type', 'text')
    .addColumn('id_number', 'text')
    .addColumn('credit_code', 'text')
    .addColumn('legal_rep', 'text')
    .addColumn('contact_name', 'text')
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('address', 'text')
    .addColumn('postcode', 'text')
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text')
    .addColumn('provision', 'text', (c) => c.notNull())
    .addColumn('pickup', 'text', (c) => c.notNull())
    .addColumn('query_code_hash', 'text', (c) => c.notNull())
    .addColumn('idempotency_key', 'text', (c) => c.unique())
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('received_on', 'text')
    .addColumn('regime', 'text')
    .addColumn('due_on', 'text')
    .addColumn('reply_type', 'text')
    .addColumn('answered_on', 'text')
    .addColumn('delivered_on', 'text')
    .addColumn('last_seq', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('applications_agency_inbox').on('applications').columns(['agency_id', 'state', 'due_on']).execute();
  await db.schema.createIndex('applications_department_inbox').on('applications').columns(['department_id', 'state', 'due_on']).execute();
  await db.schema.createIndex('applications_agency_due').on('applications').columns(['agency_id', 'due_on']).execute();

  await db.schema
    .createTable('application_events')
    .addColumn('id', 'integer', idColumn(engine))
    .addColumn('application_id', 'integer', (c) => c.notNull().references('applications.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('on_date', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('actor_role', 'text', (c) => c.notNull())
    .addColumn('actor_agency_id', 'integer', (c) => c.references('agencies.id'))
    .addColumn('actor_name', 'text')
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addUniqueConstraint('application_events_seq', ['application_id', 'seq'])
    .execute();

  await db.schema
    .createTable('application_files')
    .addColumn('id', 'integer', idColumn(engine))
    .addColumn('application_id', 'integer', (c) => c.notNull().references('applications.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('attachment', 'letter')`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('content', engine === 'postgres' ? 'bytea' : 'blob', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('application_files_application').on('application_files').column('application_id').execute();

  await db.schema
    .createTable('outbox')
    .addColumn('id', 'integer', idColumn(engine))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull().check(sql`channel in ('email', 'sms')`))
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('application_id', 'integer', (c) => c.references('applications.id'))
    .addColumn('sent_at', 'text')
    .execute();

  if (engine === 'postgres') {
    await sql`
      create function application_events_append_only() returns trigger language plpgsql as $$
      begin
        raise exception '${sql.raw(eventsRefusal)}';
      end
      $$`.execute(db);
    await sql`
      create trigger application_events_no_change before update or delete on application_events
      for each row execute function application_events_append_only()`.execute(db);
    await sql`
      create trigger application_events_no_truncate before truncate on application_events
      for each statement execute function application_events_append_only()`.execute(db);
  } else {
    for (const event of ['update', 'delete'] as const) {
      await sql`
        create trigger ${sql.raw(`application_events_no_${event}`)} before ${sql.raw(event)} on application_events
        begin select raise(abort, '${sql.raw(eventsRefusal)}'); end`.execute(db);
    }
  }
}

export async function down(db: Kysely<any>, engine: Engine): Promise<void> {
  for (const table of ['outbox', 'application_files', 'application_events', 'applications', 'settings']) {
    await db.schema.dropTable(table).execute();
  }
  if (engine === 'postgres') await sql`drop function application_events_append_only()`.execute(db);
}
