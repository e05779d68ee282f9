// Seeds src/calendar/data/<year>.json from the `chinese-days` package (a dev dependency), keeping the
// `sources` already recorded in each file. Run once per new package version, then check the result
// against the State Council notices (src/calendar/notices.test.ts) before committing:
//   node --import tsx scripts/seed-calendar.ts 2008 2026
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { ScheduleDay, YearSchedule } from '../src/calendar/model.ts';
import { serializeSchedule } from '../src/calendar/format.ts';

const require = createRequire(import.meta.url);
const [from = '2008', to = '2026'] = process.argv.slice(2);

function days(entries: Record<string, string>): ScheduleDay[] {
  return Object.entries(entries)
    .map(([date, label]) => ({ date, name: label.split(',')[1] ?? label }))
    .sort((a, b) => a.date.localeCompare(b.date));
}

for (let year = Number(from); year <= Number(to); year++) {
  const raw = require(`chinese-days/dist/years/${year}.json`) as { holidays: Record<string, string>; workdays: Record<string, string> };
  const file = new URL(`../src/calendar/data/${year}.json`, import.meta.url);
  const previous: Partial<YearSchedule> = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  const schedule: YearSchedule = {
    year,
    sources: previous.sources ?? [],
    holidays: days(raw.holidays),
    workdays: days(raw.workdays),
  };
  writeFileSync(file, serializeSchedule(schedule));
}
