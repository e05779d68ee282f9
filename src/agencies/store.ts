// Agencies and users in the database. Every function takes a `Db`, which may also be a transaction.
import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import type { Agency, AgencyLevel, AgencyType, Role, User } from '../db/schema.ts';

/** The user with that exact username, disabled or not (the caller decides what a disabled account may do). */
export async function findUserByUsername(db: Db, username: string): Promise<User | undefined> {
  return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
}

export async function findUserWithAgency(db: Db, userId: number): Promise<(User & { agency_name: string }) | undefined> {
  return db
    .selectFrom('users')
    .innerJoin('agencies', 'agencies.id', 'users.agency_id')
    .selectAll('users')
    .select('agencies.name as agency_name')
    .where('users.id', '=', userId)
    .executeTakeFirst();
}

export async function getAgency(db: Db, id: number): Promise<Agency | undefined> {
  return db.selectFrom('agencies').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The top of the tree this installation serves (the first agency without a parent), e.g. the city government. */
export async function findRootAgency(db: Db): Promise<Agency | undefined> {
  return db.selectFrom('agencies').selectAll().where('parent_id', 'is', null).orderBy('id').limit(1).executeTakeFirst();
}

export async function findAgencyByCode(db: Db, code: string): Promise<Agency | undefined> {
  return db.selectFrom('agencies').selectAll().where('code', '=', code).executeTakeFirst();
}

// Deeper than any real hierarchy (national → township is five levels, plus internal units); it also stops
// the recursion should a parent_id ever form a cycle.
const maxDepth = 32;

/** The agency and everything below it: root first, then descendants level by level (by id within a level).
 *  Empty when the root does not exist. */
export async function listAgencySubtree(db: Db, rootId: number): Promise<Agency[]> {
  const rows = await db
    .withRecursive('subtree(id, depth)', (q) =>
      q
        .selectFrom('agencies')
        .select(['id', sql<number>`0`.as('depth')])
        .where('id', '=', rootId)
        .unionAll((q) =>
          q
            .selectFrom('agencies')
            .innerJoin('subtree', 'subtree.id', 'agencies.parent_id')
            .select(['agencies.id', sql<number>`subtree.depth + 1`.as('depth')])
            .where('subtree.depth', '<', maxDepth),
        ),
    )
    .selectFrom('agencies')
    .innerJoin('subtree', 'subtree.id', 'agencies.id')
    .selectAll('agencies')
    .orderBy('subtree.depth')
    .orderBy('agencies.id')
    .execute();
  // Only a cycle could list an agency twice; keep its first (shallowest) appearance.
  const seen = new Set<number>();
  return rows.filter((a) => !seen.has(a.id) && seen.add(a.id));
}

export interface AgencyInput {
  parentId: number | null;
  code: string;
  name: string;
  level: AgencyLevel;
  type: AgencyType;
}

/** Inserts an agency; a duplicate code is refused by the database (see isUniqueViolation). */
export async function createAgency(db: Db, a: AgencyInput): Promise<Agency> {
  return db
    .insertInto('agencies')
    .values({ parent_id: a.parentId, code: a.code, name: a.name, level: a.level, type: a.type, created_at: now() })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export interface UserInput {
  agencyId: number;
  username: string;
  displayName: string;
  role: Role;
  /** From hashPassword(); never the password itself. */
  passwordHash: string;
}

/** Inserts a user; a duplicate username is refused by the database (see isUniqueViolation). */
export async function createUser(db: Db, u: UserInput): Promise<User> {
  return db
    .insertInto('users')
    .values({
      agency_id: u.agencyId,
      username: u.username,
      display_name: u.displayName,
      role: u.role,
      password_hash: u.passwordHash,
      created_at: now(),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

function now(): string {
  return new Date().toISOString();
}
