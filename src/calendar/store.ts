// Reads the schedules: those shipped with the system (src/calendar/data) and those imported later
// (<dataDir>/calendar, written by `gongkai calendar import`), an imported year replacing a shipped one.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCalendar, type Calendar, type YearSchedule } from './model.ts';

export const shippedDir = fileURLToPath(new URL('./data', import.meta.url));

export function importedDir(dataDir: string): string {
  return path.join(dataDir, 'calendar');
}

export function readSchedules(dir: string): YearSchedule[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /^\d{4}\.json$/.test(f))
    .sort()
    .map((f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as YearSchedule);
}

/** The schedules in force: shipped years, replaced or extended by imported ones. */
export function loadSchedules(dataDir?: string): YearSchedule[] {
  const byYear = new Map<number, YearSchedule>();
  for (const s of readSchedules(shippedDir)) byYear.set(s.year, s);
  if (dataDir) for (const s of readSchedules(importedDir(dataDir))) byYear.set(s.year, s);
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}

export function loadCalendar(dataDir?: string): Calendar {
  return buildCalendar(loadSchedules(dataDir));
}
