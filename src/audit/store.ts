// The audit trail: who did what to which record, when and why. Append-only — the database itself refuses
// UPDATE, DELETE (and, on PostgreSQL, TRUNCATE) of audit_events. Pass the transaction that makes the change
// so the event is written, or rolled back, with it.
import type { Transaction } from 'kysely';
import type { Db } from '../db/database.ts';
import type { AuditEvent, Database } from '../db/schema.ts';

export interface AuditInput {
  actorUserId: number | null;
  agencyId: number | null;
  subjectType: string;
  subjectId: string;
  action: string;
  reason?: string;
  /** Stored as JSON; never personal data in clear. */
  data?: Record<string, unknown>;
}

export async function appendAudit(db: Db | Transaction<Database>, e: AuditInput): Promise<void> {
  if (!e.subjectType || !e.subjectId || !e.action) {
    throw new Error('审计记录缺少对象类型、对象编号或操作');
  }
  await db
    .insertInto('audit_events')
    .values({
      at: new Date().toISOString(),
      actor_user_id: e.actorUserId,
      agency_id: e.agencyId,
      subject_type: e.subjectType,
      subject_id: e.subjectId,
      action: e.action,
      reason: e.reason ?? null,
      data: e.data === undefined ? null : JSON.stringify(e.data),
    })
    .execute();
}

/** The events about one record, oldest first. */
export async function listAudit(db: Db, subject: { subjectType: string; subjectId: string }): Promise<AuditEvent[]> {
  return db
    .selectFrom('audit_events')
    .selectAll()
    .where('subject_type', '=', subject.subjectType)
    .where('subject_id', '=', subject.subjectId)
    .orderBy('id')
    .execute();
}
