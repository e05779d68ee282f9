import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { serializeSchedule } from './format.ts';
import { festivalName, ImportError, parseScheduleFile, type ParsedImport } from './import.ts';
import type { YearSchedule } from './model.ts';
import { readSchedules, shippedDir } from './store.ts';

const require = createRequire(import.meta.url);
const shipped = new Map(readSchedules(shippedDir).map((s) => [s.year, s]));
const opts = { latestYear: 2027 };

const y2027: YearSchedule = {
  year: 2027,
  sources: [{ number: '国办发明电〔2026〕9号', title: '国务院办公厅关于2027年部分节假日安排的通知', issuedOn: '2026-11-20' }],
  holidays: [
    { date: '2027-04-05', name: '清明' },
    { date: '2027-01-01', name: '元旦' },
  ],
  workdays: [{ date: '2027-01-30', name: '春节' }],
};

function rejected(fileName: string, text: string): string[] {
  try {
    parseScheduleFile(fileName, text, opts);
  } catch (error) {
    assert.ok(error instanceof ImportError, String(error));
    return error.problems;
  }
  assert.fail('expected the file to be rejected');
}

const json = (value: unknown) => JSON.stringify(value, null, 2);

test('this system’s JSON: one year, days sorted, feed names turned into the legal terms, sources kept', () => {
  const r: ParsedImport = parseScheduleFile('2027.json', json(y2027), opts);
  assert.equal(r.format, '本系统的年度安排 JSON');
  assert.deepEqual(r.years, [
    {
      year: 2027,
      mode: 'replace',
      sources: y2027.sources,
      holidays: [
        { date: '2027-01-01', name: '元旦' },
        { date: '2027-04-05', name: '清明节' },
      ],
      workdays: [{ date: '2027-01-30', name: '春节' }],
    },
  ]);
  assert.deepEqual(r.warnings, []);
});

test('a shipped year printed by `show --json` reads back as it was', () => {
  const s = shipped.get(2020)!;
  const [year] = parseScheduleFile('2020.json', serializeSchedule(s), opts).years;
  assert.deepEqual(year, { ...s, mode: 'replace' });
});

test('an array of years; the same year twice is refused', () => {
  const two = parseScheduleFile('x.json', json([y2027, shipped.get(2026)]), opts);
  assert.deepEqual(two.years.map((y) => y.year), [2027, 2026]);
  assert.deepEqual(rejected('x.json', json([y2027, y2027])), ['[1]：2027年在 [0] 已经出现过，同一年份只能出现一次']);
});

test('the chinese-days per-year JSON: names normalised, no sources (with a warning)', () => {
  const text = readFileSync(require.resolve('chinese-days/dist/years/2024.json'), 'utf8');
  const r = parseScheduleFile('2024.json', text, opts);
  assert.equal(r.format, 'chinese-days 年度 JSON');
  assert.equal(r.years.length, 1);
  const y = r.years[0]!;
  assert.equal(y.mode, 'replace');
  assert.deepEqual(y.workdays, shipped.get(2024)!.workdays);
  assert.ok(y.holidays.some((d) => d.date === '2024-09-16' && d.name === '中秋节'));
  assert.deepEqual(r.warnings, ['2024年的安排没有注明所依据的通知（文号）；如需记录，请改用本系统的 JSON 格式并填写 sources']);
});

test('days at the turn of the year in a file without a year field are a fragment to merge', () => {
  const feed = {
    holidays: { '2018-12-30': 'New Year,元旦,1', '2018-12-31': 'New Year,元旦,1', '2019-01-01': 'New Year,元旦,1', '2019-02-04': 'Spring Festival,春节,3' },
    workdays: { '2018-12-29': 'New Year,元旦,1' },
  };
  const r = parseScheduleFile('2019.json', json(feed), opts);
  assert.deepEqual(r.years.map((y) => [y.year, y.mode]), [[2018, 'merge'], [2019, 'replace']]);
  assert.deepEqual(r.years[0]!.workdays, [{ date: '2018-12-29', name: '元旦' }]);
});

test('malformed JSON is reported with its line and column', () => {
  const [p] = rejected('x.json', '{\n  "year": 2027,\n  "holidays": [}\n');
  assert.equal(p, 'JSON 格式错误：第3行第16列不应出现「}」');
  assert.deepEqual(rejected('x.json', '{"year": 2027,\n "holidays": ['), ['JSON 格式错误：文件在第2行意外结束（缺少括号或引号？）']);
  assert.deepEqual(rejected('x.json', '{"year": 2027}}'), ['JSON 格式错误：第1行第15列不应出现「}」']);
});

test('fields are checked and every problem is named by its place', () => {
  const bad = {
    year: 2027,
    sources: [{ number: '', title: '通知', issuedOn: '2026-13-01' }],
    holidays: [{ date: '2027-02-30', name: '春节' }, { date: '2027-02-06' }, 'x'],
  };
  assert.deepEqual(rejected('x.json', json(bad)), [
    'sources[0].number：文号不能为空',
    'sources[0].issuedOn：发布日期「2026-13-01」不是有效的 YYYY-MM-DD 日期',
    'holidays[0].date：日期「2027-02-30」不是有效的 YYYY-MM-DD 日期',
    'holidays[1].name：节日名称应为文字',
    'holidays[2]：应为 {"date": "YYYY-MM-DD", "name": "节日名称"} 形式的对象',
  ]);
  assert.deepEqual(rejected('x.json', json([y2027, { ...y2027, year: '2028' }])), ['[1].year：year 应为年份数字，例如 2027']);
});

test('the days are checked: in the year, not both off and worked, make-up days on weekends, one name each', () => {
  const bad = {
    year: 2027,
    holidays: [
      { date: '2026-12-31', name: '元旦' },
      { date: '2027-02-06', name: '春节' },
      { date: '2027-10-01', name: '国庆节' },
      { date: '2027-10-01', name: '中秋节' },
    ],
    workdays: [
      { date: '2027-02-06', name: '春节' },
      { date: '2027-02-08', name: '春节' },
    ],
  };
  assert.deepEqual(rejected('x.json', json(bad)), [
    'holidays[0]：2026-12-31 不在 2027 年内（跨年的日期请放在它所在年份的安排中）',
    '2027-10-01 有两个节日名称：「国庆节」（holidays[2]）和「中秋节」（holidays[3]）',
    '2027-02-06 既是放假日（holidays[1]）又是上班日（workdays[0]）',
    'workdays[1]：2027-02-08 是周一，调休上班日只能是周六或周日',
  ]);
});

test('years outside 2000 … latestYear are refused', () => {
  assert.match(rejected('x.json', json({ ...y2027, year: 2028, holidays: [], workdays: [] }))[0]!, /^year：2028年超出可导入的范围（2000—2027年/);
  const old = { holidays: { '1999-10-01': 'National Day,国庆节,3' }, workdays: {} };
  assert.match(rejected('x.json', json(old))[0]!, /^1999年的日期（holidays\["1999-10-01"\] 等）：1999年超出可导入的范围/);
});

test('what is not a schedule is refused in one sentence', () => {
  assert.deepEqual(rejected('x.json', ''), ['文件是空的']);
  assert.match(rejected('x.json', '42')[0]!, /^无法识别的 JSON/);
  assert.match(rejected('x.json', '{"days": []}')[0]!, /^无法识别的 JSON/);
  assert.deepEqual(rejected('x.json', '[]'), ['数组是空的：没有任何年份']);
  assert.deepEqual(rejected('x.json', json({ year: 2027, holidays: [], workdays: [] })), ['文件：2027年没有任何放假或上班的日期']);
  assert.deepEqual(rejected('x.json', json({ holidays: { '2027-02-30': '春节' } })), ['holidays["2027-02-30"]：「2027-02-30」不是有效的 YYYY-MM-DD 日期']);
});

test('an .ics file is read as iCalendar and its problems name lines', () => {
  const ics = 'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20270101\r\nSUMMARY:元旦\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n';
  assert.match(rejected('2027.ics', ics)[0]!, /^第2行起的事件「元旦」：无法判断是放假还是上班/);
  const r = parseScheduleFile('feed.txt', ics.replace('元旦', '元旦(休)'), opts);
  assert.equal(r.format, 'iCalendar（.ics）');
  assert.deepEqual(r.years[0]!.holidays, [{ date: '2027-01-01', name: '元旦' }]);
});

test('festival names: the feeds’ spellings map to the legal terms, others are kept', () => {
  assert.equal(festivalName('清明'), '清明节');
  assert.equal(festivalName(' national day '), '国庆节');
  assert.equal(festivalName('Mid-autumn Festival'), '中秋节');
  assert.equal(festivalName('春节'), '春节');
  assert.equal(festivalName('某纪念日'), '某纪念日');
});
