// The bridge from a case to the statutory clock. The end-to-end case is compared with the `gongkai deadline`
// engine (src/clock: parseTimeline + computeDeadline) run on the equivalent JSON timeline typed by hand, and
// with dates worked out by hand from the official 2024 schedule (国庆节 10-01..10-07; 调休 09-29, 10-12).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dayOf, isoOf } from '../calendar/dates.ts';
import { loadCalendar } from '../calendar/store.ts';
import { parseTimeline } from '../clock/input.ts';
import { DEFAULT_CUTOVER } from '../clock/law.ts';
import { computeDeadline } from '../clock/model.ts';
import { toOutput } from '../clock/output.ts';
import { deadlineOf, timelineOf } from './clock.ts';
import { decide } from './lifecycle.ts';
import { caseStateOf, type Action, type Actor, type CaseEvent } from './model.ts';

const calendar = loadCalendar();
const applicant: Actor = { userId: null, role: 'applicant', agencyId: null };
const office: Actor = { userId: 1, role: 'office', agencyId: 10 };
const handler: Actor = { userId: 2, role: 'handler', agencyId: 20 };
const leader: Actor = { userId: 3, role: 'leader', agencyId: 10 };

/** Plays the steps through decide(), each on its own "today"; every step must be accepted. */
function play(steps: [Action, Actor, string][], from: CaseEvent[] = []): CaseEvent[] {
  const events = [...from];
  for (const [action, actor, today] of steps) {
    const d = decide(events, action, actor, { today, now: `${today}T02:00:00.000Z`, calendar });
    if (!d.ok) assert.fail(`${action.type} on ${today}: ${d.message}`);
    events.push(d.event);
  }
  return events;
}

/** The engine of `gongkai deadline` on a JSON timeline. */
function engine(json: object) {
  const parsed = parseTimeline(JSON.stringify(json), { today: '2030-01-01', cutover: DEFAULT_CUTOVER });
  if (!parsed.ok) assert.fail(parsed.errors.join('\n'));
  return toOutput(computeDeadline(parsed.timeline, calendar, { explain: true }));
}

const registered = (on: string): CaseEvent[] =>
  play([[{ type: 'register', on, data: { agencyId: 10, channel: 'post' } }, office, on]]);

test('end to end: online 2024-09-27, signed on the 调休 Sunday 09-29, 补正, extension, 部分公开, delivered — as the engine says', () => {
  const events = play([
    [{ type: 'submit', on: '2024-09-27', data: { agencyId: 10, channel: 'online' } }, applicant, '2024-09-27'],
    [{ type: 'sign', data: {} }, office, '2024-09-29'],
    [{ type: 'assign', data: { departmentId: 20 } }, office, '2024-09-29'],
    [{ type: 'request_correction', data: { items: '请写明所需文件的名称或文号', periodEnd: '2024-10-18' } }, handler, '2024-09-30'],
    [{ type: 'correction_received', data: {} }, office, '2024-10-09'],
    [{ type: 'request_extension', data: {}, reason: '需调取多年档案' }, handler, '2024-10-28'],
    [{ type: 'approve_extension', data: {} }, leader, '2024-10-30'],
    [{ type: 'reply', data: { replyType: 'partially_disclosed', legalBasis: '《条例》第三十七条', subReason: '部分内容涉及个人隐私' } }, handler, '2024-11-20'],
    [{ type: 'deliver', data: { method: 'postal' } }, office, '2024-11-22'],
  ]);
  assert.equal(caseStateOf(events).state, 'closed');

  const ours = deadlineOf(events, calendar, '2024-12-31', { explain: true });
  assert.ok(ours);
  const theirs = engine({
    receivedOn: '2024-09-29',
    events: [
      { type: 'correction_requested', on: '2024-09-30' },
      { type: 'correction_received', on: '2024-10-09' },
      { type: 'extended', on: '2024-10-30' },
      { type: 'answered', on: '2024-11-22' },
    ],
    asOf: '2024-12-31',
  });
  const { caseStatus, endedOn, ...deadline } = ours;
  assert.deepEqual(toOutput(deadline), theirs);
  assert.deepEqual([caseStatus, endedOn], ['answered_on_time', null]);
  // By hand. Receipt 09-29 (调休, a working day). 补正 notice due within 7: 09-30(1) [10-01..07] 10-08(2) 09 10 11(5)
  // 10-12调(6) 10-14(7). Restart 10-09: 10(1) 11(2) 12调(3) 14..18(8) 21..25(13) 28..31(17) 11-01(18) 04 05(20) →
  // base due 11-05; extended on 10-30 (in time): 11-06..08(3) 11..15(8) 18..22(13) 25..29(18) 12-02 12-03(20).
  assert.deepEqual(
    {
      start: theirs.start,
      correctionNoticeDue: theirs.correctionNoticeDue,
      baseDue: theirs.baseDue,
      due: theirs.due,
      answeredOn: theirs.answeredOn,
      status: theirs.status,
    },
    { start: '2024-10-09', correctionNoticeDue: '2024-10-14', baseDue: '2024-11-05', due: '2024-12-03', answeredOn: '2024-11-22', status: 'answered_on_time' },
  );
});

test('not received yet (online, not signed): no timeline, no deadline', () => {
  const submitted = play([[{ type: 'submit', data: { agencyId: 10, channel: 'online' } }, applicant, '2024-09-27']]);
  assert.equal(timelineOf(submitted, '2024-10-01'), null);
  assert.equal(deadlineOf(submitted, calendar, '2024-10-01'), null);
  const signed = play([[{ type: 'sign', data: {} }, office, '2024-09-29']], submitted);
  assert.equal(deadlineOf(signed, calendar, '2024-09-28'), null, 'as of a day before the receipt');
});

test('a reply made but not delivered does not stop the clock; the delivery day does', () => {
  // received 2024-10-08 → due 2024-11-04 (10-09(1) … 11-01(19) 11-04(20))
  const answered = play([[{ type: 'reply', on: '2024-11-01', data: { replyType: 'disclosed', legalBasis: '第三十六条' } }, office, '2024-11-01']], registered('2024-10-08'));
  const before = deadlineOf(answered, calendar, '2024-11-05')!;
  assert.deepEqual([isoOf(before.due!), before.status, before.answeredOn], ['2024-11-04', 'overdue', null]);
  const late = play([[{ type: 'deliver', data: { method: 'postal' } }, office, '2024-11-05']], answered);
  const after = deadlineOf(late, calendar, '2024-11-30')!;
  assert.deepEqual([isoOf(after.answeredOn!), after.status, after.caseStatus], ['2024-11-05', 'answered_late', 'answered_late']);
  // As of a day before the delivery the case is read as it stood then: not answered yet.
  assert.equal(deadlineOf(late, calendar, '2024-11-04')!.status, 'open');
});

test('only an approved extension reaches the clock, on the approval day', () => {
  const requested = play([[{ type: 'request_extension', on: '2024-10-28', data: {}, reason: '复杂' }, office, '2024-10-28']], registered('2024-10-08'));
  assert.deepEqual(timelineOf(requested, '2024-11-01')!.events, []);
  const rejected = play([[{ type: 'reject_extension', on: '2024-10-29', data: {} }, leader, '2024-10-29']], requested);
  assert.deepEqual(timelineOf(rejected, '2024-11-01')!.events, []);
  const again = play(
    [
      [{ type: 'request_extension', on: '2024-10-30', data: {}, reason: '补充理由' }, office, '2024-10-30'],
      [{ type: 'approve_extension', on: '2024-10-31', data: {} }, leader, '2024-10-31'],
    ],
    rejected,
  );
  assert.deepEqual(timelineOf(again, '2024-11-01')!.events, [{ type: 'extended', on: dayOf('2024-10-31') }]);
  assert.equal(deadlineOf(again, calendar, '2024-11-01')!.extended, true);
});

test('overlapping consultations reach the clock as their union, with the fee pause beside them', () => {
  const events = play(
    [
      [{ type: 'start_consultation', on: '2024-10-10', data: { party: 'third_party' } }, office, '2024-10-10'],
      [{ type: 'start_consultation', on: '2024-10-15', data: { party: 'agency' } }, office, '2024-10-15'],
      [{ type: 'end_consultation', on: '2024-10-21', data: { startSeq: 2, replied: true } }, office, '2024-10-21'],
      [{ type: 'fee_notice', on: '2024-10-22', data: { amount: 100, basis: '按件', payBy: '2024-11-30' } }, office, '2024-10-22'],
      [{ type: 'end_consultation', on: '2024-10-25', data: { startSeq: 3, replied: false } }, office, '2024-10-25'],
      [{ type: 'fee_paid', on: '2024-10-28', data: {} }, office, '2024-10-28'],
      [{ type: 'start_consultation', on: '2024-10-30', data: { party: 'agency' } }, office, '2024-10-30'],
    ],
    registered('2024-10-08'),
  );
  const timeline = timelineOf(events, '2024-11-01')!;
  assert.deepEqual(
    timeline.events.map((e) => [e.type, isoOf(e.on)]),
    [
      ['consultation_started', '2024-10-10'],
      ['fee_notified', '2024-10-22'],
      ['consultation_ended', '2024-10-25'],
      ['fee_paid', '2024-10-28'],
      ['consultation_started', '2024-10-30'],
    ],
  );
  // The same dates as a JSON timeline for the engine (one consultation at a time, as its input requires).
  const json = {
    receivedOn: '2024-10-08',
    events: timeline.events.map((e) => ({ type: e.type, on: isoOf(e.on) })),
    asOf: '2024-11-01',
  };
  const theirs = engine(json);
  const ours = deadlineOf(events, calendar, '2024-11-01', { explain: true })!;
  assert.equal(ours.status, 'paused'); // the consultation opened 10-30 is still open
  const { caseStatus: _, endedOn: __, ...deadline } = ours;
  assert.deepEqual(toOutput(deadline), theirs);

  // Once the last consultation ends (10-31): the merged pause 10-10..10-28 removes 10-11 12调 14..18 21..25 28
  // (13 working days) and 10-30..10-31 removes 10-31 (1).
  const closed = play([[{ type: 'end_consultation', on: '2024-10-31', data: { replied: true } }, office, '2024-10-31']], events);
  const d = deadlineOf(closed, calendar, '2024-11-01')!;
  assert.equal(d.pausedWorkingDays, 14);
  // 10-09(1) 10(2) 29(3) 30(4) 11-01(5) 04..08(10) 11..15(15) 18..22(20)
  assert.equal(isoOf(d.due!), '2024-11-22');
});

test('an art. 35 deadline replaces the computed due date', () => {
  const events = play([[{ type: 'custom_deadline', on: '2024-10-20', data: { due: '2024-12-31' }, reason: '一次申请600项' }, office, '2024-10-20']], registered('2024-10-08'));
  const d = deadlineOf(events, calendar, '2024-11-20')!;
  assert.deepEqual([isoOf(d.computedDue!), isoOf(d.due!), d.status, d.customDeadline?.reason], ['2024-11-04', '2024-12-31', 'open', '一次申请600项']);
  // Before the day it was decided, the case had no such deadline.
  assert.equal(deadlineOf(events, calendar, '2024-10-19')!.customDeadline, null);
});

test('withdrawn: the clock is read as of the withdrawal day and the case status says 已撤回', () => {
  const events = play([[{ type: 'withdraw', on: '2024-11-06', data: {} }, applicant, '2024-11-06']], registered('2024-10-08'));
  const d = deadlineOf(events, calendar, '2025-06-30', { explain: true })!;
  assert.deepEqual([d.caseStatus, d.status, isoOf(d.asOf), isoOf(d.endedOn!), d.remainingWorkingDays], ['withdrawn', 'overdue', '2024-11-06', '2024-11-06', -2]);
  assert.match(d.steps.at(-1)!, /^2024-11-06（周三）申请人撤回申请，行政机关不再处理，本案终结/);
  // Before the withdrawal, the case was simply open.
  const earlier = deadlineOf(events, calendar, '2024-10-20')!;
  assert.deepEqual([earlier.caseStatus, earlier.endedOn], ['open', null]);
});

test('补正 or fee lapsed: 视为放弃, the clock paused on the day it ended', () => {
  const correction = play(
    [
      [{ type: 'request_correction', on: '2024-10-09', data: { items: '文号', periodEnd: '2024-10-18' } }, office, '2024-10-09'],
      [{ type: 'correction_lapsed', on: '2024-10-21', data: {} }, office, '2024-10-21'],
    ],
    registered('2024-10-08'),
  );
  const d = deadlineOf(correction, calendar, '2024-12-31')!;
  assert.deepEqual([d.caseStatus, d.status, d.awaitingCorrection, isoOf(d.endedOn!)], ['abandoned', 'paused', true, '2024-10-21']);

  const fee = play(
    [
      [{ type: 'fee_notice', on: '2022-03-01', data: { amount: 200, basis: '按件', payBy: '2022-03-29' } }, office, '2022-03-01'],
      [{ type: 'fee_lapsed', on: '2022-03-30', data: {} }, office, '2022-03-30'],
    ],
    registered('2022-03-01'),
  );
  const f = deadlineOf(fee, calendar, '2022-12-31', { explain: true })!;
  assert.deepEqual([f.caseStatus, f.status, isoOf(f.endedOn!)], ['abandoned', 'paused', '2022-03-30']);
  assert.match(f.steps.at(-1)!, /申请人逾期未按收费通知要求缴纳费用，视为放弃申请/);
  // With the fee not pausing the clock (configurable), the same case was overdue when it lapsed.
  assert.equal(deadlineOf(fee, calendar, '2022-12-31', { feePausesClock: false })!.status, 'overdue');
});

test('条例2008 cases run 15 working days', () => {
  const d = deadlineOf(registered('2018-03-01'), calendar, '2018-03-01')!;
  // 03-02(1) 05..09(6) 12..16(11) 19..22(15)
  assert.deepEqual([d.regime, isoOf(d.due!)], ['2008', '2018-03-22']);
});
