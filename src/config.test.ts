import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { loadConfig, ConfigError } from './config.ts';

test('defaults serve one office on SQLite at 127.0.0.1:3000 with demo data', () => {
  const c = loadConfig({});
  assert.equal(c.host, '127.0.0.1');
  assert.equal(c.port, 3000);
  assert.equal(c.databaseUrl, undefined);
  assert.equal(path.basename(c.dataDir), 'data');
  assert.equal(c.logLevel, 'info');
  assert.equal(c.https, false);
  assert.equal(c.demo, true);
});

test('environment overrides are read', () => {
  const c = loadConfig({ PORT: '8080', DATABASE_URL: 'postgres://x@h/db', GONGKAI_DEMO: '0', GONGKAI_HTTPS: '1', LOG_LEVEL: 'warn' });
  assert.deepEqual([c.port, c.databaseUrl, c.demo, c.https, c.logLevel], [8080, 'postgres://x@h/db', false, true, 'warn']);
});

test('a malformed PORT or LOG_LEVEL is refused with a Chinese message naming it', () => {
  for (const PORT of ['abc', '70000', '-1', '3000x']) {
    assert.throws(() => loadConfig({ PORT }), (e: unknown) => e instanceof ConfigError && /PORT 应为/.test(e.message));
  }
  assert.throws(() => loadConfig({ LOG_LEVEL: 'loud' }), /LOG_LEVEL 应为/);
});
