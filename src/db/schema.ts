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

export interface Database {
  agencies: AgenciesTable;
  users: UsersTable;
  sessions: SessionsTable;
  audit_events: AuditEventsTable;
}

export type Agency = Selectable<AgenciesTable>;
export type NewAgency = Insertable<AgenciesTable>;
export type User = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type AuditEvent = Selectable<AuditEventsTable>;
