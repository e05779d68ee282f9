// Properties of the engine on random valid timelines (fast-check): it agrees with the naive day-by-day walk
// of stepping.ts, and more pauses, holidays or a valid extension never bring the due date earlier.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { dayOf, isoOf } from '../calendar/dates.ts';
import { buildCalendar, type Calendar, type YearSchedule } from '../calendar/model.ts';
import { loadSchedules } from '../calendar/store.ts';
import { parseTimeline } from './input.ts';
import { DEFAULT_CUTOVER } from './law.ts';
import { computeDeadline, type ClockEvent, type EventType, type Timeline } from './model.ts';
import { stepDeadline } from './stepping.ts';

const schedules = loadSchedules();
const calendar = buildCalendar(schedules);
const RUNS = 400;

const gap = fc.integer({ min: 0, max: 25 });
const pairs = (maxLength: number) => fc.array(fc.tuple(gap, gap), { maxLength });

/** Random timelines that are valid by construction (checked against the real input rules below). */
const timelines = (options: { fee?: boolean; custom?: boolean } = {}) =>
  fc
    .record({
      receivedOn: fc.integer({ min: dayOf('2008-05-01'), max: dayOf('2026-12-31') }),
      corrections: pairs(2),
      awaitingCorrection: fc.boolean(),
      consultations: pairs(3),
      consultationOpen: fc.boolean(),
      fee: options.fee === false ? fc.constant<[number, number][]>([]) : pairs(1),
      feeOpen: fc.boolean(),
      extended: fc.option(fc.integer({ min: 0, max: 70 })),
      custom: options.custom === false ? fc.constant(null) : fc.option(fc.integer({ min: 0, max: 120 })),
      answered: fc.option(fc.integer({ min: 0, max: 40 })),
      asOf: fc.integer({ min: 0, max: 200 }),
    })
    .map((r): Timeline => {
      const events: ClockEvent[] = [];
      const addPairs = (list: [number, number][], open: EventType, close: EventType, leaveOpen: boolean) => {
        let day = r.receivedOn;
        list.forEach(([before, length], i) => {
          day += before;
          events.push({ type: open, on: day });
          if (leaveOpen && i === list.length - 1) return;
          day += length;
          events.push({ type: close, on: day });
        });
      };
      addPairs(r.corrections, 'correction_requested', 'correction_received', r.awaitingCorrection);
      addPairs(r.consultations, 'consultation_started', 'consultation_ended', r.consultationOpen);
      addPairs(r.fee, 'fee_notified', 'fee_paid', r.feeOpen);
      if (r.extended !== null) events.push({ type: 'extended', on: r.receivedOn + r.extended });
      if (r.answered !== null) {
        const last = Math.max(r.receivedOn, ...events.map((e) => e.on));
        events.push({ type: 'answered', on: last + r.answered });
      }
      if (r.custom !== null && r.receivedOn >= DEFAULT_CUTOVER) {
        events.push({ type: 'custom_deadline', on: r.receivedOn + r.custom, reason: '数量过大' });
      }
      events.sort((a, b) => a.on - b.on);
      return { receivedOn: r.receivedOn, events, asOf: r.receivedOn + r.asOf };
    });

function assertValidInput(t: Timeline): void {
  const json = JSON.stringify({
    receivedOn: isoOf(t.receivedOn),
    asOf: isoOf(t.asOf),
    events: t.events.map((e) => ({ ...e, on: isoOf(e.on) })),
  });
  const parsed = parseTimeline(json, { today: '2030-01-01', cutover: DEFAULT_CUTOVER });
  assert.ok(parsed.ok, parsed.ok ? '' : parsed.errors.join('\n'));
  assert.deepEqual(parsed.timeline, t);
}

test('the O(1) engine equals the day-by-day walk on random timelines', () => {
  fc.assert(
    fc.property(timelines(), fc.boolean(), (t, feePausesClock) => {
      assertValidInput(t);
      const fast = computeDeadline(t, calendar, { feePausesClock });
      const slow = stepDeadline(t, calendar, { feePausesClock });
      assert.deepEqual(
        {
          baseDue: fast.baseDue,
          extended: fast.extended,
          due: fast.due,
          pausedWorkingDays: fast.pausedWorkingDays,
          status: fast.status,
          remainingWorkingDays: fast.remainingWorkingDays,
          marginWorkingDays: fast.marginWorkingDays,
        },
        slow,
      );
    }),
    { numRuns: RUNS },
  );
});

test('a valid extension puts the due date after the base due date', () => {
  fc.assert(
    fc.property(timelines({ custom: false }), (t) => {
      const d = computeDeadline(t, calendar);
      // null: an open pause stopped the extended period, so the due date is still to come
      if (d.extended && d.baseDue !== null) assert.ok(d.due === null || d.due > d.baseDue);
      if (!d.extended && d.baseDue !== null) assert.equal(d.due, d.baseDue);
    }),
    { numRuns: RUNS },
  );
});

/** Later or equal, null (unknown) being the latest. */
function notEarlier(after: number | null, before: number | null): boolean {
  return after === null || (before !== null && after >= before);
}

test('adding a pause never moves the due date earlier', () => {
  fc.assert(
    fc.property(timelines({ fee: false }), gap, gap, (t, offset, length) => {
      const answered = t.events.find((e) => e.type === 'answered')?.on ?? Infinity;
      const from = Math.min(t.receivedOn + offset, answered);
      const to = Math.min(from + length, answered);
      const events = [...t.events, { type: 'fee_notified', on: from }, { type: 'fee_paid', on: to }] as ClockEvent[];
      events.sort((a, b) => a.on - b.on);
      const before = computeDeadline(t, calendar).due;
      const after = computeDeadline({ ...t, events }, calendar).due;
      assert.ok(notEarlier(after, before), `${after} < ${before}`);
    }),
    { numRuns: RUNS },
  );
});

function withHoliday(day: number): Calendar {
  const iso = isoOf(day);
  const year = Number(iso.slice(0, 4));
  const copy: YearSchedule[] = schedules.filter((s) => s.year !== year);
  const own = schedules.find((s) => s.year === year) ?? { year, sources: [], holidays: [], workdays: [] };
  copy.push({ ...own, holidays: [...own.holidays, { date: iso, name: '测试假日' }] });
  return buildCalendar(copy);
}

test('adding a holiday never moves the due date earlier', () => {
  fc.assert(
    fc.property(timelines(), fc.integer({ min: 0, max: 120 }), (t, offset) => {
      const before = computeDeadline(t, calendar).due;
      const after = computeDeadline(t, withHoliday(t.receivedOn + offset)).due;
      assert.ok(notEarlier(after, before), `${after} < ${before}`);
    }),
    { numRuns: 150 },
  );
});
