// The migrations, in order, as a static map (no directory scanning, so it works the same under tsx, in a
// bundle or in tests). One set for both engines: each migration receives the engine and branches only
// where the SQL cannot be dialect-neutral.
import type { Kysely } from 'kysely';
import type { Engine } from '../database.ts';
import * as foundation from './0001_foundation.ts';
import * as applications from './0002_applications.ts';

export interface EngineMigration {
  // Migrations are frozen history: they see the database as it was then, not today's `Database` type.
  up(db: Kysely<any>, engine: Engine): Promise<void>;
  down(db: Kysely<any>, engine: Engine): Promise<void>;
}

export const migrations: Record<string, EngineMigration> = {
  '0001_foundation': foundation,
  '0002_applications': applications,
};
