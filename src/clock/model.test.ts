// Deadlines worked out by hand from clock.md, rules.md and the official schedules in src/calendar/data:
// each expected date is a literal, with the count that gives it (n = the n-th counted working day; 调 = a
// 调休 weekend working day; [..] = days skipped). Never computed with the engine or the calendar index.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseIsoDate } from '../calendar/dates.ts';
import { loadCalendar } from '../calendar/store.ts';
import { parseTimeline } from './input.ts';
import { DEFAULT_CUTOVER } from './law.ts';
import { computeDeadline, type EventType } from './model.ts';
import { toOutput, type DeadlineOutput } from './output.ts';

const calendar = loadCalendar();

type Ev = [EventType, string] | [EventType, string, string];

function deadline(
  receivedOn: string,
  events: Ev[] = [],
  options: { asOf?: string; cutover?: string; feePausesClock?: boolean } = {},
): DeadlineOutput {
  const text = JSON.stringify({
    receivedOn,
    events: events.map(([type, on, reason]) => (reason === undefined ? { type, on } : { type, on, reason })),
    asOf: options.asOf ?? receivedOn,
  });
  const cutover = options.cutover === undefined ? DEFAULT_CUTOVER : parseIsoDate(options.cutover)!;
  const input = parseTimeline(text, { today: '2030-01-01', cutover });
  if (!input.ok) throw new Error(input.errors.join('\n'));
  const d = computeDeadline(input.timeline, calendar, { cutover, feePausesClock: options.feePausesClock, explain: true });
  return toOutput(d);
}

/** Asserts the listed fields only. */
function expectFields(actual: DeadlineOutput, expected: Partial<DeadlineOutput>): void {
  const picked = Object.fromEntries(Object.keys(expected).map((k) => [k, actual[k as keyof DeadlineOutput]]));
  assert.deepStrictEqual(picked, expected);
}

const stepsOf = (d: DeadlineOutput) => d.steps.join('\n');

// --- Counting, 调休, day 0 ---------------------------------------------------------------------------

test('acceptance: 2024-09-27 → 2024-10-30, 调休 09-29 and 10-12 counted, National Day skipped', () => {
  // 09-29调(1) 09-30(2) [10-01..07] 10-08(3) 09 10 11(6) 10-12调(7) 14..18(12) 21..25(17) 28 29 30(20)
  const d = deadline('2024-09-27', [], { asOf: '2024-10-20' });
  expectFields(d, {
    regime: '2019',
    start: '2024-09-27',
    baseDue: '2024-10-30',
    due: '2024-10-30',
    pausedWorkingDays: 0,
    extended: false,
    extensionLate: false,
    provisional: false,
    status: 'open',
    remainingWorkingDays: 8, // 10-21 22 23 24 25 28 29 30
  });
  assert.match(stepsOf(d), /国庆节 2024-10-01（周二）至 2024-10-07（周一）/);
  assert.match(stepsOf(d), /2024-09-29（周日，国庆节调休上班）、2024-10-12（周六，国庆节调休上班）/);
});

test('correction notice due is the 7th working day after receipt, a 调休 Saturday here', () => {
  // 09-29调(1) 09-30(2) 10-08(3) 09(4) 10(5) 11(6) 10-12调(7)
  expectFields(deadline('2024-09-27'), { correctionNoticeDue: '2024-10-12', correctionNoticeLate: false });
});

test('receipt on a holiday (National Day, Tuesday): day 0 all the same', () => {
  // [10-01..07] 10-08(1) 09 10 11(4) 12调(5) 14..18(10) 21..25(15) 28..31(19) 11-01(20)
  const d = deadline('2024-10-01');
  expectFields(d, { due: '2024-11-01' });
  assert.match(d.steps[1]!, /2024-10-01（周二）为第 0 日.*国庆节假日，不是工作日，但仍为第 0 日/);
});

test('receipt on a weekend day inside a holiday (2024-10-05, Saturday) is named as the holiday', () => {
  // same count as from 10-01: 10-08(1) … 11-01(20)
  const d = deadline('2024-10-05');
  expectFields(d, { due: '2024-11-01' });
  assert.match(d.steps[1]!, /国庆节假日/);
});

test('receipt on an ordinary Saturday, Dragon Boat Monday skipped', () => {
  // 2024-06-01 Sat: 06-03..07(5) [06-10 端午节] 11..14(9) 17..21(14) 24..28(19) 07-01(20)
  const d = deadline('2024-06-01');
  expectFields(d, { due: '2024-07-01' });
  assert.match(d.steps[1]!, /该日为周末，不是工作日，但仍为第 0 日/);
  assert.match(stepsOf(d), /端午节 2024-06-10（周一）/);
});

test('receipt on a 调休 make-up Saturday (2024-10-12)', () => {
  // 10-14(1) … 18(5) 21..25(10) 28..31(14) 11-01(15) 04..07(19) 11-08(20)
  const d = deadline('2024-10-12');
  expectFields(d, { due: '2024-11-08' });
  assert.match(d.steps[1]!, /国庆节调休上班日，是工作日/);
});

test('plain month with no holiday: 2023-03-03 → 2023-03-31', () => {
  // 03-06..10(5) 13..17(10) 20..24(15) 27..31(20)
  expectFields(deadline('2023-03-03'), { due: '2023-03-31', correctionNoticeDue: '2023-03-14' });
  // notice: 03-06..10(5) 13(6) 14(7)
});

test('Spring Festival 2024: both 调休 Sundays counted', () => {
  // 2024-02-01 Thu: 02-02(1) 02-04调(2) 05..09(7) [02-10..17] 02-18调(8) 19..23(13) 26..29(17) 03-01(18) 04(19) 05(20)
  expectFields(deadline('2024-02-01'), { due: '2024-03-05' });
});

test('Spring Festival 2020 extended to 02-02 by the State Council', () => {
  // 2020-01-17 Fri: 01-19调(1) 20..23(5) [01-24..02-02] 02-03..07(10) 10..14(15) 17..21(20)
  const d = deadline('2020-01-17');
  expectFields(d, { due: '2020-02-21' });
  assert.match(stepsOf(d), /春节 2020-01-24（周五）至 2020-01-31（周五）/);
});

test('Spring Festival 2026 (nine days), 调休 Saturdays 02-14 and 02-28', () => {
  // 2026-02-10 Tue: 11 12 13(3) 14调(4) [02-15..23] 24..27(8) 28调(9) 03-02..06(14) 09..13(19) 16(20)
  expectFields(deadline('2026-02-10'), { due: '2026-03-16' });
});

test('Spring Festival 2009 under 条例2008 (15 working days)', () => {
  // 2009-01-20 Tue: 21 22 23(3) 24调(4) [01-25..31] 02-01调(5) 02..06(10) 09..13(15)
  expectFields(deadline('2009-01-20'), { regime: '2008', due: '2009-02-13' });
});

test('Spring Festival 2011 under 条例2008, 调休 Sunday and Saturday', () => {
  // 2011-01-28 Fri: 01-30调(1) 31(2) 02-01(3) [02-02..08] 09 10 11(6) 12调(7) 14..18(12) 21 22 23(15)
  expectFields(deadline('2011-01-28'), { due: '2011-02-23' });
});

test('National Day 2019 with the 09-29 and 10-12 调休 days', () => {
  // 2019-09-20 Fri: 23..27(5) 29调(6) 30(7) [10-01..07] 08..11(11) 12调(12) 14..18(17) 21 22 23(20)
  expectFields(deadline('2019-09-20'), { due: '2019-10-23' });
});

test('Mid-Autumn and National Day 2023 back to back, two 调休 weekend days', () => {
  // 2023-09-27 Wed: 28(1) [09-29..10-06] 10-07调(2) 10-08调(3) 09..13(8) 16..20(13) 23..27(18) 30 31(20)
  expectFields(deadline('2023-09-27'), { due: '2023-10-31' });
});

test('National Day 2012 under 条例2008', () => {
  // 2012-09-25 Tue: 26 27 28(3) 29调(4) [09-30..10-07] 08..12(9) 15..19(14) 22(15)
  expectFields(deadline('2012-09-25'), { regime: '2008', due: '2012-10-22' });
});

test('the one-off holiday of 2015-09-03 (70th anniversary) and its 调休 Sunday', () => {
  // 2015-08-31 Mon: 09-01 02(2) [03 04] 06调(3) 07..11(8) 14..18(13) 21 22(15)
  const d = deadline('2015-08-31');
  expectFields(d, { regime: '2008', due: '2015-09-22' });
  assert.match(stepsOf(d), /胜利70周年纪念日 2015-09-03（周四）至 2015-09-04（周五）/);
});

// --- Which rules apply ---------------------------------------------------------------------------

test('cut-over: received 2019-05-14 → 条例2008, 15 working days', () => {
  // 05-15..17(3) 20..24(8) 27..31(13) 06-03 04(15)
  const d = deadline('2019-05-14');
  expectFields(d, { regime: '2008', due: '2019-06-04' });
  assert.match(d.steps[0]!, /早于新旧条例切换日 2019-05-15，适用条例2008/);
});

test('cut-over: received 2019-05-15 → 条例2019, 20 working days, Dragon Boat Friday skipped', () => {
  // 05-16 17(2) 20..24(7) 27..31(12) 06-03..06(16) [06-07] 10..13(20)
  expectFields(deadline('2019-05-15'), { regime: '2019', due: '2019-06-13' });
});

test('the cut-over date is configurable', () => {
  // cutover 2019-05-01, received 2019-05-14 → 20 days: 05-15..17(3) 20..24(8) 27..31(13) 06-03..06(17) 10..12(20)
  expectFields(deadline('2019-05-14', [], { cutover: '2019-05-01' }), { regime: '2019', due: '2019-06-12' });
});

// --- 补正 -------------------------------------------------------------------------------------------

test('correction restarts the period from the day the corrected application arrived', () => {
  // start 2024-03-15 Fri: 18..22(5) 25..29(10) 04-01..03(13) [04-04..06] 04-07调(14) 08..12(19) 15(20)
  const d = deadline('2024-03-01', [
    ['correction_requested', '2024-03-05'],
    ['correction_received', '2024-03-15'],
  ]);
  expectFields(d, {
    start: '2024-03-15',
    correctionNoticeDue: '2024-03-12', // 03-04..08(5) 11(6) 12(7)
    correctionNoticeLate: false,
    due: '2024-04-15',
  });
  assert.match(stepsOf(d), /2024-03-15（周五）收到补正后的申请：答复期限自该日重新计算/);
});

test('several corrections: the last corrected application starts the period', () => {
  // start 2024-03-22 Fri: 25..29(5) 04-01..03(8) 04-07调(9) 08..12(14) 15..19(19) 22(20)
  const d = deadline('2024-03-01', [
    ['correction_requested', '2024-03-05'],
    ['correction_received', '2024-03-15'],
    ['correction_requested', '2024-03-18'],
    ['correction_received', '2024-03-22'],
  ]);
  expectFields(d, { start: '2024-03-22', due: '2024-04-22', correctionNoticeLate: false });
});

test('a correction notice after the 7th working day is flagged, the reply can still be on time', () => {
  // notice due 03-12; requested 03-13 → late. start 03-14 Thu: 15(1) 18..22(6) 25..29(11) 04-01..03(14) 07调(15) 08..12(20)
  const d = deadline('2024-03-01', [
    ['correction_requested', '2024-03-13'],
    ['correction_received', '2024-03-14'],
    ['answered', '2024-04-12'],
  ]);
  expectFields(d, { correctionNoticeLate: true, due: '2024-04-12', status: 'answered_on_time', marginWorkingDays: 0 });
  assert.match(stepsOf(d), /补正通知逾期/);
});

test('awaiting the corrected application: no start, no due, paused; notice on its last day is on time', () => {
  const d = deadline('2024-03-01', [['correction_requested', '2024-03-12']], { asOf: '2024-03-20' });
  expectFields(d, {
    start: null,
    awaitingCorrection: true,
    correctionNoticeLate: false,
    baseDue: null,
    due: null,
    status: 'paused',
    remainingWorkingDays: null,
  });
  assert.match(stepsOf(d), /等待申请人补正，计时暂停/);
});

test('answered while awaiting the correction: on time, no due date', () => {
  const d = deadline('2024-03-01', [
    ['correction_requested', '2024-03-05'],
    ['answered', '2024-05-10'],
  ]);
  expectFields(d, { status: 'answered_on_time', due: null, marginWorkingDays: null });
});

// --- Pauses -----------------------------------------------------------------------------------------

test('overlapping consultation and fee pauses are merged; a 调休 Saturday inside is removed too', () => {
  // 2024-05-06 Mon; pause (05-08, 05-22]: 09 10, 11调, 13..17, 20 21 22 = 11 working days
  // 07(1) 08(2) [pause] 23 24(4) 27..31(9) 06-03..07(14) [06-10 端午] 11..14(18) 17 18(20)
  const d = deadline('2024-05-06', [
    ['consultation_started', '2024-05-08'],
    ['fee_notified', '2024-05-15'],
    ['consultation_ended', '2024-05-17'],
    ['fee_paid', '2024-05-22'],
  ]);
  expectFields(d, {
    due: '2024-06-18',
    pausedWorkingDays: 11,
    pauses: [{ from: '2024-05-08', to: '2024-05-22', kinds: ['consultation', 'fee'], removedWorkingDays: 11 }],
  });
  assert.match(stepsOf(d), /相互重叠或衔接，合并为 2024-05-08（周三）至 2024-05-22（周三）：其间 11 个工作日不计入期限/);
});

test('pauses that touch (one ends the day the other starts) merge into one', () => {
  // pause (10-08, 10-14]: 09 10 11, 12调, 14 = 5 working days
  // 09-29调(1) 30(2) 10-08(3) [pause] 15..18(7) 21..25(12) 28..31(16) 11-01(17) 04 05 06(20)
  const d = deadline('2024-09-27', [
    ['consultation_started', '2024-10-08'],
    ['consultation_ended', '2024-10-10'],
    ['fee_notified', '2024-10-10'],
    ['fee_paid', '2024-10-14'],
  ]);
  expectFields(d, { due: '2024-11-06', pausedWorkingDays: 5 });
  assert.equal(d.pauses.length, 1);
});

test('two consultations one after the other both pause the clock', () => {
  // removed: 10-09 10 (first), 10-15 (second) = 3
  // 09-29调(1) 30(2) 10-08(3) 11(4) 12调(5) 14(6) 16 17 18(9) 21..25(14) 28..31(18) 11-01(19) 04(20)
  const d = deadline('2024-09-27', [
    ['consultation_started', '2024-10-08'],
    ['consultation_ended', '2024-10-10'],
    ['consultation_started', '2024-10-14'],
    ['consultation_ended', '2024-10-15'],
  ]);
  expectFields(d, { due: '2024-11-04', pausedWorkingDays: 3 });
  assert.deepEqual(
    d.pauses.map((p) => p.removedWorkingDays),
    [2, 1],
  );
});

test('a consultation ending on a holiday removes only the working days up to it', () => {
  // 2024-09-20 Fri; pause (09-23, 10-03]: 24..27, 29调, 30 = 6 (10-01..03 are holidays anyway)
  // 23(1) [pause] [10-04..07] 08..11(5) 12调(6) 14..18(11) 21..25(16) 28..31(20)
  const d = deadline('2024-09-20', [
    ['consultation_started', '2024-09-23'],
    ['consultation_ended', '2024-10-03'],
  ]);
  expectFields(d, { due: '2024-10-31', pausedWorkingDays: 6 });
});

test('an open pause stops the clock: paused, no due, no remaining days', () => {
  const d = deadline('2024-05-06', [['consultation_started', '2024-05-08']], { asOf: '2024-05-20' });
  expectFields(d, { status: 'paused', baseDue: null, due: null, remainingWorkingDays: null, pausedWorkingDays: null });
  assert.deepEqual(d.pauses, [{ from: '2024-05-08', to: null, kinds: ['consultation'], removedWorkingDays: null }]);
  assert.match(stepsOf(d), /征求意见自 2024-05-08（周三）起（尚未结束）：计时暂停，期限待暂停结束后确定/);
});

test('an open pause begun on the due day does not stop the clock', () => {
  // due 10-30 (acceptance count); asOf 11-05: overdue by 10-31, 11-01, 11-04, 11-05
  const d = deadline('2024-09-27', [['consultation_started', '2024-10-30']], { asOf: '2024-11-05' });
  expectFields(d, { due: '2024-10-30', status: 'overdue', remainingWorkingDays: -4, pausedWorkingDays: 0 });
  assert.match(stepsOf(d), /开始于期限 2024-10-30（周三）当日或之后，不影响期限/);
});

test('an open fee pause stops the clock unless the fee does not pause it', () => {
  expectFields(deadline('2024-11-01', [['fee_notified', '2024-11-05']], { asOf: '2024-11-20' }), {
    status: 'paused',
    due: null,
  });
  // without the fee pause: 11-04..08(5) 11..15(10) 18..22(15) 25..29(20); asOf 11-20 → 21 22 25..29 = 7
  expectFields(deadline('2024-11-01', [['fee_notified', '2024-11-05']], { asOf: '2024-11-20', feePausesClock: false }), {
    status: 'open',
    due: '2024-11-29',
    remainingWorkingDays: 7,
  });
});

test('fee pause on by default', () => {
  // 2024-11-01 Fri; pause (11-05, 11-08]: 06 07 08 = 3
  // 04(1) 05(2) 11..15(7) 18..22(12) 25..29(17) 12-02 03 04(20)
  expectFields(deadline('2024-11-01', [['fee_notified', '2024-11-05'], ['fee_paid', '2024-11-08']]), {
    due: '2024-12-04',
    pausedWorkingDays: 3,
  });
});

test('fee pause off (--no-fee-pause): the fee interval counts', () => {
  // 11-04..08(5) 11..15(10) 18..22(15) 25..29(20)
  const d = deadline('2024-11-01', [['fee_notified', '2024-11-05'], ['fee_paid', '2024-11-08']], { feePausesClock: false });
  expectFields(d, { due: '2024-11-29', pausedWorkingDays: 0, pauses: [] });
  assert.match(stepsOf(d), /收费通知（2024-11-05（周二））按配置不暂停计时/);
});

test('a pause partly before the corrected application removes only the days after it', () => {
  // start 03-11 Mon; pause (03-06, 03-13] clipped to (03-11, 03-13]: 12 13 = 2
  // 14(1) 15(2) 18..22(7) 25..29(12) 04-01..03(15) 07调(16) 08..11(20)
  const d = deadline('2024-03-01', [
    ['correction_requested', '2024-03-05'],
    ['consultation_started', '2024-03-06'],
    ['correction_received', '2024-03-11'],
    ['consultation_ended', '2024-03-13'],
  ]);
  expectFields(d, { start: '2024-03-11', due: '2024-04-11', pausedWorkingDays: 2 });
  assert.match(stepsOf(d), /其间 2 个工作日不计入期限（开始当日照常计算，结束当日不计；起算日之前的部分本不计算）/);
});

test('a pause wholly before the corrected application removes nothing', () => {
  // start 03-11 Mon: 12..15(4) 18..22(9) 25..29(14) 04-01..03(17) 07调(18) 08(19) 09(20)
  const d = deadline('2024-03-01', [
    ['correction_requested', '2024-03-05'],
    ['consultation_started', '2024-03-06'],
    ['consultation_ended', '2024-03-08'],
    ['correction_received', '2024-03-11'],
  ]);
  expectFields(d, { due: '2024-04-09', pausedWorkingDays: 0 });
  assert.match(stepsOf(d), /在起算日 2024-03-11（周一）之前已结束，不影响期限/);
});

// --- Extension ---------------------------------------------------------------------------------------

test('extension decided on the base due day is valid: 20 more working days', () => {
  // base 10-30; 31(1) 11-01(2) 04..08(7) 11..15(12) 18..22(17) 25 26 27(20)
  const d = deadline('2024-09-27', [['extended', '2024-10-30']]);
  expectFields(d, { baseDue: '2024-10-30', extended: true, extensionLate: false, due: '2024-11-27' });
});

test('extension decided the day after the base due day is late and moves nothing', () => {
  const d = deadline('2024-09-27', [['extended', '2024-10-31']]);
  expectFields(d, { extended: false, extensionLate: true, extendedOn: '2024-10-31', due: '2024-10-30' });
  assert.match(stepsOf(d), /晚于原定期限 2024-10-30（周三）：延期无效/);
});

test('the extension period skips pauses too', () => {
  // base 10-30; pause (11-04, 11-06]: 05 06 = 2
  // 31(1) 11-01(2) 04(3) 07 08(5) 11..15(10) 18..22(15) 25..29(20)
  const d = deadline('2024-09-27', [
    ['extended', '2024-10-20'],
    ['consultation_started', '2024-11-04'],
    ['consultation_ended', '2024-11-06'],
  ]);
  expectFields(d, { baseDue: '2024-10-30', extended: true, due: '2024-11-29', pausedWorkingDays: 2 });
});

test('a pause after the due date of a case without valid extension removes nothing', () => {
  const d = deadline('2024-09-27', [
    ['extended', '2024-10-31'],
    ['consultation_started', '2024-11-04'],
    ['consultation_ended', '2024-11-06'],
  ]);
  expectFields(d, { extensionLate: true, due: '2024-10-30', pausedWorkingDays: 0 });
});

test('条例2008 extension adds 15 working days, Qingming 2018 and its 调休 Sunday', () => {
  // 2018-03-01 Thu: 02(1) 05..09(6) 12..16(11) 19..22(15) → base 03-22
  // 23(1) 26..30(6) 04-02..04(9) [05 06] 08调(10) 09..13(15)
  expectFields(deadline('2018-03-01', [['extended', '2018-03-20']]), {
    regime: '2008',
    baseDue: '2018-03-22',
    extended: true,
    due: '2018-04-13',
  });
});

test('条例2008 extension the day after the base due day is late', () => {
  expectFields(deadline('2018-03-01', [['extended', '2018-03-23']]), {
    extended: false,
    extensionLate: true,
    due: '2018-03-22',
  });
});

test('an extension decided while the clock is paused is valid; the due date waits for the pause', () => {
  const d = deadline('2024-09-27', [
    ['consultation_started', '2024-10-10'],
    ['extended', '2024-10-20'],
  ]);
  expectFields(d, { extended: true, extensionLate: false, due: null, status: 'paused' });
});

// --- Art. 35, answers, status ------------------------------------------------------------------------

test('art. 35 custom deadline replaces the computed due date', () => {
  // asOf 11-15 → 11-18..22(5) 25..29(10) 12-02..27(30) 30 31(32)
  const d = deadline('2024-09-27', [['custom_deadline', '2024-12-31', '短期内大量申请，经说明理由后另行确定']], {
    asOf: '2024-11-15',
  });
  expectFields(d, {
    computedDue: '2024-10-30',
    due: '2024-12-31',
    customDeadline: { on: '2024-12-31', reason: '短期内大量申请，经说明理由后另行确定' },
    status: 'open',
    remainingWorkingDays: 32,
  });
  assert.match(stepsOf(d), /依条例第三十五条另行确定答复期限 2024-12-31（周二）（理由：短期内大量申请/);
});

test('a custom deadline is a fixed date: an open pause does not stop it', () => {
  // 2025-01-01 is a holiday; asOf 2025-01-02 → one working day past 12-31
  const d = deadline(
    '2024-09-27',
    [
      ['consultation_started', '2024-10-10'],
      ['custom_deadline', '2024-12-31', '数量过大'],
    ],
    { asOf: '2025-01-02' },
  );
  expectFields(d, { computedDue: null, due: '2024-12-31', status: 'overdue', remainingWorkingDays: -1 });
});

test('answered late against a custom deadline', () => {
  // custom 11-15 Fri, answered 11-18 Mon: one working day late
  expectFields(deadline('2024-09-27', [['custom_deadline', '2024-11-15', '数量过大'], ['answered', '2024-11-18']]), {
    status: 'answered_late',
    marginWorkingDays: -1,
  });
});

test('answered early: on time, with the working days to spare', () => {
  // due 10-30; answered 10-15 → 16 17 18 21..25 28 29 30 = 11 to spare
  const d = deadline('2024-09-27', [['answered', '2024-10-15']], { asOf: '2024-12-01' });
  expectFields(d, { status: 'answered_on_time', remainingWorkingDays: null, marginWorkingDays: 11 });
});

test('answered on the due day is on time', () => {
  const d = deadline('2024-09-27', [['answered', '2024-10-30']]);
  expectFields(d, { status: 'answered_on_time', marginWorkingDays: 0 });
  assert.match(stepsOf(d), /按时答复（期限当日答复）/);
});

test('answered the day after the due day is late', () => {
  const d = deadline('2024-09-27', [['answered', '2024-10-31']]);
  expectFields(d, { status: 'answered_late', marginWorkingDays: -1 });
  assert.match(stepsOf(d), /逾期答复（超过 1 个工作日）/);
});

test('answered during an open pause is on time', () => {
  expectFields(deadline('2024-09-27', [['consultation_started', '2024-10-10'], ['answered', '2024-12-20']]), {
    status: 'answered_on_time',
    due: null,
  });
});

test('overdue: negative remaining working days', () => {
  // due 10-30; asOf 11-05 → 10-31 11-01 11-04 11-05 past
  expectFields(deadline('2024-09-27', [], { asOf: '2024-11-05' }), { status: 'overdue', remainingWorkingDays: -4 });
});

test('on the due day itself the case is still open with 0 days left', () => {
  const d = deadline('2024-09-27', [], { asOf: '2024-10-30' });
  expectFields(d, { status: 'open', remainingWorkingDays: 0 });
  assert.match(stepsOf(d), /今日即为答复期限的最后一日/);
});

test('the Saturday after a Friday due date: overdue, no working day past yet', () => {
  // 2024-10-18 Fri: 21..25(5) 28..31(9) 11-01(10) 04..08(15) 11..15(20) → Fri 11-15
  expectFields(deadline('2024-10-18', [], { asOf: '2024-11-16' }), {
    due: '2024-11-15',
    status: 'overdue',
    remainingWorkingDays: 0,
  });
});

// --- Provisional years ---------------------------------------------------------------------------------

test('a period running into 2027 (no schedule) falls back to Monday–Friday and is provisional', () => {
  // 2026-12-20 Sun: 21..25(5) 28..31(9) 2027-01-01 Fri counted(10) 04..08(15) 11..15(20)
  const d = deadline('2026-12-20');
  expectFields(d, { due: '2027-01-15', provisional: true, provisionalYears: [2027] });
  assert.match(stepsOf(d), /2027 年的节假日安排尚未载入，按周一至周五为工作日计算/);
});

test('asOf in an unscheduled year makes an open case provisional', () => {
  expectFields(deadline('2026-06-01', [], { asOf: '2027-02-01' }), { provisional: true, provisionalYears: [2027] });
});

// --- The clock.md example ------------------------------------------------------------------------------

test('the timeline of clock.md', () => {
  // start 10-09 (corrected application). Pauses (10-10, 10-21]: 11, 12调, 14..18, 21 = 8; (10-22, 10-25]: 23 24 25 = 3
  // 10-10(1) 22(2) 28..31(6) 11-01(7) 04..08(12) 11..15(17) 18 19 20(20) → base 11-20
  // extended 11-05: 21 22(2) 25..29(7) 12-02..06(12) 09..13(17) 16 17 18(20) → 12-18, replaced by 12-31
  const d = deadline(
    '2024-09-27',
    [
      ['correction_requested', '2024-09-30'],
      ['correction_received', '2024-10-09'],
      ['consultation_started', '2024-10-10'],
      ['consultation_ended', '2024-10-21'],
      ['fee_notified', '2024-10-22'],
      ['fee_paid', '2024-10-25'],
      ['extended', '2024-11-05'],
      ['custom_deadline', '2024-12-31', '申请数量明显超过合理范围'],
      ['answered', '2024-11-20'],
    ],
    { asOf: '2024-11-01' },
  );
  expectFields(d, {
    regime: '2019',
    start: '2024-10-09',
    correctionNoticeDue: '2024-10-12',
    correctionNoticeLate: false,
    baseDue: '2024-11-20',
    pausedWorkingDays: 11,
    extended: true,
    extensionLate: false,
    computedDue: '2024-12-18',
    due: '2024-12-31',
    provisional: false,
    status: 'answered_on_time',
    remainingWorkingDays: null,
    marginWorkingDays: 29, // 11-21 22, 25..29, 12-02..27 (20), 30 31
  });
});

test('steps are only built on request', () => {
  const input = parseTimeline('{"receivedOn":"2024-09-27"}', { today: '2024-10-01', cutover: DEFAULT_CUTOVER });
  assert.ok(input.ok);
  assert.deepEqual(computeDeadline(input.timeline, calendar).steps, []);
  assert.ok(computeDeadline(input.timeline, calendar, { explain: true }).steps.length >= 3);
});
