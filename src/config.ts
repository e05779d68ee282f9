// Settings read from the environment, in one place, checked when read. Everything has a default that
// serves one office on the embedded SQLite database.
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const projectRoot = fileURLToPath(new URL('..', import.meta.url));

export const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof logLevels)[number];

export interface Config {
  /** Where the SQLite file and imported holiday schedules live. */
  dataDir: string;
  /** postgres://… to use PostgreSQL; unset for the embedded SQLite file in dataDir. */
  databaseUrl: string | undefined;
  host: string;
  port: number;
  logLevel: LogLevel;
  /** The site is served over HTTPS (cookies get `Secure`, HSTS is sent). */
  https: boolean;
  /** Seed the demo city and its accounts on start. */
  demo: boolean;
  /** New applications accepted per minute from one address (form and API). */
  submitLimit: number;
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = env.PORT ?? '3000';
  if (!/^\d{1,5}$/.test(port) || Number(port) > 65535) {
    throw new ConfigError(`PORT 应为 0 至 65535 之间的整数，现为「${port}」`);
  }
  const logLevel = env.LOG_LEVEL || 'info';
  if (!(logLevels as readonly string[]).includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL 应为 ${logLevels.join('、')} 之一，现为「${logLevel}」`);
  }
  const submitLimit = env.GONGKAI_SUBMIT_LIMIT ?? '20';
  if (!/^\d{1,6}$/.test(submitLimit) || Number(submitLimit) < 1) {
    throw new ConfigError(`GONGKAI_SUBMIT_LIMIT 应为 1 至 999999 之间的整数（每个地址每分钟可提交的申请数），现为「${submitLimit}」`);
  }
  return {
    dataDir: path.resolve(env.GONGKAI_DATA_DIR || path.join(projectRoot, 'data')),
    databaseUrl: env.DATABASE_URL || undefined,
    host: env.HOST || '127.0.0.1',
    port: Number(port),
    logLevel: logLevel as LogLevel,
    https: env.GONGKAI_HTTPS === '1',
    demo: env.GONGKAI_DEMO !== '0',
    submitLimit: Number(submitLimit),
  };
}
