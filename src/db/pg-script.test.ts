// scripts/pg.sh: a throwaway PostgreSQL in a directory. The full cycle needs the PostgreSQL binaries
// (CI installs them); the argument checks do not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { projectRoot } from '../config.ts';

const script = path.join(projectRoot, 'scripts', 'pg.sh');

function pgScript(...args: string[]) {
  const r = spawnSync('bash', [script, ...args], { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const binariesPresent =
  spawnSync('bash', ['-c', 'command -v initdb || ls /usr/lib/postgresql/*/bin/initdb'], { stdio: 'ignore' }).status === 0;

test('pg.sh: wrong arguments get the usage in Chinese and exit 2', () => {
  for (const args of [[], ['start'], ['restart', os.tmpdir()], ['start', '']]) {
    const r = pgScript(...args);
    assert.equal(r.status, 2, args.join(' '));
    assert.match(r.stderr, /^用法：scripts\/pg\.sh start\|stop\|status 目录/);
  }
});

test('pg.sh: stop or status of a directory that does not exist fails in Chinese', () => {
  const missing = path.join(os.tmpdir(), 'gongkai-no-such-dir', 'pg');
  for (const action of ['stop', 'status']) {
    const r = pgScript(action, missing);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /^pg\.sh：目录 .* 不存在/);
  }
});

test('pg.sh: start prints a working URL, start again reuses it, stop stops it', { skip: !binariesPresent && '没有安装 PostgreSQL' }, async (t) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gongkai-pg-'));
  t.after(() => {
    pgScript('stop', dir);
    rmSync(dir, { recursive: true, force: true });
  });

  const started = pgScript('start', dir);
  assert.equal(started.status, 0, started.stderr);
  const url = started.stdout.trim();
  assert.match(url, /^postgres:\/\/postgres@127\.0\.0\.1:\d+\/postgres$/);
  assert.equal(readFileSync(path.join(dir, 'url'), 'utf8').trim(), url);

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query<{ encoding: string }>('select pg_encoding_to_char(encoding) as encoding from pg_database where datname = current_database()');
  await client.end();
  assert.equal(rows[0]?.encoding, 'UTF8');

  assert.equal(pgScript('start', dir).stdout.trim(), url);
  assert.equal(pgScript('status', dir).stdout.trim(), url);

  assert.equal(pgScript('stop', dir).status, 0);
  const after = pgScript('status', dir);
  assert.equal(after.status, 1);
  assert.match(after.stderr, /没有正在运行的 PostgreSQL/);
});
