import { test } from 'node:test';
import assert from 'node:assert/strict';
import { agencyLevels, agencyTypes, isAgencyLevel, isAgencyType, isRole, roleLabels, roles, scopeOf } from './model.ts';

test('the five roles carry their Chinese names', () => {
  assert.deepEqual(
    roles.map((r) => roleLabels[r]),
    ['承办人员', '公开办', '机关负责人', '监督人员', '系统管理员'],
  );
});

test('isRole / isAgencyLevel / isAgencyType accept only the listed values', () => {
  for (const r of roles) assert.ok(isRole(r));
  for (const l of agencyLevels) assert.ok(isAgencyLevel(l));
  for (const t of agencyTypes) assert.ok(isAgencyType(t));
  for (const v of ['root', 'Admin', '', 'toString', '__proto__', 'constructor', 1, null, undefined, {}]) {
    assert.equal(isRole(v), false, String(v));
    assert.equal(isAgencyLevel(v), false, String(v));
    assert.equal(isAgencyType(v), false, String(v));
  }
});

test('only supervisors read the subtree; everyone else their own agency', () => {
  assert.deepEqual(
    Object.fromEntries(roles.map((r) => [r, scopeOf(r)])),
    { handler: 'agency', office: 'agency', leader: 'agency', supervisor: 'subtree', admin: 'agency' },
  );
});
