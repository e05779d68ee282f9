import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeChange, describeHolidays, describeNotice, describeTotals } from './describe.ts';
import { readSchedules, shippedDir } from './store.ts';

const shipped = new Map(readSchedules(shippedDir).map((s) => [s.year, s]));

test('2025 reads as the notice words it', () => {
  assert.deepEqual(describeHolidays(shipped.get(2025)!), [
    '元旦：1月1日放假，共1天',
    '春节：1月28日至2月4日放假调休，共8天；1月26日（周日）、2月8日（周六）上班',
    '清明节：4月4日至4月6日放假，共3天',
    '劳动节：5月1日至5月5日放假调休，共5天；4月27日（周日）上班',
    '端午节：5月31日至6月2日放假，共3天',
    '国庆节、中秋节：10月1日至10月8日放假调休，共8天；9月28日（周日）、10月11日（周六）上班',
  ]);
  assert.equal(describeTotals(shipped.get(2025)!), '合计：放假28天（其中周一至周五18天），调休上班5天');
});

test('December days of the next year’s 元旦 are their own line, apart from January’s', () => {
  const lines = describeHolidays(shipped.get(2018)!);
  assert.equal(lines[0], '元旦：1月1日放假，共1天');
  assert.equal(lines[lines.length - 1], '元旦（2019年元旦假期）：12月30日至12月31日放假调休，共2天；12月29日（周六）上班');
  assert.equal(describeHolidays(shipped.get(2011)!).at(-1), '元旦（2012年元旦假期）：12月31日（周六）上班');
});

test('notices and changes', () => {
  assert.equal(
    describeNotice(shipped.get(2025)!.sources[1]!).split('：')[0],
    '国务院令第795号《国务院关于修改〈全国年节及纪念日放假办法〉的决定》（2024-11-10）',
  );
  assert.equal(describeChange({ date: '2027-01-01', after: { kind: 'holiday', name: '元旦' } }), '新增：2027-01-01（周五）元旦 放假');
  assert.equal(describeChange({ date: '2026-02-28', before: { kind: 'workday', name: '春节' } }), '删除：2026-02-28（周六）春节 上班');
  assert.equal(
    describeChange({ date: '2025-10-06', before: { kind: 'holiday', name: '国庆节、中秋节' }, after: { kind: 'holiday', name: '中秋节' } }),
    '变更：2025-10-06（周一）国庆节、中秋节 放假 → 中秋节 放假',
  );
});
