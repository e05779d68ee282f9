// No loss, no duplicates: a client submits 500 applications through the API while the server is killed with
// SIGKILL three times and restarted. Like a real client, it retries a submission that got no answer with the same
// idempotency key. Afterwards every acknowledged 申请编号 is in the database with its key, and no key and no number
// is there twice.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { exitOf, freePort, killHard, startServer, waitForHealth, type Server } from '../support/server.ts';

const TOTAL = 500;
const WORKERS = 4;
const KILL_AFTER = [100, 250, 400];

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'gongkai-kill-'));
after(() => rmSync(dataDir, { recursive: true, force: true }));

function body(i: number, key: string, agencyId: number) {
  const idNumber = '11010519491231002X';
  return {
    applicantKind: 'person',
    name: `测试${i}`,
    idType: 'resident_id_card',
    idNumber,
    phone: '13800138000',
    description: `压力测试申请第 ${i} 件：某年度财政预算执行情况`,
    provision: 'electronic',
    pickup: 'online',
    agencyId,
    idempotencyKey: key,
  };
}

test('500 submissions, three SIGKILLs: every acknowledged number is stored once', { timeout: 600_000 }, async () => {
  const port = await freePort();
  // The demo city gives the installation its agencies (and some demo applications, counted below).
  let server: Server = startServer(port, dataDir, { GONGKAI_SUBMIT_LIMIT: '100000' });
  await waitForHealth(server);
  const db = new Database(path.join(dataDir, 'gongkai.db'), { readonly: true });
  const agencyId = (db.prepare("select id from agencies where code = 'demo-city'").get() as { id: number }).id;
  const before = (db.prepare('select count(*) as n from applications').get() as { n: number }).n;

  const acked = new Map<string, string>();
  let next = 0;
  let restarting: Promise<void> | null = null;
  const kills: number[] = [];

  async function submit(i: number): Promise<void> {
    const key = `kill-test-${String(i).padStart(4, '0')}-${process.pid}`;
    for (let attempt = 0; ; attempt++) {
      if (restarting) await restarting;
      try {
        const res = await fetch(`${server.base}/api/v1/applications`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body(i, key, agencyId)),
        });
        if (res.status === 201 || res.status === 200) {
          const json = (await res.json()) as { number: string };
          acked.set(key, json.number);
          return;
        }
        if (res.status < 500 && res.status !== 429) assert.fail(`submission ${i}: ${res.status} ${await res.text()}`);
      } catch {
        // connection refused or reset: the server is down; try again
      }
      assert.ok(attempt < 2000, `submission ${i} never acknowledged`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  async function killAndRestart(): Promise<void> {
    kills.push(acked.size);
    await killHard(server);
    server = startServer(port, dataDir, { GONGKAI_SUBMIT_LIMIT: '100000' });
    await waitForHealth(server);
  }

  async function worker(): Promise<void> {
    while (next < TOTAL) {
      const i = next++;
      await submit(i);
      if (KILL_AFTER.length > 0 && acked.size >= KILL_AFTER[0]! && !restarting) {
        KILL_AFTER.shift();
        restarting = killAndRestart().finally(() => (restarting = null));
      }
    }
  }

  await Promise.all(Array.from({ length: WORKERS }, worker));
  if (restarting) await restarting;
  server.child.kill('SIGTERM');
  await exitOf(server.child);

  assert.equal(kills.length, 3, `killed ${kills.length} times`);
  assert.equal(acked.size, TOTAL);
  const rows = db.prepare("select number, idempotency_key as key from applications where idempotency_key like 'kill-test-%'").all() as { number: string; key: string }[];
  const byKey = new Map(rows.map((r) => [r.key, r.number]));
  assert.equal(rows.length, TOTAL, 'one row per submission');
  assert.equal(new Set(rows.map((r) => r.number)).size, TOTAL, 'no number twice');
  for (const [key, number] of acked) assert.equal(byKey.get(key), number, `acknowledged ${number} (${key}) is stored`);
  const total = (db.prepare('select count(*) as n from applications').get() as { n: number }).n;
  assert.equal(total - before, TOTAL, 'nothing else was created');
  db.close();
});
