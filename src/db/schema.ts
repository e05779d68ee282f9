// The tables, as Kysely sees them. One schema for SQLite and PostgreSQL: timestamps are ISO 8601 text in
// UTC (`2026-11-25T05:40:18.123Z`), legal dates are YYYY-MM-DD text, JSON is text.
import type { Generated, Insertable, Selectable } from 'kysely';

export type AgencyLevel = 'national' | 'province' | 'city' | 'county' | 'township';
export type AgencyType = 'government' | 'department' | 'office' | 'other';
export type Role = 'handler' | 'office' | 'leader' | 'supervisor' | 'admin';

export interface AgenciesTable {
  id: Generated<number>;
  parent_id: number | null;
  /** Short stable code, unique, e.g. demo-city-fgw */
  code: string;
  name: string;
  level: AgencyLevel;
  type: AgencyType;
  created_at: string;
}

export interface UsersTable {
  id: Generated<number>;
  agency_id: number;
  username: string;
  display_name: string;
  role: Role;
  /** scrypt$N$r$p$salt$hash (base64) */
  password_hash: string;
  disabled: Generated<number>;
  created_at: string;
}

export interface SessionsTable {
  /** SHA-256 (hex) of the cookie token; the token itself is never stored. */
  id: string;
  user_id: number;
  created_at: string;
  expires_at: string;
}

/** Append-only: the database refuses UPDATE and DELETE on this table (a trigger on both engines). */
export interface AuditEventsTable {
  id: Generated<number>;
  at: string;
  actor_user_id: number | null;
  agency_id: number | null;
  /** What the event is about, e.g. 'user', 'session', 'application' */
  subject_type: string;
  subject_id: string;
  /** e.g. 'login', 'logout', 'created' */
  action: string;
  reason: string | null;
  /** JSON text; never personal data in clear */
  data: string | null;
}

export interface SettingsTable {
  name: string;
  value: string;
}

export type ApplicationState =
  | 'pending'
  | 'handling'
  | 'awaiting_correction'
  | 'consulting'
  | 'awaiting_payment'
  | 'answered'
  | 'closed'
  | 'abandoned'
  | 'withdrawn';

/** An application with its applicant; the columns from state to last_seq are a snapshot of its events (the
 *  events are the record; the snapshot is rewritten with each event, in the same transaction). */
export interface ApplicationsTable {
  id: Generated<number>;
  /** 申请编号, e.g. 2026-000123 */
  number: string;
  agency_id: number;
  department_id: number | null;
  state: ApplicationState;
  channel: string;
  applicant_kind: 'person' | 'organisation';
  organisation_kind: string | null;
  applicant_name: string;
  id_type: string | null;
  id_number: string | null;
  credit_code: string | null;
  legal_rep: string | null;
  contact_name: string | null;
  phone: string;
  email: string | null;
  address: string | null;
  postcode: string | null;
  description: string;
  purpose: string | null;
  /** 载体形式: paper, electronic … */
  provision: string;
  /** 获取方式: post, pickup, email, online … */
  pickup: string;
  /** SHA-256 (hex) of the 查询码; the code itself is never stored. */
  query_code_hash: string;
  idempotency_key: string | null;
  submitted_at: string;
  received_on: string | null;
  regime: string | null;
  due_on: string | null;
  reply_type: string | null;
  answered_on: string | null;
  delivered_on: string | null;
  last_seq: number;
  updated_at: string;
}

/** Append-only (triggers on both engines refuse UPDATE and DELETE). */
export interface ApplicationEventsTable {
  id: Generated<number>;
  application_id: number;
  seq: number;
  type: string;
  on_date: string;
  at: string;
  actor_user_id: number | null;
  actor_role: string;
  actor_agency_id: number | null;
  actor_name: string | null;
  /** JSON text of the event's payload. */
  data: string;
  reason: string | null;
}

export interface ApplicationFilesTable {
  id: Generated<number>;
  application_id: number;
  kind: 'attachment' | 'letter';
  name: string;
  mime: string;
  size: number;
  sha256: string;
  content: Uint8Array;
  created_at: string;
}

/** Notices to applicants (e-mail, SMS), written in the transaction of the step they announce; a sender
 *  delivers them and sets sent_at. The default install has no sender: they stay here. */
export interface OutboxTable {
  id: Generated<number>;
  created_at: string;
  channel: 'email' | 'sms';
  recipient: string;
  subject: string;
  body: string;
  application_id: number | null;
  sent_at: string | null;
}

export interface Database {
  agencies: AgenciesTable;
  users: UsersTable;
  sessions: SessionsTable;
  audit_events: AuditEventsTable;
  settings: SettingsTable;
  applications: ApplicationsTable;
  application_events: ApplicationEventsTable;
  application_files: ApplicationFilesTable;
  outbox: OutboxTable;
}

export type Agency = Selectable<AgenciesTable>;
export type NewAgency = Insertable<AgenciesTable>;
export type User = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type AuditEvent = Selectable<AuditEventsTable>;
