// The working-day calendar: one schedule per year (statutory holidays and 调休 make-up working days, each
// year with the State Council notices it comes from), and a precomputed index that answers "the n-th
// working day after d" and "working days between a and b" in constant time. Pure: no I/O.

import { dayOf, isoOf, isWeekend, yearOf, type IsoDate } from './dates.ts';

/** A State Council notice (or decision) that a year's schedule comes from. */
export interface Notice {
  /** 文号, e.g. 国办发明电〔2024〕12号 */
  number: string;
  title: string;
  issuedOn: IsoDate;
  /** What the notice did to the schedule when it is not the yearly notice (an amendment, a one-off day). */
  note?: string;
}

export interface ScheduleDay {
  date: IsoDate;
  /** The festival the day belongs to, e.g. 春节, 国庆节 */
  name: string;
}

/**
 * A year's official schedule. `holidays` are the days off of each holiday span (weekend days inside a
 * span included, as the notices list them); `workdays` are weekend days declared working days (调休上班).
 * Every date lies inside `year`.
 */
export interface YearSchedule {
  year: number;
  sources: Notice[];
  holidays: ScheduleDay[];
  workdays: ScheduleDay[];
}

/** Days the index covers; outside them no deadline can be computed. */
export const FIRST_DAY = dayOf('1990-01-01');
export const LAST_DAY = dayOf('2199-12-31');

export interface Calendar {
  readonly schedules: ReadonlyMap<number, YearSchedule>;
  hasSchedule(year: number): boolean;
  isWorkingDay(day: number): boolean;
  /** The n-th working day strictly after `day` (n ≥ 0; n = 0 gives `day` itself). */
  addWorkingDays(day: number, n: number): number;
  /** Working days D with a < D ≤ b (0 when b ≤ a). */
  workingDaysBetween(a: number, b: number): number;
  /** Years between the two days (inclusive) that have no schedule: results touching them are provisional. */
  unscheduledYears(a: number, b: number): number[];
  /** Holidays and make-up days falling strictly between a and b, in date order (for explanations). */
  specialDaysBetween(a: number, b: number): { day: number; kind: 'holiday' | 'workday'; name: string }[];
}

export class CalendarRangeError extends RangeError {}

export function buildCalendar(schedules: Iterable<YearSchedule>): Calendar {
  const byYear = new Map<number, YearSchedule>();
  for (const s of schedules) byYear.set(s.year, s);

  const size = LAST_DAY - FIRST_DAY + 1;
  const working = new Uint8Array(size);
  for (let i = 0; i < size; i++) working[i] = isWeekend(FIRST_DAY + i) ? 0 : 1;
  const special = new Map<number, { kind: 'holiday' | 'workday'; name: string }>();
  for (const s of byYear.values()) {
    for (const h of s.holidays) {
      const d = dayOf(h.date);
      working[d - FIRST_DAY] = 0;
      if (!isWeekend(d)) special.set(d, { kind: 'holiday', name: h.name });
    }
    for (const w of s.workdays) {
      const d = dayOf(w.date);
      working[d - FIRST_DAY] = 1;
      special.set(d, { kind: 'workday', name: w.name });
    }
  }

  // rank[i]: working days among index 0..i; nth[k]: index of the working day whose rank is k.
  const rank = new Int32Array(size);
  const nth = new Int32Array(size + 1);
  let count = 0;
  for (let i = 0; i < size; i++) {
    if (working[i]) nth[++count] = i;
    rank[i] = count;
  }
  const total = count;
  const specialDays = [...special.entries()].sort((x, y) => x[0] - y[0]);

  const index = (day: number): number => {
    if (day < FIRST_DAY || day > LAST_DAY) {
      throw new CalendarRangeError(`日期 ${isoOf(day)} 超出日历范围（${isoOf(FIRST_DAY)} 至 ${isoOf(LAST_DAY)}）`);
    }
    return day - FIRST_DAY;
  };

  return {
    schedules: byYear,
    hasSchedule: (year) => byYear.has(year),
    isWorkingDay: (day) => working[index(day)] === 1,
    addWorkingDays(day, n) {
      const k = rank[index(day)]! + n;
      if (n === 0) return day;
      if (k > total) throw new CalendarRangeError(`期限超出日历范围（${isoOf(LAST_DAY)} 之后）`);
      return FIRST_DAY + nth[k]!;
    },
    workingDaysBetween(a, b) {
      if (b <= a) return 0;
      return rank[index(b)]! - rank[index(a)]!;
    },
    unscheduledYears(a, b) {
      const missing: number[] = [];
      for (let y = yearOf(Math.min(a, b)); y <= yearOf(Math.max(a, b)); y++) if (!byYear.has(y)) missing.push(y);
      return missing;
    },
    specialDaysBetween(a, b) {
      const out: { day: number; kind: 'holiday' | 'workday'; name: string }[] = [];
      let lo = 0;
      let hi = specialDays.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (specialDays[mid]![0] <= a) lo = mid + 1;
        else hi = mid;
      }
      for (let i = lo; i < specialDays.length && specialDays[i]![0] < b; i++) {
        const [day, info] = specialDays[i]!;
        out.push({ day, ...info });
      }
      return out;
    },
  };
}
