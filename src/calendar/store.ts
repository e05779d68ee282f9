// Reads the schedules: those shipped with the system (src/calendar/data) and those imported later
// (<dataDir>/calendar, written by `gongkai calendar import`), an imported year replacing a shipped one.
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serializeSchedule } from './format.ts';
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
    .map((f) => {
      const file = path.join(dir, f);
      try {
        return JSON.parse(readFileSync(file, 'utf8')) as YearSchedule;
      } catch (error) {
        throw new Error(`节假日数据文件 ${file} 无法读取：${error instanceof Error ? error.message : String(error)}`);
      }
    });
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

/** Where a year's schedule comes from: shipped, imported (perhaps over a shipped one), or nowhere. */
export function scheduleOrigin(dataDir: string, year: number): { shipped: string | null; imported: string | null } {
  const at = (dir: string) => {
    const file = path.join(dir, `${year}.json`);
    return existsSync(file) ? file : null;
  };
  return { shipped: at(shippedDir), imported: at(importedDir(dataDir)) };
}

/**
 * Writes imported years to <dataDir>/calendar, all or none: every year is first written and synced to a
 * temporary file, then each is renamed over its target; if anything fails, the years already renamed are
 * put back as they were and the temporary files removed. Returns the files written.
 */
export function writeImportedSchedules(dataDir: string, schedules: YearSchedule[]): string[] {
  const dir = importedDir(dataDir);
  mkdirSync(dir, { recursive: true });
  const staged: { tmp: string; target: string; previous: string | null }[] = [];
  const removeTemps = () => {
    for (const s of staged) rmSync(s.tmp, { force: true });
  };
  try {
    for (const s of schedules) {
      const target = path.join(dir, `${s.year}.json`);
      const tmp = path.join(dir, `.${s.year}.json.${process.pid}.tmp`);
      staged.push({ tmp, target, previous: existsSync(target) ? readFileSync(target, 'utf8') : null });
      const fd = openSync(tmp, 'w');
      try {
        writeFileSync(fd, serializeSchedule(s));
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
    }
  } catch (error) {
    removeTemps();
    throw error;
  }
  const done: typeof staged = [];
  try {
    for (const s of staged) {
      renameSync(s.tmp, s.target);
      done.push(s);
    }
  } catch (error) {
    for (const s of done) {
      if (s.previous === null) rmSync(s.target, { force: true });
      else writeFileSync(s.target, s.previous);
    }
    removeTemps();
    throw error;
  }
  return staged.map((s) => s.target);
}
