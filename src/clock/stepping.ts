// The reply clock by the letter of clock.md, one day at a time: for each day after `start`, is it a working
// day and outside every pause? This naive walk is the definition the O(1) engine (model.ts) is checked
// against by the property tests, and the baseline it is measured against by `npm run bench`. It shares no
// counting code with the engine on purpose; it is O(days), so it is not used anywhere else.
import type { Calendar } from '../calendar/model.ts';
import { DEFAULT_CUTOVER, rulesFor } from './law.ts';
import type { Status, Timeline } from './model.ts';

export interface SteppedDeadline {
  baseDue: number | null;
  extended: boolean;
  due: number | null;
  pausedWorkingDays: number | null;
  status: Status;
  remainingWorkingDays: number | null;
  marginWorkingDays: number | null;
}

export function stepDeadline(
  timeline: Timeline,
  calendar: Calendar,
  options: { cutover?: number; feePausesClock?: boolean } = {},
): SteppedDeadline {
  const n = rulesFor(timeline.receivedOn, options.cutover ?? DEFAULT_CUTOVER).periodWorkingDays;
  const feePauses = options.feePausesClock ?? true;
  let start: number | null = timeline.receivedOn;
  const pauses: { from: number; to: number }[] = []; // to = Infinity while open
  const opened = new Map<string, { from: number; to: number }>();
  let extendedOn: number | null = null;
  let custom: number | null = null;
  let answered: number | null = null;
  for (const e of timeline.events) {
    if (e.type === 'correction_requested') start = null;
    else if (e.type === 'correction_received') start = e.on;
    else if (e.type === 'consultation_started' || (e.type === 'fee_notified' && feePauses)) {
      const pause = { from: e.on, to: Infinity };
      pauses.push(pause);
      opened.set(e.type === 'fee_notified' ? 'fee' : 'consultation', pause);
    } else if (e.type === 'consultation_ended' || (e.type === 'fee_paid' && feePauses)) {
      opened.get(e.type === 'fee_paid' ? 'fee' : 'consultation')!.to = e.on;
    } else if (e.type === 'extended') extendedOn = e.on;
    else if (e.type === 'custom_deadline') custom = e.on;
    else if (e.type === 'answered') answered = e.on;
  }
  const paused = (day: number) => pauses.some((p) => p.from < day && day <= p.to);
  const openFrom = Math.min(...pauses.filter((p) => p.to === Infinity).map((p) => p.from));

  /** The k-th day after `from` that is a working day outside every pause; null if an open pause stops it. */
  const countFrom = (from: number, k: number): number | null => {
    let day = from;
    for (let counted = 0; counted < k; ) {
      day++;
      if (day > openFrom) return null;
      if (calendar.isWorkingDay(day) && !paused(day)) counted++;
    }
    return day;
  };
  /** Working days D with a < D ≤ b, minus those with b < D ≤ a. */
  const signed = (a: number, b: number): number => {
    let count = 0;
    for (let day = a + 1; day <= b; day++) if (calendar.isWorkingDay(day)) count++;
    for (let day = b + 1; day <= a; day++) if (calendar.isWorkingDay(day)) count--;
    return count;
  };

  const baseDue = start === null ? null : countFrom(start, n);
  const extended = extendedOn !== null && (baseDue === null || extendedOn <= baseDue);
  const computedDue = baseDue === null ? null : extended ? countFrom(baseDue, n) : baseDue;
  let pausedWorkingDays: number | null = null;
  if (start !== null && computedDue !== null) {
    pausedWorkingDays = 0;
    for (let day = start + 1; day <= computedDue; day++) if (calendar.isWorkingDay(day) && paused(day)) pausedWorkingDays++;
  }
  const due = custom ?? computedDue;

  if (answered !== null) {
    return {
      baseDue,
      extended,
      due,
      pausedWorkingDays,
      status: due === null || answered <= due ? 'answered_on_time' : 'answered_late',
      remainingWorkingDays: null,
      marginWorkingDays: due === null ? null : signed(answered, due),
    };
  }
  return {
    baseDue,
    extended,
    due,
    pausedWorkingDays,
    status: due === null ? 'paused' : timeline.asOf > due ? 'overdue' : 'open',
    remainingWorkingDays: due === null ? null : signed(timeline.asOf, due),
    marginWorkingDays: null,
  };
}
