// For tests that run the real thing: `npm start`'s entry (src/main.ts) as a child process on a temp data directory
// (the embedded SQLite database, or PostgreSQL when the test passes DATABASE_URL), a free port, its output kept.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { chromium } from 'playwright-core';
import { projectRoot } from '../../src/config.ts';

export interface Server {
  child: ChildProcess;
  base: string;
  output: () => string;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** Starts src/main.ts on 127.0.0.1:port with the data directory; `env` adds to (or, with undefined, removes from)
 *  the environment. DATABASE_URL and GONGKAI_DEMO are removed unless given. */
export function startServer(port: number, dataDir: string, env: Record<string, string | undefined> = {}): Server {
  const merged: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', GONGKAI_DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
  delete merged.DATABASE_URL;
  delete merged.GONGKAI_DEMO;
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined) delete merged[k];
    else merged[k] = v;
  }
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: projectRoot, env: merged, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { child, base: `http://127.0.0.1:${port}`, output: () => output };
}

export async function exitOf(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
  const [code] = await once(child, 'exit');
  return code as number | null;
}

export async function waitForHealth(s: Server, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (s.child.exitCode !== null) throw new Error(`server exited early:\n${s.output()}`);
    try {
      const res = await fetch(`${s.base}/healthz`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`server not healthy after ${timeoutMs} ms:\n${s.output()}`);
}

/** SIGKILL, and wait until it is gone. */
export async function killHard(s: Server): Promise<void> {
  if (s.child.exitCode !== null || s.child.signalCode !== null) return;
  s.child.kill('SIGKILL');
  await exitOf(s.child);
}

/** Debian's Chromium as the browser tests drive it (no sandbox in containers, no background traffic). */
export function launchChromium() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu', '--no-first-run', '--disable-component-update', '--disable-sync'],
  });
}
