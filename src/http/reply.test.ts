import { test } from 'node:test';
import assert from 'node:assert/strict';
import { safeNext } from './reply.ts';

test('safeNext keeps a path on this site', () => {
  for (const path of ['/staff', '/staff/applications?status=overdue', '/', '/%2F%2Fevil.example']) {
    assert.equal(safeNext(path), path);
  }
});

test('safeNext refuses anything that could leave the site', () => {
  for (const value of ['//evil.example', '/\\evil.example', 'https://evil.example', 'javascript:alert(1)', 'staff', '/staff\r\nSet-Cookie: x=1', '/\tevil', '', `/${'a'.repeat(600)}`, undefined, ['/staff'], 7]) {
    assert.equal(safeNext(value), '/staff', JSON.stringify(value));
  }
  assert.equal(safeNext('//x', '/'), '/');
});
