import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { hashPassword, verifyPassword } from './passwords.ts';

test('a hash verifies its own password and no other; it carries its parameters and a fresh salt', async () => {
  const [a, b] = await Promise.all([hashPassword('gongkai2026'), hashPassword('gongkai2026')]);
  assert.match(a, /^scrypt\$16384\$8\$5\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=$/);
  assert.notEqual(a, b, 'same password, different salts');
  const verdicts = await Promise.all(
    (['gongkai2026', 'gongkai2025', '', 'gongkai2026 ', 'GONGKAI2026'] as const).map((p) => verifyPassword(p, a)),
  );
  assert.deepEqual(verdicts, [true, false, false, false, false]);
  assert.equal(await verifyPassword('gongkai2026', b), true);
});

test('Chinese passwords work, in either Unicode normal form', async () => {
  const [chinese, composed] = await Promise.all([hashPassword('公开透明2026'), hashPassword('caf\u00e9')]);
  const verdicts = await Promise.all([
    verifyPassword('公开透明2026', chinese),
    verifyPassword('公开透明2025', chinese),
    verifyPassword('cafe\u0301', composed), // decomposed é
  ]);
  assert.deepEqual(verdicts, [true, false, true]);
});

test('a hash made with other (stored) parameters still verifies', async () => {
  // A cheap hash as an older release might have written: N=1024, r=4, p=2.
  const { scryptSync } = await import('node:crypto');
  const salt = Buffer.from('0123456789abcdef');
  const key = scryptSync('旧密码', salt, 24, { N: 1024, r: 4, p: 2 });
  const stored = `scrypt$1024$4$2$${salt.toString('base64')}$${key.toString('base64')}`;
  assert.equal(await verifyPassword('旧密码', stored), true);
  assert.equal(await verifyPassword('新密码', stored), false);
});

test('a malformed or tampered stored hash gives false, never an exception', async () => {
  const good = await hashPassword('gongkai2026');
  const parts = good.split('$');
  const withPart = (i: number, v: string) => parts.map((p, j) => (j === i ? v : p)).join('$');
  const bad = [
    '',
    'gongkai2026',
    'scrypt',
    good.replace(/^scrypt/, 'bcrypt'),
    `${good}$extra`,
    withPart(1, '1000'), // N not a power of two
    withPart(1, String(2 ** 24)), // N beyond what we allow: would allocate gigabytes
    withPart(1, '-2'),
    withPart(1, '0x8000'),
    withPart(2, '0'),
    withPart(2, '999'),
    withPart(3, '1e3'),
    withPart(4, ''),
    withPart(4, '!!!!'),
    withPart(5, 'AAAA'), // key too short
    withPart(5, parts[5]!.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'))), // one character of the key changed
    withPart(4, Buffer.alloc(16, 7).toString('base64')), // another salt
  ];
  const verdicts = await Promise.all(bad.map((stored) => verifyPassword('gongkai2026', stored)));
  assert.deepEqual(verdicts, bad.map(() => false));
  assert.equal(await verifyPassword('gongkai2026', null as never), false);
  assert.equal(await verifyPassword(undefined as never, good), false);
});

test('property: arbitrary stored strings never throw and never verify', async () => {
  await fc.assert(
    fc.asyncProperty(fc.string(), fc.string(), async (plain, stored) => {
      assert.equal(await verifyPassword(plain, stored), false);
    }),
    { numRuns: 300 },
  );
  await fc.assert(
    fc.asyncProperty(fc.array(fc.string({ maxLength: 12 }), { minLength: 6, maxLength: 6 }), async (fields) => {
      assert.equal(await verifyPassword('x', ['scrypt', ...fields.slice(1)].join('$')), false);
    }),
    { numRuns: 300 },
  );
});
