// The timeline checks: every kind of malformed or senseless input is refused with a Chinese message that
// names the field; nothing is guessed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dayOf } from '../calendar/dates.ts';
import { parseTimeline } from './input.ts';
import { DEFAULT_CUTOVER } from './law.ts';

const context = { today: '2024-12-01', cutover: DEFAULT_CUTOVER };

function errorsOf(input: unknown): string[] {
  const result = parseTimeline(typeof input === 'string' ? input : JSON.stringify(input), context);
  assert.equal(result.ok, false, 'expected the input to be refused');
  return result.ok ? [] : result.errors;
}

function refuses(input: unknown, ...patterns: RegExp[]): void {
  const errors = errorsOf(input).join('\n');
  for (const p of patterns) assert.match(errors, p);
}

const ev = (type: string, on: string, extra: object = {}) => ({ type, on, ...extra });

test('a valid timeline: dates become day numbers, events sorted by date, asOf defaults to today', () => {
  const result = parseTimeline(
    JSON.stringify({
      receivedOn: '2024-09-27',
      events: [ev('answered', '2024-10-20'), ev('consultation_started', '2024-10-08'), ev('consultation_ended', '2024-10-10')],
    }),
    context,
  );
  assert.ok(result.ok);
  assert.deepEqual(result.timeline, {
    receivedOn: dayOf('2024-09-27'),
    asOf: dayOf('2024-12-01'),
    events: [
      { type: 'consultation_started', on: dayOf('2024-10-08') },
      { type: 'consultation_ended', on: dayOf('2024-10-10') },
      { type: 'answered', on: dayOf('2024-10-20') },
    ],
  });
});

test('a byte-order mark or surrounding blanks do not matter; the reason is trimmed', () => {
  const result = parseTimeline(
    '\uFEFF {"receivedOn":"2024-09-27","events":[{"type":"custom_deadline","on":"2024-12-31","reason":"  数量过大 "}]}\n',
    context,
  );
  assert.ok(result.ok);
  assert.equal(result.timeline.events[0]!.reason, '数量过大');
});

test('not JSON', () => refuses('{"receivedOn": "2024-09-27",', /^输入不是有效的 JSON/));
test('empty input', () => refuses('', /输入不是有效的 JSON/));
test('JSON that is not an object', () => {
  refuses('[]', /^输入：输入应为 JSON 对象/);
  refuses('null', /^输入：输入应为 JSON 对象/);
});

test('missing receipt date', () => refuses({ events: [] }, /^receivedOn：缺少收到申请之日$/));
test('receipt date of the wrong type', () => refuses({ receivedOn: 20240927 }, /receivedOn：收到申请之日应为 YYYY-MM-DD 格式的字符串/));
test('malformed date', () => refuses({ receivedOn: '2024/09/27' }, /receivedOn：日期格式应为 YYYY-MM-DD，收到 "2024\/09\/27"/));
test('impossible date', () => refuses({ receivedOn: '2023-02-29' }, /receivedOn：2023-02-29 不是实际存在的日期/));
test('date beyond the supported range', () => refuses({ receivedOn: '2150-01-01' }, /receivedOn：2150-01-01 超出支持的范围/));
test('receipt before 条例2008 came into force', () => refuses({ receivedOn: '2008-04-30' }, /receivedOn：2008-04-30 早于《政府信息公开条例》施行之日 2008-05-01/));
test('malformed asOf', () => refuses({ receivedOn: '2024-09-27', asOf: '2024-13-01' }, /asOf：2024-13-01 不是实际存在的日期/));
test('asOf before the receipt', () => refuses({ receivedOn: '2024-09-27', asOf: '2024-09-26' }, /asOf：计算基准日 2024-09-26 早于收到申请之日 2024-09-27/));
test('a receipt after today when asOf is not given', () => {
  refuses({ receivedOn: '2024-12-02' }, /receivedOn：收到申请之日 2024-12-02 晚于今天 2024-12-01（未给出 asOf 时以今天为计算基准日）/);
});

test('unknown top-level field', () => {
  refuses({ receivedOn: '2024-09-27', recievedOn: '2024-09-27' }, /^输入：未知字段 "recievedOn"（可用字段：receivedOn、events、asOf）/);
});

test('events is not an array', () => refuses({ receivedOn: '2024-09-27', events: {} }, /events：events 应为事件数组/));
test('an event that is not an object', () => refuses({ receivedOn: '2024-09-27', events: ['answered'] }, /events\[0\]：每个事件应为对象/));

test('unknown event type, with the list of known ones', () => {
  refuses(
    { receivedOn: '2024-09-27', events: [ev('answered', '2024-10-01'), ev('correction_received', '2024-10-02'), ev('foo', '2024-10-03')] },
    /events\[2\]\.type：未知的事件类型 "foo"，可用：correction_requested、correction_received、consultation_started、/,
  );
});

test('missing event type and date', () => {
  refuses({ receivedOn: '2024-09-27', events: [{}] }, /events\[0\]\.type：缺少事件类型/, /events\[0\]\.on：缺少事件日期/);
});

test('unknown event field', () => {
  refuses({ receivedOn: '2024-09-27', events: [ev('answered', '2024-10-01', { date: 'x' })] }, /events\[0\]：未知字段 "date"（可用字段：type、on、reason）/);
});

test('malformed event date', () => refuses({ receivedOn: '2024-09-27', events: [ev('answered', '2024-10-1')] }, /events\[0\]\.on：日期格式应为 YYYY-MM-DD/));

test('an event before the receipt', () => {
  refuses({ receivedOn: '2024-09-27', events: [ev('answered', '2024-09-26')] }, /events\[0\]\.on：2024-09-26 早于收到申请之日 2024-09-27/);
});

test('custom deadline without reason, or with a blank one', () => {
  refuses({ receivedOn: '2024-09-27', events: [ev('custom_deadline', '2024-12-31')] }, /events\[0\]\.reason：依第三十五条确定答复期限必须写明理由/);
  refuses({ receivedOn: '2024-09-27', events: [ev('custom_deadline', '2024-12-31', { reason: '  ' })] }, /events\[0\]\.reason：/);
});

test('reason of the wrong type', () => {
  refuses({ receivedOn: '2024-09-27', events: [ev('custom_deadline', '2024-12-31', { reason: 1 })] }, /events\[0\]\.reason：理由应为字符串/);
});

test('custom deadline under 条例2008', () => {
  refuses({ receivedOn: '2018-03-01', events: [ev('custom_deadline', '2018-06-01', { reason: '数量过大' })] }, /events\[0\]：custom_deadline（第三十五条）只适用于条例2019/);
});

test('an end without its start', () => {
  refuses({ receivedOn: '2024-09-27', events: [ev('consultation_ended', '2024-10-10')] }, /events\[0\]（consultation_ended，2024-10-10）：此前没有对应的 consultation_started/);
  refuses({ receivedOn: '2024-09-27', events: [ev('fee_paid', '2024-10-10')] }, /events\[0\]（fee_paid，2024-10-10）：此前没有对应的 fee_notified/);
  refuses({ receivedOn: '2024-09-27', events: [ev('correction_received', '2024-10-10')] }, /events\[0\]（correction_received，2024-10-10）：此前没有对应的 correction_requested/);
});

test('a correction received before it was requested', () => {
  refuses(
    { receivedOn: '2024-09-27', events: [ev('correction_requested', '2024-10-10'), ev('correction_received', '2024-10-08')] },
    /events\[1\]（correction_received，2024-10-08）：此前没有对应的 correction_requested/,
  );
});

test('an end before its start', () => {
  refuses(
    { receivedOn: '2024-09-27', events: [ev('consultation_started', '2024-10-10'), ev('consultation_ended', '2024-10-09')] },
    /events\[1\]（consultation_ended，2024-10-09）：此前没有对应的 consultation_started/,
  );
});

test('a second start before the first ended', () => {
  refuses(
    { receivedOn: '2024-09-27', events: [ev('consultation_started', '2024-10-08'), ev('consultation_started', '2024-10-10')] },
    /events\[1\]（consultation_started，2024-10-10）：上一次征求意见（events\[0\]（consultation_started，2024-10-08））尚未结束/,
  );
});

test('two answers, two extensions, two custom deadlines', () => {
  refuses({ receivedOn: '2024-09-27', events: [ev('answered', '2024-10-08'), ev('answered', '2024-10-10')] }, /events\[1\]（answered，2024-10-10）：answered 只能有一个/);
  refuses({ receivedOn: '2024-09-27', events: [ev('extended', '2024-10-08'), ev('extended', '2024-10-10')] }, /extended 只能有一个/);
  refuses(
    { receivedOn: '2024-09-27', events: [ev('custom_deadline', '2024-12-08', { reason: 'a' }), ev('custom_deadline', '2024-12-10', { reason: 'b' })] },
    /custom_deadline 只能有一个/,
  );
});

test('clock events after the answer', () => {
  refuses(
    { receivedOn: '2024-09-27', events: [ev('answered', '2024-10-08'), ev('extended', '2024-10-10')] },
    /events\[1\]（extended，2024-10-10）：晚于答复日 2024-10-08，答复之后不能再有计时事件/,
  );
});

test('a custom deadline after the answer is fine (it is a date, not an act)', () => {
  const result = parseTimeline(
    JSON.stringify({ receivedOn: '2024-09-27', events: [ev('answered', '2024-10-08'), ev('custom_deadline', '2024-12-31', { reason: '数量过大' })] }),
    context,
  );
  assert.ok(result.ok);
});

test('too many events', () => {
  const events = Array.from({ length: 1001 }, () => ev('answered', '2024-10-08'));
  refuses({ receivedOn: '2024-09-27', events }, /events：事件不能超过 1000 个/);
});

test('every problem is reported, not only the first', () => {
  const errors = errorsOf({ receivedOn: '2024-09-27', events: [ev('foo', '2024-10-01'), ev('answered', '2024-02-30')] });
  assert.equal(errors.length, 2);
});
