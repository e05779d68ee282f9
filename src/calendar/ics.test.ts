import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parseIcs, type MarkedDay } from './ics.ts';
import { readSchedules, shippedDir } from './store.ts';

const require = createRequire(import.meta.url);
const feed = (year: number) => readFileSync(require.resolve(`chinese-days/dist/years/${year}.ics`), 'utf8');
const shipped = new Map(readSchedules(shippedDir).map((s) => [s.year, s]));

/** A calendar of the given VEVENT bodies, CRLF line ends as RFC 5545 writes them. */
const calendar = (...events: string[][]) =>
  ['BEGIN:VCALENDAR', 'VERSION:2.0', ...events.flatMap((e) => ['BEGIN:VEVENT', ...e, 'END:VEVENT']), 'END:VCALENDAR', ''].join('\r\n');

const compact = (days: MarkedDay[]) => days.map((d) => `${d.date} ${d.kind} ${d.name}`).sort();

function ok(text: string): MarkedDay[] {
  const r = parseIcs(text);
  assert.deepEqual(r.problems, []);
  return r.days;
}

function problems(text: string): string[] {
  const r = parseIcs(text);
  assert.ok(r.problems.length > 0, 'expected the calendar to be rejected');
  return r.problems;
}

test('the chinese-days feed for 2025 gives the days of the shipped 2025 schedule', () => {
  const days = ok(feed(2025));
  const s = shipped.get(2025)!;
  assert.deepEqual(days.filter((d) => d.kind === 'holiday').map((d) => d.date).sort(), s.holidays.map((d) => d.date));
  assert.deepEqual(days.filter((d) => d.kind === 'workday').map((d) => d.date).sort(), s.workdays.map((d) => d.date));
  assert.ok(days.some((d) => d.date === '2025-04-04' && d.name === '清明'), 'the feed name is kept; import normalises it');
});

test('a folded SUMMARY is unfolded: the 2015 anniversary event and its Sunday worked', () => {
  const days = ok(feed(2015)).filter((d) => d.date >= '2015-09-01' && d.date <= '2015-09-10');
  const name = '中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日';
  assert.deepEqual(compact(days), [`2015-09-03 holiday ${name}`, `2015-09-04 holiday ${name}`, `2015-09-06 workday ${name}`]);
});

test('every known marker classifies an event', () => {
  const days = ok(
    calendar(
      ['DTSTART;VALUE=DATE:20270101', 'DTEND;VALUE=DATE:20270104', 'SUMMARY:元旦（休）'],
      ['DTSTART;VALUE=DATE:20270130', 'SUMMARY:春节补班'],
      ['DTSTART;VALUE=DATE:20270205', 'DURATION:P2D', 'SUMMARY:春节放假'],
      ['DTSTART:20270405', 'SUMMARY:Tomb-sweeping Day', 'X-APPLE-SPECIAL-DAY:WORK-HOLIDAY'],
      ['DTSTART;VALUE=DATE:20270501', 'SUMMARY:Labour Day(Holiday)'],
      ['DTSTART;VALUE=DATE:20270508', 'SUMMARY:Labour Day(Workday)'],
      ['DTSTART;VALUE=DATE:20270612', 'SUMMARY:端午', 'DESCRIPTION:休'],
      ['DTSTART;VALUE=DATE:20270925', 'SUMMARY:国庆节', 'X-APPLE-SPECIAL-DAY:ALTERNATE-WORKDAY', 'DESCRIPTION:班'],
    ),
  );
  assert.deepEqual(compact(days), [
    '2027-01-01 holiday 元旦',
    '2027-01-02 holiday 元旦',
    '2027-01-03 holiday 元旦',
    '2027-01-30 workday 春节',
    '2027-02-05 holiday 春节',
    '2027-02-06 holiday 春节',
    '2027-04-05 holiday Tomb-sweeping Day',
    '2027-05-01 holiday Labour Day',
    '2027-05-08 workday Labour Day',
    '2027-06-12 holiday 端午',
    '2027-09-25 workday 国庆节',
  ]);
});

test('cancelled events and components nested in an event are ignored; escaped text is read', () => {
  const days = ok(
    calendar(
      ['DTSTART;VALUE=DATE:20270101', 'SUMMARY:元旦(休)', 'BEGIN:VALARM', 'ACTION:DISPLAY', 'DESCRIPTION:班', 'END:VALARM'],
      ['DTSTART;VALUE=DATE:20270102', 'SUMMARY:元旦(休)', 'STATUS:CANCELLED'],
      ['DTSTART;VALUE=DATE:20270103', 'SUMMARY:元旦\\, 新年(休)'],
    ),
  );
  assert.deepEqual(compact(days), ['2027-01-01 holiday 元旦', '2027-01-03 holiday 元旦, 新年']);
});

test('an event that says neither rest nor work, or both, is rejected with its line', () => {
  const [none] = problems(calendar(['DTSTART;VALUE=DATE:20270101', 'SUMMARY:元旦']));
  assert.match(none!, /^第3行起的事件「元旦」：无法判断是放假还是上班/);
  const [both] = problems(calendar(['DTSTART;VALUE=DATE:20270101', 'SUMMARY:元旦(休)', 'X-APPLE-SPECIAL-DAY:ALTERNATE-WORKDAY']));
  assert.match(both!, /标记互相矛盾（SUMMARY 标为放假，X-APPLE-SPECIAL-DAY 标为上班）/);
  const [nameless] = problems(calendar(['DTSTART;VALUE=DATE:20270101', 'SUMMARY:(休)']));
  assert.match(nameless!, /SUMMARY 中没有节日名称/);
});

test('dates that are not whole real days are rejected, naming the line', () => {
  assert.match(problems(calendar(['DTSTART:20270210T090000', 'SUMMARY:春节(休)']))[0]!, /^第4行：DTSTART 带有时刻/);
  assert.match(problems(calendar(['DTSTART;VALUE=DATE:20270230', 'SUMMARY:春节(休)']))[0]!, /^第4行：DTSTART 的值「20270230」不是有效的日期/);
  assert.match(
    problems(calendar(['DTSTART;VALUE=DATE:20270210', 'DTEND;VALUE=DATE:20270210', 'SUMMARY:春节(休)']))[0]!,
    /^第5行：DTEND 应晚于 DTSTART/,
  );
  assert.match(problems(calendar(['DTSTART;VALUE=DATE:20270210', 'DURATION:PT8H', 'SUMMARY:春节(休)']))[0]!, /^第5行：DURATION「PT8H」应为整天数/);
  assert.match(problems(calendar(['SUMMARY:春节(休)']))[0]!, /缺少 DTSTART/);
  assert.match(
    problems(calendar(['DTSTART;VALUE=DATE:20270101', 'DTEND;VALUE=DATE:20270601', 'SUMMARY:春节(休)']))[0]!,
    /跨度 151 天/,
  );
  assert.match(problems(calendar(['DTSTART;VALUE=DATE:20270101', 'RRULE:FREQ=YEARLY', 'SUMMARY:元旦(休)']))[0]!, /不支持重复规则/);
});

test('a file that is not a whole calendar is rejected', () => {
  assert.match(problems('BEGIN:VEVENT\nEND:VEVENT\n')[0]!, /不是 iCalendar 文件：第1行应为 BEGIN:VCALENDAR/);
  assert.match(problems('BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:20270101\nSUMMARY:元旦(休)\nEND:VEVENT\n')[0]!, /缺少 END:VCALENDAR/);
  assert.match(problems('BEGIN:VCALENDAR\nBEGIN:VEVENT\nEND:VTODO\nEND:VCALENDAR\n')[0]!, /第3行：END:VTODO 与 BEGIN:VEVENT 不配对/);
  assert.deepEqual(problems('BEGIN:VCALENDAR\nEND:VCALENDAR\n'), ['文件中没有任何事件（VEVENT）']);
});
