// A holiday schedule file → the years it holds, validated, or every problem found, each in Chinese naming
// its line or field. Accepted: this system's JSON (one year or an array of years, as `gongkai calendar show
// --json` prints it), the per-year JSON of the `chinese-days` package, and iCalendar (.ics). Pure: no I/O.
import { z } from 'zod';
import { dayOf, isWeekend, parseIsoDate, weekdayOf, type IsoDate } from './dates.ts';
import festivals from './festivals.json' with { type: 'json' };
import { parseIcs, type DayKind, type MarkedDay } from './ics.ts';
import { jsonSyntaxProblem } from './json-syntax.ts';
import type { Notice, ScheduleDay } from './model.ts';

/**
 * A year the file brings. `replace`: the file holds the year's whole schedule. `merge`: the file holds only
 * a few days at the turn of the year (e.g. 2018-12-30..31 in a feed for 2019), to be added to the schedule
 * the year already has.
 */
export interface ImportedYear {
  year: number;
  mode: 'replace' | 'merge';
  sources: Notice[];
  holidays: ScheduleDay[];
  workdays: ScheduleDay[];
}

export interface ParsedImport {
  /** The format recognised, in Chinese, for the preview. */
  format: string;
  years: ImportedYear[];
  warnings: string[];
}

export class ImportError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
  }
}

export interface ImportOptions {
  /** The last year that may be imported (the State Council publishes year N's schedule late in year N−1). */
  latestYear: number;
}

export const EARLIEST_IMPORT_YEAR = 2000;
const WEEKDAY_TEXT = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

const aliases = new Map(Object.entries(festivals.aliases).map(([k, v]) => [k.toLowerCase(), v]));
/** The legal term for a festival name as a feed spells it (清明 → 清明节, National Day → 国庆节). */
export function festivalName(raw: string): string {
  const name = raw.trim();
  return aliases.get(name.toLowerCase()) ?? name;
}

// ---- this system's JSON ----

const text = (label: string, max: number) =>
  z.string({ error: `${label}应为文字` }).trim().min(1, `${label}不能为空`).max(max, `${label}不能超过 ${max} 个字符`);
const isoDate = (label: string) =>
  z
    .string({ error: `${label}应为 YYYY-MM-DD 格式的日期` })
    .refine((s) => parseIsoDate(s) !== null, { error: (issue) => `${label}「${String(issue.input)}」不是有效的 YYYY-MM-DD 日期` });
const daySchema = z.object(
  { date: isoDate('日期'), name: text('节日名称', 60) },
  { error: '应为 {"date": "YYYY-MM-DD", "name": "节日名称"} 形式的对象' },
);
const noticeSchema = z.object(
  { number: text('文号', 80), title: text('通知标题', 200), issuedOn: isoDate('发布日期'), note: text('说明', 1000).optional() },
  { error: '应为 {"number": 文号, "title": 标题, "issuedOn": "YYYY-MM-DD"} 形式的通知' },
);
const scheduleSchema = z.object(
  {
    year: z.number({ error: 'year 应为年份数字，例如 2027' }).int('year 应为整数年份'),
    sources: z.array(noticeSchema, { error: 'sources 应为通知的数组' }).max(20, 'sources 最多 20 项').default([]),
    holidays: z.array(daySchema, { error: 'holidays 应为数组' }).max(366, 'holidays 最多 366 项'),
    workdays: z.array(daySchema, { error: 'workdays 应为数组' }).max(366, 'workdays 最多 366 项').default([]),
  },
  { error: '每个年份应为 {"year", "sources", "holidays", "workdays"} 形式的对象' },
);

const fieldPath = (path: PropertyKey[]) =>
  path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`)).join('');
/** "[1].holidays[3].date": the place of a field, `prefix` being the year's index in an array file. */
const at = (prefix: string, path: PropertyKey[]) => [prefix, fieldPath(path)].filter(Boolean).join('.');
const located = (where: string, message: string) => (where ? `${where}：${message}` : message);

function ownFormat(input: unknown, problems: string[], opts: ImportOptions): ImportedYear[] {
  const many = Array.isArray(input);
  const list = many ? (input as unknown[]) : [input];
  if (list.length === 0) problems.push('数组是空的：没有任何年份');
  if (list.length > 300) problems.push(`数组有 ${list.length} 项，过多（最多 300 个年份）`);
  const years: ImportedYear[] = [];
  const seen = new Map<number, string>();
  list.forEach((item, i) => {
    const prefix = many ? `[${i}]` : '';
    const parsed = scheduleSchema.safeParse(item);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push(located(at(prefix, issue.path), issue.message));
      return;
    }
    const s = parsed.data;
    const here = prefix || '文件';
    if (!yearPlausible(s.year, at(prefix, ['year']), problems, opts)) return;
    if (seen.has(s.year)) {
      problems.push(`${here}：${s.year}年在 ${seen.get(s.year)} 已经出现过，同一年份只能出现一次`);
      return;
    }
    seen.set(s.year, here);
    const days: MarkedDay[] = [
      ...s.holidays.map((d, j) => ({ ...d, kind: 'holiday' as const, where: at(prefix, ['holidays', j]) })),
      ...s.workdays.map((d, j) => ({ ...d, kind: 'workday' as const, where: at(prefix, ['workdays', j]) })),
    ];
    if (days.length === 0) problems.push(`${here}：${s.year}年没有任何放假或上班的日期`);
    for (const d of days) {
      if (!d.date.startsWith(`${s.year}-`)) {
        problems.push(`${d.where}：${d.date} 不在 ${s.year} 年内（跨年的日期请放在它所在年份的安排中）`);
      }
    }
    const checked = checkDays(days, problems);
    years.push({ year: s.year, mode: 'replace', sources: s.sources, ...split(checked) });
  });
  return years;
}

// ---- chinese-days per-year JSON: {"holidays": {"2025-01-01": "New Year's Day,元旦,1"}, "workdays": {…}} ----

const labelMap = z.record(z.string(), z.string({ error: '应为「English,中文,天数」形式的文字' }), { error: '应为「日期: 名称」形式的对象' });
const chineseDaysSchema = z.object({ holidays: labelMap, workdays: labelMap.default({}) });

function chineseDays(input: unknown, problems: string[]): MarkedDay[] {
  const parsed = chineseDaysSchema.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push(located(fieldPath(issue.path), issue.message));
    return [];
  }
  const days: MarkedDay[] = [];
  for (const kind of ['holidays', 'workdays'] as const) {
    for (const [date, label] of Object.entries(parsed.data[kind])) {
      const where = `${kind}["${date}"]`;
      if (parseIsoDate(date) === null) {
        problems.push(`${where}：「${date}」不是有效的 YYYY-MM-DD 日期`);
        continue;
      }
      const parts = label.split(',');
      days.push({ date, kind: kind === 'holidays' ? 'holiday' : 'workday', name: (parts[1] ?? parts[0] ?? '').trim(), where });
    }
  }
  return days;
}

// ---- shared checks ----

function yearPlausible(year: number, where: string, problems: string[], opts: ImportOptions): boolean {
  if (year >= EARLIEST_IMPORT_YEAR && year <= opts.latestYear) return true;
  problems.push(
    `${where}：${year}年超出可导入的范围（${EARLIEST_IMPORT_YEAR}—${opts.latestYear}年；国务院办公厅一般在上一年年底公布次年的安排）`,
  );
  return false;
}

/**
 * Every day once: names normalised, no day both off and worked, make-up working days on weekends only.
 * A day listed twice under the same festival and kind is kept once.
 */
function checkDays(days: MarkedDay[], problems: string[]): MarkedDay[] {
  const byDate = new Map<IsoDate, MarkedDay>();
  for (const raw of days) {
    const d = { ...raw, name: festivalName(raw.name) };
    if (!d.name) {
      problems.push(`${d.where}：节日名称不能为空`);
      continue;
    }
    if (d.name.length > 60 || /[\u0000-\u001f]/.test(d.name)) {
      problems.push(`${d.where}：节日名称「${d.name.slice(0, 60)}」不合规（最多 60 个字符，不含控制字符）`);
      continue;
    }
    const earlier = byDate.get(d.date);
    if (earlier && earlier.kind !== d.kind) {
      problems.push(`${d.date} 既是放假日（${earlier.kind === 'holiday' ? earlier.where : d.where}）又是上班日（${earlier.kind === 'workday' ? earlier.where : d.where}）`);
      continue;
    }
    if (earlier && earlier.name !== d.name) {
      problems.push(`${d.date} 有两个节日名称：「${earlier.name}」（${earlier.where}）和「${d.name}」（${d.where}）`);
      continue;
    }
    if (d.kind === 'workday' && !isWeekend(dayOf(d.date))) {
      problems.push(`${d.where}：${d.date} 是${WEEKDAY_TEXT[weekdayOf(dayOf(d.date))]}，调休上班日只能是周六或周日`);
      continue;
    }
    byDate.set(d.date, d);
  }
  return [...byDate.values()];
}

function split(days: MarkedDay[]): { holidays: ScheduleDay[]; workdays: ScheduleDay[] } {
  const of = (kind: DayKind) =>
    days
      .filter((d) => d.kind === kind)
      .map((d) => ({ date: d.date, name: d.name }))
      .sort((a, b) => a.date.localeCompare(b.date));
  return { holidays: of('holiday'), workdays: of('workday') };
}

/** Days only in the last week of December or the first week of January: a neighbouring notice's days. */
const turnOfYear = (date: IsoDate) => date.slice(5) >= '12-24' || date.slice(5) <= '01-07';

/** Days of a file that does not say which year it is for, grouped into years. */
function byYear(days: MarkedDay[], problems: string[], opts: ImportOptions): ImportedYear[] {
  const checked = checkDays(days, problems);
  const groups = new Map<number, MarkedDay[]>();
  for (const d of checked) {
    const year = Number(d.date.slice(0, 4));
    const group = groups.get(year);
    if (group) group.push(d);
    else groups.set(year, [d]);
  }
  const years: ImportedYear[] = [];
  for (const [year, list] of [...groups.entries()].sort((a, b) => a[0] - b[0])) {
    if (!yearPlausible(year, `${year}年的日期（${list[0]!.where} 等）`, problems, opts)) continue;
    const mode = list.every((d) => turnOfYear(d.date)) ? 'merge' : 'replace';
    years.push({ year, mode, sources: [], ...split(list) });
  }
  return years;
}

/** Reads a schedule file's text; throws ImportError listing every problem when anything is wrong. */
export function parseScheduleFile(fileName: string, content: string, opts: ImportOptions): ParsedImport {
  const source = content.replace(/^\uFEFF/, '');
  if (source.trim() === '') throw new ImportError(['文件是空的']);
  const problems: string[] = [];
  let format: string;
  let years: ImportedYear[];
  if (/\.ics$/i.test(fileName) || /^\s*BEGIN:VCALENDAR/i.test(source)) {
    format = 'iCalendar（.ics）';
    const ics = parseIcs(source);
    problems.push(...ics.problems);
    years = problems.length ? [] : byYear(ics.days, problems, opts);
  } else {
    let input: unknown;
    try {
      input = JSON.parse(source);
    } catch {
      throw new ImportError([jsonSyntaxProblem(source)]);
    }
    const record = typeof input === 'object' && input !== null && !Array.isArray(input) ? (input as Record<string, unknown>) : null;
    if (Array.isArray(input) || (record && 'year' in record)) {
      format = '本系统的年度安排 JSON';
      years = ownFormat(input, problems, opts);
    } else if (record && typeof record.holidays === 'object' && record.holidays !== null && !Array.isArray(record.holidays)) {
      format = 'chinese-days 年度 JSON';
      const days = chineseDays(record, problems);
      years = problems.length ? [] : byYear(days, problems, opts);
    } else {
      throw new ImportError([
        '无法识别的 JSON：应为本系统的年度安排（含 year、holidays、workdays，或其数组），' +
          '或 chinese-days 的年度 JSON（holidays、workdays 为「日期: 名称」对象）',
      ]);
    }
  }
  if (problems.length) throw new ImportError(problems);
  const warnings = years
    .filter((y) => y.mode === 'replace' && y.sources.length === 0)
    .map((y) => `${y.year}年的安排没有注明所依据的通知（文号）；如需记录，请改用本系统的 JSON 格式并填写 sources`);
  return { format, years, warnings };
}
