// Settings read from the environment, in one place. Everything has a default that serves one office on
// the embedded SQLite database.
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const projectRoot = fileURLToPath(new URL('..', import.meta.url));

export interface Config {
  /** Where the SQLite file, imported holiday schedules and uploads live. */
  dataDir: string;
  /** postgres://… to use PostgreSQL; unset for the embedded SQLite file in dataDir. */
  databaseUrl: string | undefined;
  host: string;
  port: number;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    dataDir: path.resolve(env.GONGKAI_DATA_DIR ?? path.join(projectRoot, 'data')),
    databaseUrl: env.DATABASE_URL || undefined,
    host: env.HOST ?? '127.0.0.1',
    port: Number(env.PORT ?? 3000),
  };
}
