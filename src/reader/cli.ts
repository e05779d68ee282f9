// gongkai parse FILE… [--json]: read published annual reports back into numbers and check them. Each file is
// read on its own — one that cannot be read gets its own error, the others are still parsed. Exit 0 when
// every file was read, 1 when any could not be, 2 for bad usage.
import { readFile } from 'node:fs/promises';
import type { Io } from '../cli/main.ts';
import { formatName, variantName } from './checks/schema.ts';
import type { Check, ParsedReport } from './model.ts';
import { parseFile } from './parse.ts';
import { cellText, severityNames, tablesOf, type TableView } from './views/tables.ts';

const USAGE = `用法：gongkai parse 文件… [--json]

读取已发布的政府信息公开工作年度报告（文本、HTML、DOCX、PDF），提取统计数字并校验。
  --json   输出 JSON 数组，每个文件一个对象：{file, agency, year, years, format, variant, cells, sources, checks, warnings, error}
默认输出中文摘要：格式、年度、机关、读出的表格（— 表示报告未填报，空白表示未找到）、警告和未通过的校验。
`;

export async function runParse(args: string[], io: Io): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout(USAGE);
    return 0;
  }
  const unknown = args.filter((a) => a.startsWith('-') && a !== '--json');
  const files = args.filter((a) => !a.startsWith('-'));
  if (unknown.length > 0 || files.length === 0) {
    io.stderr(`${unknown.length > 0 ? `未知选项：${unknown.join(' ')}\n\n` : '请指定至少一个报告文件。\n\n'}${USAGE}`);
    return 2;
  }
  const reports: ParsedReport[] = [];
  for (const file of files) reports.push(await parseOne(file));
  if (args.includes('--json')) io.stdout(`${JSON.stringify(reports.map(jsonOf), null, 2)}\n`);
  else io.stdout(reports.map(summaryOf).join('\n'));
  return reports.some((r) => r.error !== undefined) ? 1 : 0;
}

async function parseOne(file: string): Promise<ParsedReport> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    return unreadable(file, `无法读取文件：${readFailure(error)}`);
  }
  try {
    return await parseFile(bytes, file);
  } catch (error) {
    return unreadable(file, `内部错误：${error instanceof Error ? error.message : String(error)}`);
  }
}

function readFailure(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  if (code === 'ENOENT') return '文件不存在';
  if (code === 'EISDIR') return '这是一个目录，不是文件';
  if (code === 'EACCES' || code === 'EPERM') return '没有读取权限';
  return typeof code === 'string' ? `系统错误 ${code}` : '未知原因';
}

function unreadable(file: string, error: string): ParsedReport {
  const years = { title: null, period: null, template: null };
  return { file, agency: null, year: null, years, format: null, variant: null, cells: {}, sources: {}, figures: [], checks: [], warnings: [], error };
}

/** The --json object of one file (the figures stay out: cells and sources say what was taken and from where). */
function jsonOf(r: ParsedReport) {
  const { file, agency, year, years, format, variant, cells, sources, checks, warnings, error } = r;
  return { file, agency, year, years, format, variant, cells, sources, checks, warnings, ...(error !== undefined ? { error } : {}) };
}

const or = (value: string | number | null) => (value === null ? '未能确定' : String(value));

function summaryOf(r: ParsedReport): string {
  const out: string[] = [`== ${r.file} ==`];
  if (r.error !== undefined) return `${out[0]}\n错误：${r.error}\n`;
  out.push(`机关：${or(r.agency)}`);
  const detail = [r.years.title !== null ? `标题 ${r.years.title}` : '', r.years.period !== null ? `统计期限 ${r.years.period}` : ''].filter(Boolean);
  out.push(`年度：${or(r.year)}${detail.length > 0 ? `（${detail.join('，')}）` : ''}`);
  out.push(`格式：${r.format ? formatName(r.format) : '未能确定'}${r.variant ? `（${variantName(r.variant)}）` : ''}`);
  const tables = tablesOf(r).filter((t) => t.found > 0);
  if (tables.length === 0) out.push('', '未读出任何表格。');
  for (const table of tables) out.push('', ...tableLines(table));
  const prose = Object.values(r.sources).filter((s) => s.from === 'prose').length;
  if (prose > 0) out.push(`（标 * 的数字取自正文，共 ${prose} 个）`);
  if (r.warnings.length > 0) out.push('', `读取警告（${r.warnings.length}）：`, ...r.warnings.map((w) => `  - ${w}`));
  out.push('', ...checkLines(r.checks));
  return `${out.join('\n')}\n`;
}

function tableLines(table: TableView): string[] {
  const lines = [`${table.name === '统计表' ? table.title : `${table.name} ${table.title}`}${table.heading ? ` ${table.heading}` : ''}`];
  const multi = table.columns.length > 1;
  if (multi) lines.push(`  列：${table.columns.map((c) => c.label).join(' | ')}`);
  for (const row of table.rows) {
    const indent = '  '.repeat(row.depth + 1);
    if (row.kind === 'group') {
      lines.push(`${indent}${row.label}`);
      continue;
    }
    const values = row.cells.map((c) => `${cellText(c.value, c.source?.unit)}${c.source?.from === 'prose' ? '*' : ''}`);
    lines.push(`${indent}${row.label}${row.label ? '：' : ''}${values.join(multi ? ' | ' : '')}`);
  }
  return lines;
}

function checkLines(checks: Check[]): string[] {
  const failed = checks.filter((c) => c.status === 'fails');
  const count = (s: Check['status']) => checks.filter((c) => c.status === s).length;
  const lines = [`校验：共 ${checks.length} 项，通过 ${count('holds')}，未通过 ${failed.length}，无法校验 ${count('not_checkable')}`];
  for (const severity of ['error', 'warning', 'info'] as const) {
    for (const c of failed.filter((f) => f.severity === severity)) lines.push(`  [${severityNames[severity]}] ${c.id}：${c.message}`);
  }
  return lines;
}
