// The bridge from a case's events to the statutory clock (src/clock): the case's `Timeline` as of a day, and
// its deadline. Pure.
//
// - Only what happened on or before `asOf` counts (events by their legal date `on`; the art. 35 deadline by
//   the day it was decided), so a past day reads the case as it stood then (e.g. 31 December for a report).
// - The reply stops the clock on its DELIVERY day (国办公开办函〔2016〕235号): a reply made but not delivered
//   yet leaves the clock running. Only an APPROVED extension counts, on its approval day.
// - Consultations may overlap (a third party and a co-producing agency at once); the clock takes one open
//   consultation at a time, so their union is passed as consecutive start/end pairs. The clock merges them
//   with the fee pause anyway, so the result is the same.
// - A case that ended without an answer (withdrawn, 补正 or fee lapsed) has no clock event for it: the clock is
//   read as of the day it ended and `caseStatus` overrides its status with 'withdrawn' or 'abandoned'
//   (`status` keeps what the clock said on that day, e.g. 'paused' while awaiting the correction).
import type { Calendar } from '../calendar/model.ts';
import { describeDay, dayOf, type IsoDate } from '../calendar/dates.ts';
import { computeDeadline, type ClockEvent, type ClockOptions, type Deadline, type Status, type Timeline } from '../clock/model.ts';
import { caseStateOf, ENDING_LABELS, type CaseEnding, type CaseEvent } from './model.ts';

export type CaseClockStatus = Status | 'abandoned' | 'withdrawn';

export interface CaseDeadline extends Deadline {
  /** The status to show: the clock's, unless the case ended without an answer. */
  caseStatus: CaseClockStatus;
  /** The day the case ended without an answer (the clock was read as of that day); null otherwise. */
  endedOn: number | null;
}

/** Clock events in date order; `order` keeps same-day events in the order they were recorded. */
interface Ordered extends ClockEvent {
  order: number;
}

/** The clock's timeline of the case as of `asOf`; null while it has not been received (online, not signed). */
export function timelineOf(events: readonly CaseEvent[], asOf: IsoDate): Timeline | null {
  const asOfDay = dayOf(asOf);
  let receivedOn: number | null = null;
  const out: Ordered[] = [];
  const consultations: { from: number; to: number | null; fromOrder: number; toOrder: number }[] = [];
  const openConsultations = new Map<number, number>(); // start seq → index in `consultations`
  for (const e of events) {
    const on = dayOf(e.on);
    if (on > asOfDay) continue;
    const push = (type: ClockEvent['type'], day: number = on, reason?: string) =>
      out.push(reason === undefined ? { type, on: day, order: e.seq } : { type, on: day, reason, order: e.seq });
    switch (e.type) {
      case 'register':
      case 'sign':
        receivedOn = on;
        break;
      case 'request_correction':
        push('correction_requested');
        break;
      case 'correction_received':
        push('correction_received');
        break;
      case 'start_consultation':
        openConsultations.set(e.seq, consultations.length);
        consultations.push({ from: on, to: null, fromOrder: e.seq, toOrder: Infinity });
        break;
      case 'end_consultation': {
        const i = openConsultations.get(e.data.startSeq);
        if (i !== undefined) {
          consultations[i]!.to = on;
          consultations[i]!.toOrder = e.seq;
          openConsultations.delete(e.data.startSeq);
        }
        break;
      }
      case 'fee_notice':
        push('fee_notified');
        break;
      case 'fee_paid':
        push('fee_paid');
        break;
      case 'approve_extension':
        push('extended');
        break;
      case 'custom_deadline':
        push('custom_deadline', dayOf(e.data.due), e.reason ?? '');
        break;
      case 'deliver':
        push('answered');
        break;
      default:
        break;
    }
  }
  if (receivedOn === null) return null;
  out.push(...unionOfConsultations(consultations));
  out.sort((a, b) => a.on - b.on || a.order - b.order);
  return { receivedOn, events: out.map(({ order: _, ...e }) => e), asOf: asOfDay };
}

/** Overlapping (or touching) consultations as one start/end pair each; an open one runs on. */
function unionOfConsultations(list: { from: number; to: number | null; fromOrder: number; toOrder: number }[]): Ordered[] {
  const sorted = list.slice().sort((a, b) => a.from - b.from || a.fromOrder - b.fromOrder);
  const out: Ordered[] = [];
  let current: (typeof list)[number] | null = null;
  const flush = () => {
    if (!current) return;
    out.push({ type: 'consultation_started', on: current.from, order: current.fromOrder });
    if (current.to !== null) out.push({ type: 'consultation_ended', on: current.to, order: current.toOrder });
  };
  for (const c of sorted) {
    if (current && (current.to === null || c.from <= current.to)) {
      if (current.to !== null && (c.to === null || c.to > current.to || (c.to === current.to && c.toOrder > current.toOrder))) {
        current.to = c.to;
        current.toOrder = c.toOrder;
      }
    } else {
      flush();
      current = { ...c };
    }
  }
  flush();
  return out;
}

/**
 * The case's deadline as of `asOf` (computeDeadline of `timelineOf`), with the case-level status; null while
 * the application has not been received as of that day.
 */
export function deadlineOf(events: readonly CaseEvent[], calendar: Calendar, asOf: IsoDate, options: ClockOptions = {}): CaseDeadline | null {
  const state = caseStateOf(events, { cutover: options.cutover });
  const endedWithoutAnswer = state.ending !== null && state.ending !== 'delivered' && state.closedOn !== null && state.closedOn <= asOf;
  const readOn = endedWithoutAnswer ? state.closedOn! : asOf;
  const timeline = timelineOf(events, readOn);
  if (timeline === null) return null;
  const deadline = computeDeadline(timeline, calendar, options);
  if (!endedWithoutAnswer) return { ...deadline, caseStatus: deadline.status, endedOn: null };
  const endedOn = dayOf(state.closedOn!);
  const caseStatus: CaseClockStatus = state.ending === 'withdrawn' ? 'withdrawn' : 'abandoned';
  const steps = options.explain ? [...deadline.steps, endingStep(state.ending!, endedOn)] : deadline.steps;
  return { ...deadline, steps, caseStatus, endedOn };
}

function endingStep(ending: CaseEnding, day: number): string {
  return `${describeDay(day)}${ENDING_LABELS[ending]}，行政机关不再处理，本案终结：以上按该日计算，此后不再计算答复期限。`;
}
