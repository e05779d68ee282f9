// `gongkai calendar show YEAR [--json]` and `gongkai calendar import FILE [--yes]`: the schedule of a year
// with its notices, and the import of a new schedule — previewed first, written only with --yes. An applied
// import moves the due dates of the open applications in the configured database (the applications store is
// loaded only then, so the calendar does not depend on it).
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Io } from '../cli/main.ts';
import { loadConfig, type Config } from '../config.ts';
import { dayOf, todayInChina, yearOf } from './dates.ts';
import { describeChange, describeHolidays, describeNotice, describeTotals } from './describe.ts';
import { serializeSchedule } from './format.ts';
import { ImportError, parseScheduleFile, type ParsedImport } from './import.ts';
import { FIRST_DAY, LAST_DAY, type YearSchedule } from './model.ts';
import { planImport, type YearPlan } from './plan.ts';
import { loadCalendar, loadSchedules, scheduleOrigin, writeImportedSchedules } from './store.ts';

const USAGE = `用法：
  gongkai calendar show <年份> [--json]     查看某年的放假与调休安排及其依据的通知（--json 输出数据文件格式）
  gongkai calendar import <文件> [--yes]    导入年度安排（本系统 JSON、chinese-days JSON 或 iCalendar .ics）；
                                            不加 --yes 只预览将发生的变化，不写入任何文件；
                                            加 --yes 导入后，按新的安排重新计算在办申请的答复期限
`;
const MAX_FILE_BYTES = 5 * 1024 * 1024;
const MAX_PROBLEMS_SHOWN = 30;

/** Input the command cannot work with: reported in Chinese, exit 2. */
class InputError extends Error {}

/** Positional arguments and the flags, rejecting any flag the subcommand does not know. */
function parseArgs(args: string[], known: string[]): { positional: string[]; flags: Set<string> } {
  const positional: string[] = [];
  const flags = new Set<string>();
  for (const a of args) {
    if (!a.startsWith('--')) positional.push(a);
    else if (known.includes(a)) flags.add(a);
    else throw new InputError(`未知选项：${a}`);
  }
  return { positional, flags };
}

function parseYear(text: string | undefined): number {
  if (text === undefined) throw new InputError('请指定年份，例如：gongkai calendar show 2025');
  if (!/^\d{4}$/.test(text)) throw new InputError(`年份应为四位数字，例如 2025；收到的是「${text}」`);
  const year = Number(text);
  const [first, last] = [yearOf(FIRST_DAY), yearOf(LAST_DAY)];
  if (year < first || year > last) throw new InputError(`${year}年超出日历范围（${first}—${last}年）`);
  return year;
}

const byYear = (schedules: YearSchedule[]) => new Map(schedules.map((s) => [s.year, s]));

function originText(dataDir: string, year: number): string {
  const { shipped, imported } = scheduleOrigin(dataDir, year);
  if (imported) return `导入（${imported}）${shipped ? '，替换随系统提供的数据' : ''}`;
  return '随系统提供';
}

function sourceLines(s: YearSchedule, indent: string): string[] {
  if (s.sources.length === 0) return [`${indent}依据：未注明所依据的通知`];
  return [`${indent}依据：`, ...s.sources.map((n) => `${indent}  · ${describeNotice(n)}`)];
}

function show(args: string[], io: Io): number {
  const { positional, flags } = parseArgs(args, ['--json']);
  if (positional.length > 1) throw new InputError(`多余的参数：${positional.slice(1).join(' ')}`);
  const year = parseYear(positional[0]);
  const { dataDir } = loadConfig();
  const schedule = byYear(loadSchedules(dataDir)).get(year);
  if (flags.has('--json')) {
    io.stdout(schedule ? serializeSchedule(schedule) : 'null\n');
    return 0;
  }
  if (!schedule) {
    io.stdout(
      `${year}年没有节假日安排数据。\n` +
        '该年按周一至周五为工作日、周六和周日为休息日计算；凡涉及该年的期限均为临时结果（provisional），' +
        '待导入该年的国务院办公厅通知后才能确定。\n' +
        '导入方法：gongkai calendar import <文件> --yes\n',
    );
    return 0;
  }
  const lines = [
    `${year}年节假日与调休安排`,
    `数据来源：${originText(dataDir, year)}`,
    ...sourceLines(schedule, ''),
    '放假与调休：',
    ...describeHolidays(schedule).map((l) => `  ${l}`),
    describeTotals(schedule),
  ];
  io.stdout(`${lines.join('\n')}\n`);
  return 0;
}

const ACTION_TEXT: Record<YearPlan['action'], string> = {
  new: '新增年份（此前没有安排）',
  replace: '替换现有安排',
  merge: '补充跨年日期（并入现有安排）',
  unchanged: '与现有安排相同，不变',
};

function planLines(plan: YearPlan, dataDir: string): string[] {
  const head = `${plan.year}年：${ACTION_TEXT[plan.action]}${plan.before ? `（现有安排：${originText(dataDir, plan.year)}）` : ''}`;
  if (plan.action === 'unchanged') return [head];
  if (plan.action === 'new') {
    return [head, ...sourceLines(plan.after, '  '), ...describeHolidays(plan.after).map((l) => `  ${l}`), `  ${describeTotals(plan.after)}`];
  }
  return [head, ...(plan.sourcesChanged ? sourceLines(plan.after, '  ') : []), ...plan.changes.map((c) => `  ${describeChange(c)}`)];
}

function readText(file: string): string {
  let size: number;
  try {
    const st = statSync(file);
    if (!st.isFile()) throw new InputError(`「${file}」不是文件`);
    size = st.size;
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(code === 'ENOENT' ? `找不到文件：${file}` : `无法读取文件「${file}」（${code ?? String(error)}）`);
  }
  if (size > MAX_FILE_BYTES) throw new InputError(`文件过大（${(size / 1024 / 1024).toFixed(1)} MB）：节假日安排文件不应超过 5 MB`);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(file));
  } catch {
    throw new InputError(`「${file}」不是 UTF-8 编码的文本文件`);
  }
}

async function importFile(args: string[], io: Io): Promise<number> {
  const { positional, flags } = parseArgs(args, ['--yes']);
  const file = positional[0];
  if (!file) throw new InputError('请指定要导入的文件，例如：gongkai calendar import 2027.ics');
  if (positional.length > 1) throw new InputError(`多余的参数：${positional.slice(1).join(' ')}`);
  const content = readText(file);
  let parsed: ParsedImport;
  try {
    parsed = parseScheduleFile(file, content, { latestYear: yearOf(dayOf(todayInChina())) + 1 });
  } catch (error) {
    if (!(error instanceof ImportError)) throw error;
    const shown = error.problems.slice(0, MAX_PROBLEMS_SHOWN).map((p) => `  · ${p}`);
    const more = error.problems.length - shown.length;
    io.stderr(`无法导入「${file}」，未写入任何文件：\n${shown.join('\n')}\n${more > 0 ? `  ……另有 ${more} 处问题\n` : ''}`);
    return 2;
  }
  const config = loadConfig();
  const { dataDir } = config;
  const { plans, warnings } = planImport(parsed.years, byYear(loadSchedules(dataDir)));
  const toWrite = plans.filter((p) => p.action !== 'unchanged');
  const out = [`文件「${file}」（${parsed.format}）：`, ...plans.flatMap((p) => planLines(p, dataDir))];
  for (const w of [...parsed.warnings, ...warnings]) out.push(`提示：${w}`);
  if (!flags.has('--yes')) {
    out.push(
      toWrite.length === 0
        ? '没有需要导入的变化，未写入任何文件。'
        : `以上为预览，尚未写入任何文件。确认无误后加 --yes 重新运行即可导入：gongkai calendar import ${file} --yes`,
    );
    io.stdout(`${out.join('\n')}\n`);
    return 0;
  }
  if (toWrite.length === 0) {
    out.push('没有需要导入的变化，未写入任何文件。');
  } else {
    let written: string[];
    try {
      written = writeImportedSchedules(dataDir, toWrite.map((p) => p.after));
    } catch (error) {
      io.stdout(`${out.join('\n')}\n`);
      io.stderr(`写入失败，未导入任何年份：${error instanceof Error ? error.message : String(error)}\n`);
      return 1;
    }
    out.push(`已导入 ${written.length} 个年份：`, ...written.map((f) => `  ${f}`));
  }
  // Also when nothing was written: running the import again is how a failed recomputation is retried.
  let moved: DueDateChange[];
  try {
    moved = await moveOpenApplications(config);
  } catch (error) {
    io.stdout(`${out.join('\n')}\n`);
    io.stderr(
      `${toWrite.length > 0 ? '节假日安排已导入，但' : ''}未能重新计算在办申请的答复期限：${error instanceof Error ? error.message : String(error)}\n` +
        `排除故障后再次运行 gongkai calendar import ${file} --yes 即可重新计算。\n`,
    );
    return 1;
  }
  if (moved.length === 0) out.push('没有在办申请的答复期限发生变化。');
  else {
    out.push(`${moved.length} 件在办申请的答复期限随之改变：`);
    for (const m of moved) out.push(`  申请 ${m.number}：答复期限 ${m.before ?? '未定'} → ${m.after ?? '未定'}`);
  }
  if (toWrite.length > 0) out.push('提示：正在运行的服务（npm start）须重新启动，才会按新的安排计算答复期限。');
  io.stdout(`${out.join('\n')}\n`);
  return 0;
}

interface DueDateChange {
  number: string;
  before: string | null;
  after: string | null;
}

/**
 * The due dates of the open applications again, under the schedules now in force, in the configured database
 * (DATABASE_URL, or the SQLite file of the data directory — not created when it does not exist: no database,
 * no applications). The database and applications modules are loaded here only.
 */
async function moveOpenApplications(config: Config): Promise<DueDateChange[]> {
  const { engineFor, openDatabase, sqliteFileName } = await import('../db/database.ts');
  if (engineFor(config.databaseUrl) === 'sqlite' && !existsSync(path.join(config.dataDir, sqliteFileName))) return [];
  const { recomputeDueDates } = await import('../applications/store.ts');
  const opened = await openDatabase(config);
  try {
    const now = new Date();
    return await recomputeDueDates(opened.db, { calendar: loadCalendar(config.dataDir), today: todayInChina(now), now: now.toISOString() });
  } finally {
    await opened.close();
  }
}

export async function runCalendar(args: string[], io: Io): Promise<number> {
  const [sub, ...rest] = args;
  try {
    if (sub === 'show') return show(rest, io);
    if (sub === 'import') return await importFile(rest, io);
    if (sub === '--help' || sub === '-h' || sub === 'help') {
      io.stdout(USAGE);
      return 0;
    }
    io.stderr(`${sub === undefined ? '' : `未知的 calendar 子命令：${sub}\n\n`}${USAGE}`);
    return 2;
  } catch (error) {
    if (error instanceof InputError) {
      io.stderr(`${error.message}\n（gongkai calendar --help 查看用法）\n`);
      return 2;
    }
    io.stderr(`${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
