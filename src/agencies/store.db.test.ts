// Agencies and users in a real database (SQLite, or PostgreSQL when DATABASE_URL is set).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openTestDatabase } from '../db/testing.ts';
import type { Db } from '../db/database.ts';
import { isUniqueViolation } from '../db/errors.ts';
import type { Agency } from '../db/schema.ts';
import {
  createAgency,
  createUser,
  findAgencyByCode,
  findUserByUsername,
  findUserWithAgency,
  getAgency,
  listAgencySubtree,
  type AgencyInput,
} from './store.ts';

async function fresh(t: { after(fn: () => Promise<void>): void }): Promise<Db> {
  const opened = await openTestDatabase();
  t.after(() => opened.close());
  return opened.db;
}

/** province ─┬─ province office
 *            ├─ city A ─┬─ A department ── A sub-unit
 *            │          └─ A office
 *            └─ city B ── B department */
async function buildTree(db: Db): Promise<Record<string, Agency>> {
  const spec: [code: string, parent: string | null, name: string, level: AgencyInput['level'], type: AgencyInput['type']][] = [
    ['prov', null, '某省人民政府', 'province', 'government'],
    ['prov-office', 'prov', '某省人民政府办公厅', 'province', 'office'],
    ['city-a', 'prov', '甲市人民政府', 'city', 'government'],
    ['city-b', 'prov', '乙市人民政府', 'city', 'government'],
    ['a-dept', 'city-a', '甲市生态环境局', 'city', 'department'],
    ['a-office', 'city-a', '甲市人民政府办公室', 'city', 'office'],
    ['b-dept', 'city-b', '乙市生态环境局', 'city', 'department'],
    ['a-sub', 'a-dept', '甲市生态环境局某分局', 'county', 'other'],
  ];
  const made: Record<string, Agency> = {};
  for (const [code, parent, name, level, type] of spec) {
    made[code] = await createAgency(db, { parentId: parent ? made[parent]!.id : null, code, name, level, type });
  }
  return made;
}

const codes = (agencies: Agency[]) => agencies.map((a) => a.code);

test('createAgency returns the stored row; getAgency and findAgencyByCode read it back', async (t) => {
  const db = await fresh(t);
  const city = await createAgency(db, { parentId: null, code: 'demo', name: '示范市人民政府', level: 'city', type: 'government' });
  assert.equal(typeof city.id, 'number');
  assert.equal(city.parent_id, null);
  assert.match(city.created_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  assert.deepEqual(await getAgency(db, city.id), city);
  assert.deepEqual(await findAgencyByCode(db, 'demo'), city);
  assert.equal(await getAgency(db, city.id + 1000), undefined);
  assert.equal(await findAgencyByCode(db, 'nope'), undefined);
  await assert.rejects(createAgency(db, { parentId: null, code: 'demo', name: '重复', level: 'city', type: 'government' }), isUniqueViolation);
});

test('users: created enabled, found by exact username, joined with their agency name', async (t) => {
  const db = await fresh(t);
  const dept = await createAgency(db, { parentId: null, code: 'fgw', name: '示范市发展和改革委员会', level: 'city', type: 'department' });
  const user = await createUser(db, { agencyId: dept.id, username: 'banli', displayName: '李强', role: 'handler', passwordHash: 'scrypt$…' });
  assert.equal(user.disabled, 0);
  assert.equal(user.role, 'handler');
  assert.deepEqual(await findUserByUsername(db, 'banli'), user);
  assert.equal(await findUserByUsername(db, 'BANLI'), undefined);
  assert.equal(await findUserByUsername(db, 'banli '), undefined);
  assert.equal(await findUserByUsername(db, "banli' or '1'='1"), undefined);
  assert.deepEqual(await findUserWithAgency(db, user.id), { ...user, agency_name: '示范市发展和改革委员会' });
  assert.equal(await findUserWithAgency(db, user.id + 1000), undefined);
  await assert.rejects(
    createUser(db, { agencyId: dept.id, username: 'banli', displayName: '另一人', role: 'office', passwordHash: 'x' }),
    isUniqueViolation,
  );
});

test('listAgencySubtree: root first, then each level in turn; siblings and ancestors excluded', async (t) => {
  const db = await fresh(t);
  const a = await buildTree(db);
  assert.deepEqual(codes(await listAgencySubtree(db, a.prov!.id)), [
    'prov', 'prov-office', 'city-a', 'city-b', 'a-dept', 'a-office', 'b-dept', 'a-sub',
  ]);
  assert.deepEqual(codes(await listAgencySubtree(db, a['city-a']!.id)), ['city-a', 'a-dept', 'a-office', 'a-sub']);
  assert.deepEqual(codes(await listAgencySubtree(db, a['city-b']!.id)), ['city-b', 'b-dept']);
  assert.deepEqual(codes(await listAgencySubtree(db, a['a-sub']!.id)), ['a-sub']);
  assert.deepEqual(await listAgencySubtree(db, 987654), []);
  const [root] = await listAgencySubtree(db, a['city-a']!.id);
  assert.deepEqual(root, a['city-a']);
});

test('listAgencySubtree terminates even if parent links form a cycle', async (t) => {
  const db = await fresh(t);
  const a = await buildTree(db);
  // Not something the application does; a damaged table must still not hang a supervisor's page.
  await db.updateTable('agencies').set({ parent_id: a['a-sub']!.id }).where('id', '=', a['city-a']!.id).execute();
  const listed = await listAgencySubtree(db, a['city-a']!.id);
  assert.deepEqual(codes(listed), ['city-a', 'a-dept', 'a-office', 'a-sub']);
});
