import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ImportedYear } from './import.ts';
import type { YearSchedule } from './model.ts';
import { dayChanges, planImport } from './plan.ts';

const notice = { number: '国办发明电〔2025〕7号', title: '国务院办公厅关于2026年部分节假日安排的通知', issuedOn: '2025-11-04' };
const current: YearSchedule = {
  year: 2026,
  sources: [notice],
  holidays: [
    { date: '2026-01-01', name: '元旦' },
    { date: '2026-01-02', name: '元旦' },
    { date: '2026-10-08', name: '国庆节' },
  ],
  workdays: [{ date: '2026-01-04', name: '元旦' }],
};
const schedules = new Map([[2026, current]]);
const imported = (y: Partial<ImportedYear> & { year: number }): ImportedYear => ({
  mode: 'replace',
  sources: [],
  holidays: [],
  workdays: [],
  ...y,
});

test('a year without a schedule is new: every day is an addition', () => {
  const y = imported({ year: 2027, sources: [notice], holidays: [{ date: '2027-01-01', name: '元旦' }] });
  const { plans, warnings } = planImport([y], schedules);
  assert.deepEqual(warnings, []);
  assert.equal(plans.length, 1);
  assert.equal(plans[0]!.action, 'new');
  assert.deepEqual(plans[0]!.changes, [{ date: '2027-01-01', after: { kind: 'holiday', name: '元旦' } }]);
});

test('a replacement lists the days added, removed and changed, in date order', () => {
  const y = imported({
    year: 2026,
    sources: [notice],
    holidays: [
      { date: '2026-01-01', name: '元旦' },
      { date: '2026-01-03', name: '元旦' },
      { date: '2026-10-08', name: '国庆节、中秋节' },
    ],
    workdays: [{ date: '2026-01-02', name: '元旦' }],
  });
  const [plan] = planImport([y], schedules).plans;
  assert.equal(plan!.action, 'replace');
  assert.equal(plan!.sourcesChanged, false);
  assert.deepEqual(plan!.changes, [
    { date: '2026-01-02', before: { kind: 'holiday', name: '元旦' }, after: { kind: 'workday', name: '元旦' } },
    { date: '2026-01-03', after: { kind: 'holiday', name: '元旦' } },
    { date: '2026-01-04', before: { kind: 'workday', name: '元旦' } },
    { date: '2026-10-08', before: { kind: 'holiday', name: '国庆节' }, after: { kind: 'holiday', name: '国庆节、中秋节' } },
  ]);
});

test('the same schedule is unchanged; the same days under other notices is a replacement', () => {
  const same = imported({ ...current });
  assert.equal(planImport([same], schedules).plans[0]!.action, 'unchanged');
  const [plan] = planImport([{ ...same, sources: [] }], schedules).plans;
  assert.equal(plan!.action, 'replace');
  assert.equal(plan!.sourcesChanged, true);
  assert.deepEqual(plan!.changes, []);
});

test('turn-of-year days merge into the existing year and keep its notices', () => {
  const y = imported({ year: 2026, mode: 'merge', holidays: [{ date: '2026-12-31', name: '元旦' }] });
  const [plan] = planImport([y], schedules).plans;
  assert.equal(plan!.action, 'merge');
  assert.deepEqual(plan!.after.sources, [notice]);
  assert.deepEqual(plan!.after.holidays.map((d) => d.date), ['2026-01-01', '2026-01-02', '2026-10-08', '2026-12-31']);
  assert.deepEqual(plan!.after.workdays, current.workdays);
  assert.deepEqual(plan!.changes, [{ date: '2026-12-31', after: { kind: 'holiday', name: '元旦' } }]);
});

test('turn-of-year days for a year with no schedule are not imported, and a warning says so', () => {
  const y = imported({ year: 2030, mode: 'merge', holidays: [{ date: '2030-12-31', name: '元旦' }], workdays: [{ date: '2030-12-28', name: '元旦' }] });
  const { plans, warnings } = planImport([y], schedules);
  assert.deepEqual(plans, []);
  assert.deepEqual(warnings, ['2030年尚无安排，文件中属于该年的跨年日期（2030-12-28、2030-12-31）未导入']);
});

test('dayChanges of identical schedules is empty', () => {
  assert.deepEqual(dayChanges(current, structuredClone(current)), []);
});
