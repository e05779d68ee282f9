import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Agency } from '../../db/schema.ts';
import { nestAgencies, type AgencyNode } from './agency-tree.tsx';

function agency(id: number, parent_id: number | null, name: string): Agency {
  return { id, parent_id, name, code: `a${id}`, level: 'city', type: 'department', created_at: '2026-01-01T00:00:00.000Z' };
}

function shape(nodes: AgencyNode[]): unknown[] {
  return nodes.map((n) => (n.children.length ? [n.agency.name, shape(n.children)] : n.agency.name));
}

test('nests a subtree listed root first, keeping the order within each level', () => {
  const flat = [agency(1, null, '市政府'), agency(2, 1, '办公室'), agency(3, 1, '发改委'), agency(4, 3, '价格科'), agency(5, 1, '生态环境局')];
  assert.deepEqual(shape(nestAgencies(flat)), [['市政府', ['办公室', ['发改委', ['价格科']], '生态环境局']]]);
});

test('an agency whose parent is outside the list is a root (a subtree below the top)', () => {
  assert.deepEqual(shape(nestAgencies([agency(7, 1, '发改委'), agency(8, 7, '价格科')])), [['发改委', ['价格科']]]);
  assert.deepEqual(nestAgencies([]), []);
});
