// The arithmetic every table relation is made of — a total against the sum of its parts, one cell not above
// another — with the three outcomes: holds, fails (naming the cells and their values), not_checkable (naming
// the cell that is missing). A blank cell is "not reported", never 0: a sum with a blank part is checked only
// as far as it is certain (parts already above the total fail whatever the blank holds).
import type { Check, CellId, CheckStatus, Line, ParsedReport, Severity } from '../model.ts';
import { cellName, schemaOf, type Schema } from './schema.ts';

export interface Ctx {
  report: ParsedReport;
  lines: Line[];
  /** The report's own text: no page furniture, no empty lines. */
  text: Line[];
  /** null when the report's format is unknown: then no table relation applies. */
  schema: Schema | null;
}

export type Value = number | null | undefined;

export function contextOf(report: ParsedReport, lines: Line[]): Ctx {
  const text = lines.filter((l) => !l.furniture && l.text !== '');
  return { report, lines, text, schema: report.format ? schemaOf(report.format, report.variant) : null };
}

/** undefined = not found in the report, null = printed as not reported (blank, -, —, /). */
export function valueOf(ctx: Ctx, id: CellId): Value {
  return Object.hasOwn(ctx.report.cells, id) ? ctx.report.cells[id] : undefined;
}

export function nameOf(ctx: Ctx, id: CellId): string {
  return ctx.schema ? cellName(ctx.schema, id, ctx.report.year) : `「${id}」`;
}

/** 统计表「（一）收到申请数」：65 — a cell and its value (未报告 / 未找到 when it has none). */
export function cellValue(ctx: Ctx, id: CellId): string {
  const v = valueOf(ctx, id);
  return `${nameOf(ctx, id)}：${typeof v === 'number' ? shown(v) : absence(v)}`;
}

/** Numbers as printed: no float noise from summing 万元 amounts. */
export function shown(value: number): string {
  return String(Math.round(value * 10_000) / 10_000);
}

const same = (a: number, b: number) => Math.abs(a - b) < 1e-6;

/** Why a cell has no number: printed blank, or not found at all. */
export const absence = (value: Value): string => (value === null ? '未报告' : '未找到');

/** The cells among `ids` that have no number. */
export function unknownOf(ctx: Ctx, ids: CellId[]): CellId[] {
  return ids.filter((id) => typeof valueOf(ctx, id) !== 'number');
}

export function makeCheck(ctx: Ctx, id: string, severity: Severity, status: CheckStatus, message: string, cells: CellId[]): Check {
  const values: Record<CellId, number | null> = {};
  for (const cell of cells) values[cell] = valueOf(ctx, cell) ?? null;
  return { id, severity, status, message, values };
}

export interface Rule {
  id: string;
  severity: Severity;
}

export function ruleCheck(ctx: Ctx, rule: Rule, status: CheckStatus, message: string, cells: CellId[]): Check {
  return makeCheck(ctx, rule.id, rule.severity, status, message, cells);
}

/** not_checkable, naming the cells that have no number. */
export function cannotCheck(ctx: Ctx, rule: Rule, absent: CellId[], cells: CellId[]): Check {
  const text = absent.map((id) => `${nameOf(ctx, id)}${absence(valueOf(ctx, id))}`).join('，');
  return ruleCheck(ctx, rule, 'not_checkable', `无法校验：${text}`, cells);
}

export interface SumSpec {
  total: CellId;
  parts: CellId[];
  /** How a part is named inside the sum (the row for a column sum, the column for a row sum). */
  partName: (id: CellId) => string;
  /** 各项结果 / 各申请人类型 — used instead of the list when the parts are many. */
  partsWord: string;
  /** The total and the parts: the cells the check names. */
  cells: CellId[];
}

/** A sum to check, with its cells listed once (sums are prepared once per table layout, checked per report). */
export function sumSpec(total: CellId, parts: CellId[], partName: (id: CellId) => string, partsWord: string): SumSpec {
  return { total, parts, partName, partsWord, cells: [total, ...parts] };
}

/** A failed sum lists its parts up to this many; a sum that holds, up to HOLDS_LIST_LIMIT (it is read less). */
const LIST_LIMIT = 8;
const HOLDS_LIST_LIMIT = 5;

/** total == sum(parts). */
export function sumEquals(ctx: Ctx, rule: Rule, spec: SumSpec): Check {
  const { total, parts, cells } = spec;
  const t = valueOf(ctx, total);
  if (t === undefined || t === null) {
    return cannotCheck(ctx, rule, [total], cells);
  }
  const known: CellId[] = [];
  const unknown: CellId[] = [];
  let sum = 0;
  for (const id of parts) {
    const v = valueOf(ctx, id);
    if (typeof v === 'number') {
      known.push(id);
      sum += v;
    } else unknown.push(id);
  }
  const head = `${nameOf(ctx, total)}：${shown(t)}`;
  if (unknown.length === 0) {
    return same(t, sum)
      ? ruleCheck(ctx, rule, 'holds', `${head}，等于${known.length <= HOLDS_LIST_LIMIT ? partsList(ctx, spec, known, sum) : `${spec.partsWord}之和`}`, cells)
      : ruleCheck(ctx, rule, 'fails', `${head}，而${sumText(ctx, spec, known, sum)}`, cells);
  }
  const unknownNames = unknown.map((id) => `${spec.partName(id)}${absence(valueOf(ctx, id))}`).join('，');
  if (sum > t + 1e-6) {
    return ruleCheck(ctx, rule, 'fails', `${head}，而已报告的分项${sumText(ctx, spec, known, sum)}，已超过总数（${unknownNames}）`, cells);
  }
  if (enumeratedInProse(ctx, total, known, unknown)) {
    return ruleCheck(ctx, rule, 'fails', `${head}，而报告列出的分项${sumText(ctx, spec, known, sum)}，与总数不符（未提及：${unknown.map(spec.partName).join('、')}）`, cells);
  }
  return ruleCheck(ctx, rule, 'not_checkable', `无法校验：${unknownNames}`, cells);
}

/** 「1.当面申请数」5 + 「3.网络申请数」5 = 10. */
function partsList(ctx: Ctx, spec: SumSpec, known: CellId[], sum: number): string {
  return `${known.map((id) => `${spec.partName(id)}${shown(valueOf(ctx, id) as number)}`).join(' + ')} = ${shown(sum)}`;
}

/** The parts listed when they are few, else their sum. */
function sumText(ctx: Ctx, spec: SumSpec, known: CellId[], sum: number): string {
  return known.length <= LIST_LIMIT ? partsList(ctx, spec, known, sum) : `${spec.partsWord}之和为 ${shown(sum)}`;
}

/** A sentence that gives a total and then "其中" two or more of its parts, none of the others: the report's
 *  own breakdown. When it does not add up the report says so itself — no part is guessed. Not when the
 *  sentence counts more things than the total and the parts read from it (a part with no cell of its own,
 *  e.g. 其他形式 in a table that has no such row). */
function enumeratedInProse(ctx: Ctx, total: CellId, known: CellId[], unknown: CellId[]): boolean {
  const sources = ctx.report.sources;
  if (known.length < 2 || unknown.some((id) => valueOf(ctx, id) === null)) return false;
  if (![total, ...known].every((id) => sources[id]?.from === 'prose')) return false;
  const source = sources[known[0]!]!;
  if (!known.every((id) => sources[id]?.line === source.line && sources[id]?.text === source.text)) return false;
  const counted = source.text.match(/\d+(?:\.\d+)?\s*(?:件|条|次|个|项|人)/g)?.length ?? 0;
  const inSentence = sources[total]?.text === source.text ? 1 : 0;
  return counted === known.length + inSentence;
}

/** small <= big. */
export function atMost(ctx: Ctx, rule: Rule, small: CellId, big: CellId, why = ''): Check {
  const s = valueOf(ctx, small);
  const b = valueOf(ctx, big);
  const cells = [small, big];
  if (typeof s !== 'number' || typeof b !== 'number') return cannotCheck(ctx, rule, unknownOf(ctx, cells), cells);
  return s <= b + 1e-6
    ? ruleCheck(ctx, rule, 'holds', `${cellValue(ctx, small)}，不大于${cellValue(ctx, big)}`, cells)
    : ruleCheck(ctx, rule, 'fails', `${cellValue(ctx, small)}，大于${cellValue(ctx, big)}${why}`, cells);
}

/** A relation that needs another year's report. */
export function otherYear(ctx: Ctx, rule: Rule, which: string, cells: CellId[] = []): Check {
  return ruleCheck(ctx, rule, 'not_checkable', `无法仅凭本年度报告校验：需要${which}`, cells);
}
