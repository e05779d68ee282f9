// What the workbench reads besides the store's cases and events: a case's files, the names of agencies and
// people, the departments a case can be routed to, and the audit entries of a case that are not steps.
import { listAudit } from '../audit/store.ts';
import { findUserWithAgency, getAgency, listAgencySubtree } from '../agencies/store.ts';
import type { Db } from '../db/database.ts';
import type { Agency, AuditEvent } from '../db/schema.ts';
import type { CaseEvent } from './model.ts';

export interface FileInfo {
  id: number;
  kind: 'attachment' | 'letter';
  name: string;
  mime: string;
  size: number;
  createdAt: string;
}

/** A case's files, without their content. */
export async function filesOf(db: Db, applicationId: number): Promise<FileInfo[]> {
  const rows = await db
    .selectFrom('application_files')
    .select(['id', 'kind', 'name', 'mime', 'size', 'created_at'])
    .where('application_id', '=', applicationId)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ id: r.id, kind: r.kind, name: r.name, mime: r.mime, size: Number(r.size), createdAt: r.created_at }));
}

/** One file of a case with its content; undefined when the case has no such file. */
export async function fileOf(db: Db, applicationId: number, fileId: number): Promise<(FileInfo & { content: Uint8Array }) | undefined> {
  const r = await db
    .selectFrom('application_files')
    .selectAll()
    .where('application_id', '=', applicationId)
    .where('id', '=', fileId)
    .executeTakeFirst();
  if (!r) return undefined;
  return { id: r.id, kind: r.kind, name: r.name, mime: r.mime, size: Number(r.size), createdAt: r.created_at, content: r.content };
}

/** The names of the given agencies (those that exist). */
export async function agencyNames(db: Db, ids: Iterable<number | null | undefined>): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  for (const id of new Set(ids)) {
    if (id === null || id === undefined) continue;
    const a = await getAgency(db, id);
    if (a) out.set(id, a.name);
  }
  return out;
}

/** The departments directly under an agency: where its disclosure office routes (转办) applications. */
export async function departmentsOf(db: Db, agencyId: number): Promise<Agency[]> {
  const tree = await listAgencySubtree(db, agencyId);
  return tree.filter((a) => a.parent_id === agencyId && (a.type === 'department' || a.type === 'other'));
}

export interface AuditExtra {
  at: string;
  action: string;
  actor: string | null;
  reason: string | null;
}

/** The audit entries of a case that are not one of its steps (a download, an export …), oldest first. */
export async function auditExtrasOf(db: Db, number: string, events: readonly CaseEvent[]): Promise<AuditExtra[]> {
  const steps = new Set(events.map((e) => `${e.type}#${e.seq}`));
  const rows = await listAudit(db, { subjectType: 'application', subjectId: number });
  const extras = rows.filter((r) => !steps.has(`${r.action}#${seqOf(r)}`));
  const names = new Map<number, string | null>();
  for (const r of extras) {
    if (r.actor_user_id === null || names.has(r.actor_user_id)) continue;
    names.set(r.actor_user_id, (await findUserWithAgency(db, r.actor_user_id))?.display_name ?? null);
  }
  return extras.map((r) => ({
    at: r.at,
    action: r.action,
    actor: r.actor_user_id === null ? null : (names.get(r.actor_user_id) ?? null),
    reason: r.reason,
  }));
}

function seqOf(r: AuditEvent): number | null {
  if (r.data === null) return null;
  try {
    const seq = (JSON.parse(r.data) as { seq?: unknown }).seq;
    return typeof seq === 'number' ? seq : null;
  } catch {
    return null;
  }
}
