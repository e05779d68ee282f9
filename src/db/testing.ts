// For tests only: a fresh, migrated database per call, on the engine the environment asks for.
import { mkdtempSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { engineFor, openDatabase, type OpenedDb } from './database.ts';

/** A fresh, migrated database: a temp SQLite file, or — when process.env.DATABASE_URL is set — a new PostgreSQL
 *  database created on that server (CREATE DATABASE gongkai_t_<random>); close() drops/removes it. */
export async function openTestDatabase(): Promise<OpenedDb> {
  const serverUrl = process.env.DATABASE_URL || undefined;
  if (engineFor(serverUrl) === 'sqlite') {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'gongkai-t-'));
    return openThenCleanUp(
      () => openDatabase({ dataDir }),
      () => rmSync(dataDir, { recursive: true, force: true }),
    );
  }
  const name = `gongkai_t_${randomBytes(6).toString('hex')}`;
  const url = new URL(serverUrl!);
  url.pathname = `/${name}`;
  await onServer(serverUrl!, `create database ${name}`);
  return openThenCleanUp(
    () => openDatabase({ databaseUrl: url.toString(), dataDir: os.tmpdir() }),
    () => onServer(serverUrl!, `drop database if exists ${name} with (force)`),
  );
}

/** Opens, and cleans up after close() — or at once if opening fails. close() may be called more than once. */
async function openThenCleanUp(open: () => Promise<OpenedDb>, cleanUp: () => void | Promise<void>): Promise<OpenedDb> {
  let opened: OpenedDb;
  try {
    opened = await open();
  } catch (error) {
    await cleanUp();
    throw error;
  }
  let closing: Promise<void> | undefined;
  return { ...opened, close: () => (closing ??= opened.close().then(cleanUp)) };
}

/** One statement on the server's own database (CREATE/DROP DATABASE cannot run inside the one concerned). */
async function onServer(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
