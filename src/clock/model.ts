// The statutory reply clock (shared/domain/clock.md): from a validated timeline — the receipt day and the
// events, as day numbers — and the working-day calendar to the reply deadline and the case's status.
// Pure. Every calendar step is O(1) (`Calendar.addWorkingDays`, `workingDaysBetween`); pauses are handled by
// arithmetic over the merged pause intervals, never by walking day by day.
//
// Decisions where clock.md leaves room (each also explained in the result's `steps`):
// - A pause removes the working days D with from < D ≤ to, but only days that would be counted: days up to
//   `start` are not counted anyway, so the part of a pause before `start` (e.g. before the corrected
//   application arrived) removes nothing, and a pause that begins on or after the due date does not move it.
// - An open pause (no end yet) stops the clock only if it begins before the due date; then `due` is null and
//   the status `paused`. A requested correction not yet received also leaves `start` and `due` null (the
//   period restarts on arrival): status `paused`, `awaitingCorrection: true`.
// - A late extension (decided after `baseDue`) gives `extended: false`, `extensionLate: true`; `extendedOn`
//   records the decision either way. While `baseDue` is unknown an extension cannot be late.
// - An art. 35 custom deadline is a fixed date: it replaces the computed due date and pauses do not move it.
// - An answer given while the due date is unknown (clock stopped) is on time: no counted working day has
//   run out. Once answered, `remainingWorkingDays` is null and `marginWorkingDays` says by how many working
//   days the answer beat (positive) or missed (negative) the due date.

import type { Calendar } from '../calendar/model.ts';
import { dayOf } from '../calendar/dates.ts';
import { explainDeadline } from './explain.ts';
import { CORRECTION_NOTICE_DAYS, DEFAULT_CUTOVER, rulesFor, type Regime } from './law.ts';

export const EVENT_TYPES = [
  'correction_requested',
  'correction_received',
  'consultation_started',
  'consultation_ended',
  'fee_notified',
  'fee_paid',
  'extended',
  'custom_deadline',
  'answered',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export interface ClockEvent {
  type: EventType;
  /** Day number; for `custom_deadline` the deadline itself. */
  on: number;
  reason?: string;
}

/** A validated timeline (input.ts): events sorted by day, pairs matched, nothing before `receivedOn`. */
export interface Timeline {
  receivedOn: number;
  events: readonly ClockEvent[];
  asOf: number;
}

export interface ClockOptions {
  /** First receipt day under 条例2019 (configurable, clock.md). */
  cutover?: number;
  /** Whether the fee notice → payment interval pauses the clock (configurable, on by default). */
  feePausesClock?: boolean;
  /** Build the Chinese `steps`; off on hot paths. */
  explain?: boolean;
}

export type Status = 'open' | 'paused' | 'answered_on_time' | 'answered_late' | 'overdue';
export type PauseKind = 'consultation' | 'fee';

export interface PausePart {
  kind: PauseKind;
  from: number;
  to: number | null;
}

/** One merged pause: removes the working days D with from < D ≤ to (to null: not ended). */
export interface Pause {
  from: number;
  to: number | null;
  parts: PausePart[];
  /** Working days it took out of the period up to the computed due date; null while that is unknown. */
  removedWorkingDays: number | null;
}

export interface Deadline {
  regime: Regime;
  periodWorkingDays: number;
  receivedOn: number;
  asOf: number;
  /** Day 0 of the period; null while a requested correction has not arrived. */
  start: number | null;
  awaitingCorrection: boolean;
  correctionNoticeDue: number;
  correctionNoticeLate: boolean;
  /** Fee pauses left out when the fee does not pause the clock. */
  pauses: readonly Pause[];
  baseDue: number | null;
  pausedWorkingDays: number | null;
  extendedOn: number | null;
  extended: boolean;
  extensionLate: boolean;
  /** The due date by working days, before an art. 35 custom deadline replaces it. */
  computedDue: number | null;
  customDeadline: { on: number; reason: string } | null;
  due: number | null;
  answeredOn: number | null;
  status: Status;
  remainingWorkingDays: number | null;
  marginWorkingDays: number | null;
  provisional: boolean;
  provisionalYears: readonly number[];
  steps: readonly string[];
}

/** The empty list every result without pauses, steps or missing years shares (no allocation per call). */
const NONE: readonly never[] = Object.freeze([]);

export function computeDeadline(timeline: Timeline, calendar: Calendar, options: ClockOptions = {}): Deadline {
  const cutover = options.cutover ?? DEFAULT_CUTOVER;
  const feePausesClock = options.feePausesClock ?? true;
  const { receivedOn, asOf } = timeline;
  const { regime, periodWorkingDays: period } = rulesFor(receivedOn, cutover);

  let start: number | null = receivedOn;
  let firstCorrectionRequest = -1;
  let consultationFrom = -1;
  let feeFrom = -1;
  let extendedOn: number | null = null;
  let customDeadline: Deadline['customDeadline'] = null;
  let answeredOn: number | null = null;
  let parts: PausePart[] | null = null; // allocated on the first pause: most cases have none
  for (const e of timeline.events) {
    switch (e.type) {
      case 'correction_requested':
        if (firstCorrectionRequest < 0) firstCorrectionRequest = e.on;
        start = null;
        break;
      case 'correction_received':
        start = e.on;
        break;
      case 'consultation_started':
        consultationFrom = e.on;
        break;
      case 'consultation_ended':
        (parts ??= []).push({ kind: 'consultation', from: consultationFrom, to: e.on });
        consultationFrom = -1;
        break;
      case 'fee_notified':
        feeFrom = e.on;
        break;
      case 'fee_paid':
        if (feePausesClock) (parts ??= []).push({ kind: 'fee', from: feeFrom, to: e.on });
        feeFrom = -1;
        break;
      case 'extended':
        extendedOn = e.on;
        break;
      case 'custom_deadline':
        customDeadline = { on: e.on, reason: e.reason ?? '' };
        break;
      case 'answered':
        answeredOn = e.on;
        break;
    }
  }
  if (consultationFrom >= 0) (parts ??= []).push({ kind: 'consultation', from: consultationFrom, to: null });
  if (feeFrom >= 0 && feePausesClock) (parts ??= []).push({ kind: 'fee', from: feeFrom, to: null });
  const pauses = parts === null ? NONE : mergePauses(parts);

  const correctionNoticeDue = calendar.addWorkingDays(receivedOn, CORRECTION_NOTICE_DAYS);
  const baseDue = start === null ? null : countedDay(calendar, start, period, pauses);
  const extended = extendedOn !== null && (baseDue === null || extendedOn <= baseDue);
  const computedDue =
    start === null || baseDue === null ? null : extended ? countedDay(calendar, start, 2 * period, pauses) : baseDue;
  let pausedWorkingDays: number | null = null;
  if (start !== null && computedDue !== null) {
    pausedWorkingDays = 0;
    // A pause that begins before a known due date has ended (an open one would have left it unknown).
    for (const p of pauses) {
      p.removedWorkingDays = p.from < computedDue ? calendar.workingDaysBetween(Math.max(p.from, start), p.to!) : 0;
      pausedWorkingDays += p.removedWorkingDays;
    }
  }
  const due = customDeadline !== null ? customDeadline.on : computedDue;

  let status: Status;
  let remainingWorkingDays: number | null = null;
  let marginWorkingDays: number | null = null;
  let lastDayUsed = Math.max(correctionNoticeDue, computedDue ?? 0, due ?? 0);
  if (answeredOn !== null) {
    status = due === null || answeredOn <= due ? 'answered_on_time' : 'answered_late';
    if (due !== null) {
      marginWorkingDays = signedWorkingDays(calendar, answeredOn, due);
      lastDayUsed = Math.max(lastDayUsed, answeredOn);
    }
  } else if (due === null) {
    status = 'paused';
  } else {
    status = asOf > due ? 'overdue' : 'open';
    remainingWorkingDays = signedWorkingDays(calendar, asOf, due);
    lastDayUsed = Math.max(lastDayUsed, asOf);
  }
  if (computedDue === null) {
    const last = timeline.events[timeline.events.length - 1];
    if (last) lastDayUsed = Math.max(lastDayUsed, last.on);
  }
  const provisionalYears = unscheduledYears(calendar, receivedOn, lastDayUsed);

  const result: Deadline = {
    regime,
    periodWorkingDays: period,
    receivedOn,
    asOf,
    start,
    awaitingCorrection: start === null,
    correctionNoticeDue,
    correctionNoticeLate: firstCorrectionRequest > correctionNoticeDue,
    pauses,
    baseDue,
    pausedWorkingDays,
    extendedOn,
    extended,
    extensionLate: extendedOn !== null && !extended,
    computedDue,
    customDeadline,
    due,
    answeredOn,
    status,
    remainingWorkingDays,
    marginWorkingDays,
    provisional: provisionalYears.length > 0,
    provisionalYears,
    steps: NONE,
  };
  if (options.explain) result.steps = explainDeadline(timeline, result, calendar, { cutover, feePausesClock });
  return result;
}

/** Sorts the pause parts by start and merges those that overlap or touch into pauses. */
function mergePauses(parts: PausePart[]): Pause[] {
  if (parts.length > 1) parts.sort((a, b) => a.from - b.from);
  const pauses: Pause[] = [];
  let current: Pause | undefined;
  for (const part of parts) {
    if (current && (current.to === null || part.from <= current.to)) {
      current.parts.push(part);
      if (part.to === null || current.to === null) current.to = null;
      else if (part.to > current.to) current.to = part.to;
    } else {
      current = { from: part.from, to: part.to, parts: [part], removedWorkingDays: null };
      pauses.push(current);
    }
  }
  return pauses;
}

/**
 * The n-th counted working day after `start`: working days inside a pause are skipped. Walks the merged
 * pauses in order, spending the working days before each one; null when an open pause stops the count.
 */
function countedDay(calendar: Calendar, start: number, n: number, pauses: readonly Pause[]): number | null {
  let cursor = start;
  let left = n;
  for (const p of pauses) {
    if (p.to !== null && p.to <= cursor) continue;
    const available = p.from > cursor ? calendar.workingDaysBetween(cursor, p.from) : 0;
    if (available >= left) break;
    left -= available;
    if (p.to === null) return null;
    cursor = p.to;
  }
  return calendar.addWorkingDays(cursor, left);
}

/** Working days after `from` up to and including `to`; negative (the days past `to`) when `to` < `from`. */
function signedWorkingDays(calendar: Calendar, from: number, to: number): number {
  return to >= from ? calendar.workingDaysBetween(from, to) : 0 - calendar.workingDaysBetween(to, from); // 0 -: no -0
}

// The longest run of consecutive scheduled years, as day numbers, of the calendar last used: a result inside
// it touches no unscheduled year, which spares `Calendar.unscheduledYears` (it converts dates to years) on
// the hot path.
let spanCalendar: Calendar | null = null;
let span = { from: 0, to: -1 };

function unscheduledYears(calendar: Calendar, from: number, to: number): readonly number[] {
  if (calendar !== spanCalendar) {
    span = longestScheduledRun(calendar);
    spanCalendar = calendar;
  }
  return from >= span.from && to <= span.to ? NONE : calendar.unscheduledYears(from, to);
}

function longestScheduledRun(calendar: Calendar): { from: number; to: number } {
  const years = [...calendar.schedules.keys()].sort((a, b) => a - b);
  let best = { first: 0, last: -1 };
  for (let i = 0; i < years.length; ) {
    let j = i;
    while (j + 1 < years.length && years[j + 1] === years[j]! + 1) j++;
    if (years[j]! - years[i]! > best.last - best.first) best = { first: years[i]!, last: years[j]! };
    i = j + 1;
  }
  if (best.last < best.first) return { from: 0, to: -1 };
  return { from: dayOf(`${best.first}-01-01`), to: dayOf(`${best.last}-12-31`) };
}
