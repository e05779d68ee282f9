// What an import would change: each year of the file against the schedule in force — a new year, a
// replacement, or turn-of-year days merged into an existing year — down to the day. Pure: no I/O.
import type { IsoDate } from './dates.ts';
import type { DayKind } from './ics.ts';
import type { ImportedYear } from './import.ts';
import type { YearSchedule } from './model.ts';

export interface DayEntry {
  kind: DayKind;
  name: string;
}

/** A day added (no `before`), removed (no `after`) or changed (both). */
export interface DayChange {
  date: IsoDate;
  before?: DayEntry;
  after?: DayEntry;
}

export interface YearPlan {
  year: number;
  action: 'new' | 'replace' | 'merge' | 'unchanged';
  before?: YearSchedule;
  after: YearSchedule;
  changes: DayChange[];
  sourcesChanged: boolean;
}

function entries(s: YearSchedule | undefined): Map<IsoDate, DayEntry> {
  const map = new Map<IsoDate, DayEntry>();
  for (const d of s?.holidays ?? []) map.set(d.date, { kind: 'holiday', name: d.name });
  for (const d of s?.workdays ?? []) map.set(d.date, { kind: 'workday', name: d.name });
  return map;
}

/** The days that differ between two schedules of a year, in date order. */
export function dayChanges(before: YearSchedule | undefined, after: YearSchedule): DayChange[] {
  const a = entries(before);
  const b = entries(after);
  const dates = [...new Set([...a.keys(), ...b.keys()])].sort();
  const changes: DayChange[] = [];
  for (const date of dates) {
    const x = a.get(date);
    const y = b.get(date);
    if (x && y && x.kind === y.kind && x.name === y.name) continue;
    changes.push({ date, ...(x ? { before: x } : {}), ...(y ? { after: y } : {}) });
  }
  return changes;
}

function merged(before: YearSchedule, extra: ImportedYear): YearSchedule {
  const days = entries(before);
  for (const d of extra.holidays) days.set(d.date, { kind: 'holiday', name: d.name });
  for (const d of extra.workdays) days.set(d.date, { kind: 'workday', name: d.name });
  const of = (kind: DayKind) =>
    [...days.entries()]
      .filter(([, e]) => e.kind === kind)
      .map(([date, e]) => ({ date, name: e.name }))
      .sort((x, y) => x.date.localeCompare(y.date));
  return { year: before.year, sources: before.sources, holidays: of('holiday'), workdays: of('workday') };
}

/**
 * The plan of an import against the schedules in force. Turn-of-year days for a year that has no schedule
 * are not imported (they would make a near-empty year look scheduled); a warning says so.
 */
export function planImport(
  imported: ImportedYear[],
  current: ReadonlyMap<number, YearSchedule>,
): { plans: YearPlan[]; warnings: string[] } {
  const plans: YearPlan[] = [];
  const warnings: string[] = [];
  for (const y of imported) {
    const before = current.get(y.year);
    if (y.mode === 'merge' && !before) {
      const dates = [...y.holidays, ...y.workdays].map((d) => d.date).sort();
      warnings.push(`${y.year}年尚无安排，文件中属于该年的跨年日期（${dates.join('、')}）未导入`);
      continue;
    }
    const after: YearSchedule =
      y.mode === 'merge' && before
        ? merged(before, y)
        : { year: y.year, sources: y.sources, holidays: y.holidays, workdays: y.workdays };
    const changes = dayChanges(before, after);
    const sourcesChanged = JSON.stringify(before?.sources ?? []) !== JSON.stringify(after.sources);
    const action = !before ? 'new' : changes.length === 0 && !sourcesChanged ? 'unchanged' : y.mode;
    plans.push({ year: y.year, action, ...(before ? { before } : {}), after, changes, sourcesChanged });
  }
  return { plans: plans.sort((a, b) => a.year - b.year), warnings };
}
