// The on-disk form of a year's schedule: JSON with one day per line, so that a diff of a data file
// reads as the list of days that changed.
import type { YearSchedule } from './model.ts';

export function serializeSchedule(s: YearSchedule): string {
  const list = (items: unknown[]) =>
    items.length === 0 ? '[]' : `[\n${items.map((x) => `    ${JSON.stringify(x)}`).join(',\n')}\n  ]`;
  return `{\n  "year": ${s.year},\n  "sources": ${list(s.sources)},\n  "holidays": ${list(s.holidays)},\n  "workdays": ${list(s.workdays)}\n}\n`;
}
