import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../../bin/gongkai.js', import.meta.url));
const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });

test('gongkai --help lists the commands in Chinese and exits 0', () => {
  const r = run('--help');
  assert.equal(r.status, 0);
  assert.match(r.stdout, /用法：gongkai <命令>/);
  assert.match(r.stdout, /deadline/);
  assert.match(r.stdout, /calendar/);
});

test('gongkai without a command prints the usage and exits 2', () => {
  const r = run();
  assert.equal(r.status, 2);
  assert.match(r.stdout, /用法/);
});

test('an unknown command is named in Chinese on stderr, exit 2, no stack trace', () => {
  const r = run('frobnicate');
  assert.equal(r.status, 2);
  assert.match(r.stderr, /未知命令：frobnicate/);
  assert.doesNotMatch(r.stderr, /at .*\(.*:\d+:\d+\)/);
  assert.equal(r.stdout, '');
});
