// Applications in the database. A case is its events (application_events, append-only); the row in
// `applications` carries the applicant and a snapshot of what the events say (state, receipt day, due date,
// reply), rewritten with each event in the same transaction so the inbox is one indexed query. Every step is
// decided by the pure rules (lifecycle.ts) and written with its audit event and its notices in one transaction:
// all or nothing. Two steps racing on one case: the unique (application_id, seq) lets one win; the other is
// told to reload.
import { createHash, createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Selectable, Transaction } from 'kysely';
import type { Calendar } from '../calendar/model.ts';
import { dayOf, isoOf, type IsoDate } from '../calendar/dates.ts';
import { appendAudit } from '../audit/store.ts';
import type { Db } from '../db/database.ts';
import type { ApplicationEventsTable, ApplicationsTable, Database } from '../db/schema.ts';
import { isChannelId } from '../law/channels.ts';
import { isDeliveryMethodId } from '../law/delivery.ts';
import { checkReply } from '../law/replies.ts';
import { deadlineOf } from './clock.ts';
import type { NewApplication } from './input.ts';
import { decide, type DecideContext } from './lifecycle.ts';
import { ACTION_LABELS, caseStateOf, type Action, type Actor, type CaseEvent, type CaseState } from './model.ts';

type Tx = Transaction<Database>;
export type ApplicationRow = Selectable<ApplicationsTable>;

/** The columns that restate the events. */
type Snapshot = Pick<ApplicationRow, 'state' | 'department_id' | 'received_on' | 'regime' | 'due_on' | 'reply_type' | 'answered_on' | 'delivered_on' | 'last_seq'>;

/** What the store needs besides the database: the calendar, today in China and the clock's settings. */
export interface StoreContext {
  calendar: Calendar;
  today: IsoDate;
  now: string;
  cutover?: number;
}

/** The law's validators, as lifecycle.ts takes them. */
function decideContext(ctx: StoreContext): DecideContext {
  return {
    today: ctx.today,
    now: ctx.now,
    calendar: ctx.calendar,
    ...(ctx.cutover !== undefined ? { cutover: ctx.cutover } : {}),
    isValidReply: (regime, id) => {
      if (id === 'other.no_correction' || id === 'other.fee_unpaid') return '逾期不补正、逾期不缴费的，请使用“视为放弃”操作，而不是作出答复';
      const r = checkReply(regime, id);
      return r.ok ? null : r.message;
    },
    isValidChannel: (id) => (isChannelId(id) ? null : `未知的申请方式「${id}」`),
    isValidDeliveryMethod: (id) => (isDeliveryMethodId(id) ? null : `未知的送达方式「${id}」`),
  };
}

export class StepRefused extends Error {
  constructor(
    readonly status: 403 | 404 | 409 | 422,
    message: string,
  ) {
    super(message);
  }
}

// ── 查询码 ─────────────────────────────────────────────────────────────────────────────────────────────────

const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 8;
const secrets = new WeakMap<Db, Buffer>();

async function secretOf(db: Db | Tx): Promise<Buffer> {
  const row = await db.selectFrom('settings').select('value').where('name', '=', 'secret').executeTakeFirstOrThrow();
  return Buffer.from(row.value, 'base64');
}

async function instanceSecret(db: Db): Promise<Buffer> {
  let secret = secrets.get(db);
  if (!secret) secrets.set(db, (secret = await secretOf(db)));
  return secret;
}

/** The 查询码 of a submission: derived from its idempotency key with the instance secret, so a repeated submission
 *  (same key) is answered with the same code, and only its hash is stored. */
export function queryCodeOf(secret: Buffer, idempotencyKey: string): string {
  const mac = createHmac('sha256', secret).update(`query-code:${idempotencyKey}`).digest();
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[mac[i]! % CODE_ALPHABET.length];
  return code;
}

export function hashCode(code: string): string {
  return createHash('sha256').update(code.toUpperCase().replace(/\s+/g, '')).digest('hex');
}

function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}

// ── reading ──────────────────────────────────────────────────────────────────────────────────────────────

function eventOf(row: Selectable<ApplicationEventsTable>): CaseEvent {
  return {
    seq: row.seq,
    type: row.type,
    on: row.on_date,
    at: row.at,
    actor: { userId: row.actor_user_id, role: row.actor_role, agencyId: row.actor_agency_id, ...(row.actor_name ? { name: row.actor_name } : {}) },
    data: JSON.parse(row.data),
    ...(row.reason !== null ? { reason: row.reason } : {}),
  } as CaseEvent;
}

export async function eventsOf(db: Db | Tx, applicationId: number): Promise<CaseEvent[]> {
  const rows = await db.selectFrom('application_events').selectAll().where('application_id', '=', applicationId).orderBy('seq').execute();
  return rows.map(eventOf);
}

export async function getApplication(db: Db | Tx, id: number): Promise<ApplicationRow | undefined> {
  return db.selectFrom('applications').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function getApplicationByNumber(db: Db, number: string): Promise<ApplicationRow | undefined> {
  return db.selectFrom('applications').selectAll().where('number', '=', number.trim()).executeTakeFirst();
}

/** The case a 编号 + 查询码 pair opens, or undefined (the same answer for a wrong number and a wrong code). */
export async function findByQueryCode(db: Db, number: string, code: string): Promise<ApplicationRow | undefined> {
  const row = await getApplicationByNumber(db, number);
  const hash = hashCode(code);
  return row && sameHash(row.query_code_hash, hash) ? row : undefined;
}

// ── writing ──────────────────────────────────────────────────────────────────────────────────────────────

/** The snapshot columns, from the events. */
function snapshotOf(events: readonly CaseEvent[], ctx: StoreContext): Snapshot {
  const s: CaseState = caseStateOf(events, ctx.cutover !== undefined ? { cutover: ctx.cutover } : {});
  const d = deadlineOf(events, ctx.calendar, ctx.today, ctx.cutover !== undefined ? { cutover: ctx.cutover } : {});
  return {
    state: s.state,
    department_id: s.departmentId,
    received_on: s.receivedOn,
    regime: s.regime,
    due_on: d && d.due !== null ? isoOf(d.due) : null,
    reply_type: s.reply?.type ?? null,
    answered_on: s.reply?.on ?? null,
    delivered_on: s.deliveredOn ?? null,
    last_seq: s.lastSeq,
  };
}

async function insertEvent(tx: Tx, applicationId: number, e: CaseEvent): Promise<void> {
  await tx
    .insertInto('application_events')
    .values({
      application_id: applicationId,
      seq: e.seq,
      type: e.type,
      on_date: e.on,
      at: e.at,
      actor_user_id: e.actor.userId,
      actor_role: e.actor.role,
      actor_agency_id: e.actor.agencyId,
      actor_name: e.actor.name ?? null,
      data: JSON.stringify(e.data),
      reason: e.reason ?? null,
    })
    .execute();
}

/** The audit event of a step: what, when, why — no personal data (the payload's free texts stay in the case). */
async function auditStep(tx: Tx, row: { id: number; number: string; agency_id: number }, e: CaseEvent): Promise<void> {
  await appendAudit(tx, {
    actorUserId: e.actor.userId,
    agencyId: row.agency_id,
    subjectType: 'application',
    subjectId: row.number,
    action: e.type,
    ...(e.reason !== undefined ? { reason: e.reason } : {}),
    data: { seq: e.seq, on: e.on, label: ACTION_LABELS[e.type], role: e.actor.role },
  });
}

export interface Attachment {
  name: string;
  mime: string;
  content: Uint8Array;
}

export interface SubmitOptions {
  agencyId: number;
  /** Online (the applicant) or a registration by the office (channel and receipt day). */
  channel: string;
  actor: Actor;
  /** Registration: the legal receipt day (art. 31); online: the submission day is today. */
  on?: IsoDate;
  arrivedOn?: IsoDate;
  attachments?: Attachment[];
}

export interface Submitted {
  id: number;
  number: string;
  queryCode: string;
  /** The same idempotency key was submitted before: nothing new was written. */
  duplicate: boolean;
}

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  return e?.code === '23505' || e?.code === 'SQLITE_CONSTRAINT_UNIQUE' || /UNIQUE constraint failed/.test(e?.message ?? '');
}

/** A new case: the application row, its first event (提交 or 登记), attachments, audit and the applicant's notice, in
 *  one transaction. A repeated idempotency key returns the first case. */
export async function submitApplication(db: Db, input: NewApplication, opts: SubmitOptions, ctx: StoreContext): Promise<Submitted> {
  const secret = await instanceSecret(db);
  const key = input.idempotencyKey ?? randomUUID();
  const queryCode = queryCodeOf(secret, key);
  const existing = await db.selectFrom('applications').select(['id', 'number']).where('idempotency_key', '=', key).executeTakeFirst();
  if (existing) return { ...existing, queryCode, duplicate: true };

  const online = opts.actor.role === 'applicant';
  const action: Action = online
    ? { type: 'submit', data: { agencyId: opts.agencyId, channel: opts.channel } }
    : { type: 'register', ...(opts.on ? { on: opts.on } : {}), data: { agencyId: opts.agencyId, channel: opts.channel, ...(opts.arrivedOn ? { arrivedOn: opts.arrivedOn } : {}) } };
  const decision = decide([], action, opts.actor, decideContext(ctx));
  if (!decision.ok) throw new StepRefused(decision.status, decision.message);
  const event = decision.event;
  try {
    return await db.transaction().execute(async (tx) => {
      const snapshot = snapshotOf([event], ctx);
      const inserted = await tx
        .insertInto('applications')
        .values({
          number: `tmp-${key}`,
          agency_id: opts.agencyId,
          channel: opts.channel,
          applicant_kind: input.applicantKind,
          organisation_kind: input.applicantKind === 'organisation' ? input.organisationKind : null,
          applicant_name: input.name,
          id_type: input.applicantKind === 'person' ? input.idType : null,
          id_number: input.applicantKind === 'person' ? input.idNumber : null,
          credit_code: input.applicantKind === 'organisation' ? input.creditCode : null,
          legal_rep: input.applicantKind === 'organisation' ? input.legalRep : null,
          contact_name: input.applicantKind === 'organisation' ? input.contactName : null,
          phone: input.phone,
          email: input.email ?? null,
          address: input.address ?? null,
          postcode: input.postcode ?? null,
          description: input.description,
          purpose: input.purpose ?? null,
          provision: input.provision,
          pickup: input.pickup,
          query_code_hash: hashCode(queryCode),
          idempotency_key: key,
          submitted_at: ctx.now,
          updated_at: ctx.now,
          ...snapshot,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const number = `${ctx.today.slice(0, 4)}-${String(inserted.id).padStart(6, '0')}`;
      await tx.updateTable('applications').set({ number }).where('id', '=', inserted.id).execute();
      await insertEvent(tx, inserted.id, event);
      for (const file of opts.attachments ?? []) {
        await tx
          .insertInto('application_files')
          .values({
            application_id: inserted.id,
            kind: 'attachment',
            name: file.name,
            mime: file.mime,
            size: file.content.byteLength,
            sha256: createHash('sha256').update(file.content).digest('hex'),
            content: file.content,
            created_at: ctx.now,
          })
          .execute();
      }
      const row = { id: inserted.id, number, agency_id: opts.agencyId };
      await auditStep(tx, row, event);
      await notify(tx, { ...row, email: input.email ?? null, phone: input.phone }, `您的政府信息公开申请已${online ? '提交' : '登记'}`,
        `申请编号 ${number}。请凭申请编号和查询码在“申请查询”页查看办理进度。`, ctx);
      return { id: inserted.id, number, queryCode, duplicate: false };
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const again = await db.selectFrom('applications').select(['id', 'number']).where('idempotency_key', '=', key).executeTakeFirst();
    if (!again) throw error;
    return { ...again, queryCode, duplicate: true };
  }
}

/** Notices to the applicant go to the outbox with the step (SMS to the phone, e-mail when given). */
async function notify(
  tx: Tx,
  to: { id: number; email: string | null; phone: string },
  subject: string,
  body: string,
  ctx: StoreContext,
): Promise<void> {
  const rows = [
    { channel: 'sms' as const, recipient: to.phone },
    ...(to.email ? [{ channel: 'email' as const, recipient: to.email }] : []),
  ];
  for (const r of rows) {
    await tx.insertInto('outbox').values({ ...r, created_at: ctx.now, subject, body, application_id: to.id, sent_at: null }).execute();
  }
}

/** Steps the applicant hears of, with the notice's subject. */
const NOTIFIED: Partial<Record<CaseEvent['type'], string>> = {
  sign: '您的政府信息公开申请已签收',
  request_correction: '请补正您的政府信息公开申请',
  fee_notice: '您的政府信息公开申请需缴纳信息处理费',
  approve_extension: '您的政府信息公开申请延期答复',
  custom_deadline: '您的政府信息公开申请答复期限已另行确定',
  reply: '您的政府信息公开申请已作出答复',
  correction_lapsed: '您的政府信息公开申请视为放弃',
  fee_lapsed: '您的政府信息公开申请视为放弃',
};

/** One step on a case: decided by lifecycle.ts on the events as stored, then the event, the snapshot, the audit
 *  event and the applicant's notice are written together. A concurrent step on the same case → 409. */
export async function applyAction(
  db: Db,
  applicationId: number,
  action: Action,
  actor: Actor,
  ctx: StoreContext,
  /** A last check of the decided event against the case (e.g. that its letter can be written): a Chinese
   *  message refuses the step with 422, nothing written. */
  check?: (event: CaseEvent, events: readonly CaseEvent[], row: ApplicationRow) => string | null,
): Promise<{ event: CaseEvent; row: ApplicationRow }> {
  try {
    return await db.transaction().execute(async (tx) => {
      const row = await getApplication(tx, applicationId);
      if (!row) throw new StepRefused(404, '未找到该申请');
      const events = await eventsOf(tx, applicationId);
      const decision = decide(events, action, actor, decideContext(ctx));
      if (!decision.ok) throw new StepRefused(decision.status, decision.message);
      const { event } = decision;
      const problem = check?.(event, events, row);
      if (problem) throw new StepRefused(422, problem);
      await insertEvent(tx, applicationId, event);
      const snapshot = snapshotOf([...events, event], ctx);
      await tx.updateTable('applications').set({ ...snapshot, updated_at: ctx.now }).where('id', '=', applicationId).execute();
      await auditStep(tx, row, event);
      const subject = NOTIFIED[event.type];
      if (subject) await notify(tx, row, subject, `申请编号 ${row.number}：${subject}。请凭申请编号和查询码查看详情。`, ctx);
      return { event, row: { ...row, ...snapshot, updated_at: ctx.now } };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new StepRefused(409, '该申请刚刚被他人更新，请刷新后重试');
    throw error;
  }
}

/** Every open case's due date again (a new holiday schedule was imported): the cases whose date changed. */
export async function recomputeDueDates(db: Db, ctx: StoreContext): Promise<{ number: string; before: string | null; after: string | null }[]> {
  const open = await db.selectFrom('applications').select(['id', 'number', 'due_on', 'agency_id']).where('state', 'not in', ['closed', 'abandoned', 'withdrawn']).execute();
  const changed: { number: string; before: string | null; after: string | null }[] = [];
  for (const c of open) {
    const events = await eventsOf(db, c.id);
    const d = deadlineOf(events, ctx.calendar, ctx.today, ctx.cutover !== undefined ? { cutover: ctx.cutover } : {});
    const after = d && d.due !== null ? isoOf(d.due) : null;
    if (after === c.due_on) continue;
    await db.transaction().execute(async (tx) => {
      await tx.updateTable('applications').set({ due_on: after, updated_at: ctx.now }).where('id', '=', c.id).execute();
      await appendAudit(tx, {
        actorUserId: null,
        agencyId: c.agency_id,
        subjectType: 'application',
        subjectId: c.number,
        action: 'due_recomputed',
        reason: '导入新的节假日安排，重新计算答复期限',
        data: { before: c.due_on, after },
      });
    });
    changed.push({ number: c.number, before: c.due_on, after });
  }
  return changed;
}


// ── lists ────────────────────────────────────────────────────────────────────────────────────────────────

/** Working days before the due date from which a case is shown as due soon. */
export const DUE_SOON_WORKING_DAYS = 5;

export interface ListFilters {
  states?: ApplicationRow['state'][];
  /** overdue: open and past its due date; soon: due within DUE_SOON_WORKING_DAYS working days. */
  due?: 'overdue' | 'soon';
  /** 申请编号, applicant name or words of the description. */
  q?: string;
  limit?: number;
  offset?: number;
}

export const OPEN_STATES: readonly ApplicationRow['state'][] = ['pending', 'handling', 'awaiting_correction', 'consulting', 'awaiting_payment', 'answered'];

/** The last day still "due soon" seen from today. */
export function dueSoonUntil(ctx: StoreContext): IsoDate {
  return isoOf(ctx.calendar.addWorkingDays(dayOf(ctx.today), DUE_SOON_WORKING_DAYS));
}

/** The cases of a scope (access.ts listScope), most urgent first: by due date (none last), then newest. */
export async function listApplications(
  db: Db,
  scope: { agencyIds: number[]; departmentId: number | null },
  filters: ListFilters,
  ctx: StoreContext,
): Promise<{ rows: ApplicationRow[]; total: number }> {
  if (scope.agencyIds.length === 0 && scope.departmentId === null) return { rows: [], total: 0 };
  let query = db.selectFrom('applications').where((eb) => {
    const parts = [];
    if (scope.agencyIds.length > 0) parts.push(eb('agency_id', 'in', scope.agencyIds));
    if (scope.departmentId !== null) parts.push(eb('department_id', '=', scope.departmentId));
    return eb.or(parts);
  });
  if (filters.states && filters.states.length > 0) query = query.where('state', 'in', filters.states);
  if (filters.due) {
    query = query.where('state', 'in', OPEN_STATES).where('due_on', 'is not', null);
    query = filters.due === 'overdue' ? query.where('due_on', '<', ctx.today) : query.where('due_on', '>=', ctx.today).where('due_on', '<=', dueSoonUntil(ctx));
  }
  const q = filters.q?.trim().replace(/[%_\\]/g, '');
  if (q) {
    const like = `%${q}%`;
    query = query.where((eb) =>
      eb.or([eb('number', '=', q), eb('applicant_name', 'like', like), eb('description', 'like', like)]),
    );
  }
  const limit = Math.min(Math.max(filters.limit ?? 50, 1), 200);
  const offset = Math.max(filters.offset ?? 0, 0);
  // Not one ORDER BY over every case of the scope (a sort of tens of thousands of rows for a city): the cases
  // with a due date in the order of the (agency_id, due_on) index, then — only if the page reaches them — those
  // without one, newest first. The same order, read from the index a page at a time (bench/applications.ts).
  const [count, dated] = await Promise.all([
    query.select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.count<number>('due_on').as('dated')]).executeTakeFirstOrThrow(),
    query.where('due_on', 'is not', null).selectAll().orderBy('due_on').orderBy('id', 'desc').limit(limit).offset(offset).execute(),
  ]);
  const total = Number(count.n);
  const rows = dated;
  const withDate = Number(count.dated);
  if (rows.length < limit && offset + rows.length < total) {
    const undated = await query
      .where('due_on', 'is', null)
      .selectAll()
      .orderBy('id', 'desc')
      .limit(limit - rows.length)
      .offset(Math.max(offset - withDate, 0))
      .execute();
    rows.push(...undated);
  }
  return { rows, total };
}
