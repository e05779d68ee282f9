// Tables 二, 三 and 四 of the 2019 and 2021 formats, read from normalised lines whatever the layout: one row per
// line with pipes or tabs, one cell per line, blank-line-separated cells, labels wrapped over two lines, numbers on
// the next line, cells run together ("规章000"). The text becomes a stream of label and number tokens; a run of
// numbers belongs to the label just before it, matched against formats.json's row labels. A row is only taken when
// its count of numbers is exactly the expected one; anything else is left out with a warning. Pure.
import { formatById } from '../../reports/formats.ts';
import type { Figure, Found, Line } from '../model.ts';
import { cellsOf, labelKey, lineHas } from '../normalize.ts';
import { parseCellValue } from '../numbers.ts';
import labelData from './modern-labels.json' with { type: 'json' };

export type ModernFormat = 'fmt2019' | 'fmt2021';
type TableId = 't2' | 't3' | 't4';

interface RowSpec {
  id: string;
  table: TableId;
  label: string;
  key: string;
  /** Column ids of the row's (sub)table; empty for a group row, which has no cells of its own. */
  columns: string[];
  /** The row's cell ids, "<row id>/<column id>" for each column. */
  cells: string[];
  group: boolean;
  /** Position in the format's table order (for labels that need their neighbour to be recognised). */
  order: number;
  /** The label is also a column header (其他, 总计): taken only after an enumerator or the row before it. */
  needsContext: boolean;
}

interface Spec {
  rows: RowSpec[];
  byKey: Map<string, RowSpec[]>;
  groupKeys: string[];
  t3Columns: string[];
  /** The cells of table 四's single row (t4.cases). */
  t4Cells: string[];
}

interface LabelToken {
  kind: 'label';
  text: string;
  key: string;
  line: Line;
  /** The last cell of its line with text: the empty cells after it (a row whose cells are all empty). */
  blanksAfter?: number;
}

interface ValueToken {
  kind: 'value';
  value: number | null;
  text: string;
  line: Line;
  /** 元 or 万元 printed in the cell (35.6万元). */
  unit?: string;
  /** The last number of its line: the empty cells after it on the line (一、本年新收… | 821 | 35 | | 2 | | |). */
  blanksAfter?: number;
}

type Token = LabelToken | ValueToken;

const HEADINGS = labelData.headings as Record<TableId, string[]>;
const T4_HEADER = new Set(labelData.t4_header);
const SUBTOTAL = new Set(labelData.subtotal);
const ALIASES = labelData.aliases as Record<string, string[]>;
const T4_COUNT = 15;
/** The column whose unit the format leaves to the report (采购总金额: 元 or 万元). */
const AMOUNT = '/amount';
/** Labels kept before a run of numbers (headers and wrapped labels; prose lines in between are dropped). */
const MAX_RUN = 60;
/** Longer text is a sentence, not a row label (the longest label of the formats has about 40 characters). */
const MAX_LABEL = 80;

function buildSpec(format: ModernFormat): Spec {
  const rows: RowSpec[] = [];
  const columnKeys = new Set<string>();
  let t3Columns: string[] = [];
  let t4Columns: string[] = [];
  for (const table of formatById(format).tables) {
    const tableId = table.id as TableId;
    for (const part of table.subtables ?? [{ columns: table.columns ?? [], rows: table.rows ?? [] }]) {
      const columns = part.columns.map((c) => c.id);
      for (const c of part.columns) columnKeys.add(labelKey(c.label));
      if (tableId === 't3') t3Columns = columns;
      if (tableId === 't4') {
        t4Columns = columns;
        continue;
      }
      for (const row of part.rows) {
        const group = row.kind === 'group';
        const own = group ? [] : columns;
        const cells = own.map((c) => `${row.id}/${c}`);
        rows.push({ id: row.id, table: tableId, label: row.label, key: labelKey(row.label), columns: own, cells, group, order: rows.length, needsContext: false });
      }
    }
  }
  const byKey = new Map<string, RowSpec[]>();
  const add = (key: string, row: RowSpec): void => {
    if (key !== '' && !byKey.get(key)?.includes(row)) byKey.set(key, [...(byKey.get(key) ?? []), row]);
  };
  for (const row of rows) {
    row.needsContext = columnKeys.has(row.key);
    add(row.key, row);
    for (const alias of ALIASES[row.id] ?? []) add(labelKey(alias), row);
  }
  const groupKeys = rows.filter((r) => r.group).map((r) => r.key);
  return { rows, byKey, groupKeys, t3Columns, t4Cells: t4Columns.map((c) => `t4.cases/${c}`) };
}

const SPECS: Record<ModernFormat, Spec> = { fmt2019: buildSpec('fmt2019'), fmt2021: buildSpec('fmt2021') };

// ── tokens ───────────────────────────────────────────────────────────────────────────────────────────────────────

function splitNumbers(cell: string): { label: string; values: string[] } {
  if (!cell.includes(' ')) return { label: cell, values: [] }; // the caller found the whole cell no number
  const parts = cell.split(' ');
  let i = parts.length;
  while (i > 0 && parseCellValue(parts[i - 1]!) !== undefined) i--;
  return { label: parts.slice(0, i).join(' '), values: parts.slice(i) };
}

/** A line's tokens as they are read, and the blank cells since the last one: null numbers once a number follows; after
 *  the line's last number, its blanksAfter. */
interface LineTokens {
  line: Line;
  tokens: Token[];
  pendingBlanks: number;
}

function addLabel(t: LineTokens, text: string): void {
  t.tokens.push({ kind: 'label', text, key: text.length > MAX_LABEL ? '' : labelKey(text), line: t.line });
  t.pendingBlanks = 0;
}

function addValue(t: LineTokens, text: string, v: number | null, unit?: string): void {
  for (; t.pendingBlanks > 0; t.pendingBlanks--) t.tokens.push({ kind: 'value', value: null, text: '', line: t.line });
  const token: ValueToken = { kind: 'value', value: v, text, line: t.line };
  if (unit !== undefined) token.unit = unit;
  t.tokens.push(token);
}

/** An amount with its unit in one cell (35.6万元, 1,200元). */
const MONEY_CELL = /^(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(万元|元)$/;
/** A unit the table states for its amounts: 采购总金额(万元), 金额(元), 单位:万元. */
const DECLARED_UNIT = /(?:金额|单位)\s*[(:]\s*(万元|元)\)?/;

/** A label and a number run together (规章000). */
const GLUED = /^(.*[^\d\s.,+-])(\d+)$/;

/** The tokens of one line: label cells and number cells; a blank cell between a label and a later number is null. */
function tokenize(line: Line, knownKeys: Map<string, RowSpec[]>): Token[] {
  const t: LineTokens = { line, tokens: [], pendingBlanks: 0 };
  const cells = cellsOf(line);
  for (const cell of cells) {
    if (cell === '') {
      if (t.tokens.length > 0) t.pendingBlanks++;
      continue;
    }
    const v = parseCellValue(cell);
    if (v !== undefined) {
      addValue(t, cell, v);
      continue;
    }
    const money = MONEY_CELL.exec(cell);
    if (money) {
      addValue(t, money[1]!, parseCellValue(money[1]!)!, money[2]!);
      continue;
    }
    const { label: text, values } = splitNumbers(cell);
    if (values.length > 0) {
      if (text !== '') addLabel(t, text);
      for (const part of values) addValue(t, part, parseCellValue(part)!);
      continue;
    }
    // Cells run together: 规章000, 行政许可5730 — only after a label the format knows.
    const glued = GLUED.exec(cell);
    if (glued && knownKeys.has(labelKey(glued[1]!))) {
      addLabel(t, glued[1]!);
      addValue(t, glued[2]!, Number(glued[2]));
      continue;
    }
    addLabel(t, cell);
  }
  // A line that ends with a separator ends with the row's border (「… | 0 |」): the nothing after it is no cell.
  const blanks = t.pendingBlanks - (line.text.endsWith('|') ? 1 : 0);
  const last = t.tokens[t.tokens.length - 1];
  if (last !== undefined && blanks > 0) last.blanksAfter = blanks;
  return t.tokens;
}

// ── matching a run of labels to a row ────────────────────────────────────────────────────────────────────────────

const ENUMERATOR = /^\s*(?:\([一二三四五六七八九十]{1,3}\)|[一二三四五六七八九十]{1,3}、|\d{1,2}[.、])/;

interface Match {
  row: RowSpec;
  /** Index in the label run where the row's label starts. */
  from: number;
}

function lcs(a: string, b: string): number {
  const prev = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    let diag = 0;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = a[i - 1] === b[j - 1] ? diag + 1 : Math.max(up, prev[j - 1]!);
      diag = up;
    }
  }
  return prev[b.length]!;
}

/** `exactly`: only labels that are a row's (after its groups), not a beginning or a likeness of one. */
function candidates(spec: Spec, key: string, exactly = false): RowSpec[] {
  const exact = spec.byKey.get(key);
  if (exact) return exact;
  for (const g of spec.groupKeys) if (key.startsWith(g) && key.length > g.length) return candidates(spec, key.slice(g.length), exactly);
  if (exactly || key.length < 6) return [];
  // A label cut short (a PDF line break): the start of exactly one row's label, at least half of it.
  const prefixed = spec.rows.filter((r) => r.key.startsWith(key) && key.length * 2 >= r.key.length);
  if (prefixed.length > 0) return prefixed.length === 1 ? prefixed : [];
  // Wording that differs slightly: one row's label shares ≥ 80 % of its characters in order, no other comes close.
  const scored = spec.rows
    .filter((r) => r.key.length >= 4 && Math.abs(r.key.length - key.length) <= Math.max(r.key.length, key.length) / 4)
    .map((r) => ({ r, score: lcs(r.key, key) / Math.max(r.key.length, key.length) }))
    .sort((x, y) => y.score - x.score);
  const [best, next] = scored;
  return best && best.score >= 0.8 && (!next || next.score < 0.7) ? [best.r] : [];
}

/** The row a run of labels names: its last label, else the last two, three or four joined (a wrapped label). A label
 *  that is also a column header (其他, 总计) needs an enumerator or the row before it, and is never taken in table 四. */
function matchRun(spec: Spec, labels: LabelToken[], last: RowSpec | null, inT4: boolean, exactly = false): Match | null {
  for (let n = 1; n <= Math.min(4, labels.length); n++) {
    const from = labels.length - n;
    const part = labels.slice(from);
    const text = part.map((t) => t.text).join('');
    if (text.length > MAX_LABEL) break;
    const key = labelKey(text);
    if (key === '') continue;
    const rows = candidates(spec, key, exactly).filter(
      (r) => !r.needsContext || (!inT4 && (ENUMERATOR.test(part[0]!.text) || (last !== null && last.table === r.table && last.order < r.order))),
    );
    if (rows.length === 1) return { row: rows[0]!, from };
    if (rows.length > 1) return null;
  }
  return null;
}

// ── the reader ───────────────────────────────────────────────────────────────────────────────────────────────────

const AFTER_TABLES = /^[五六七]、/;

function headingOf(line: Line): TableId | 'after' | null {
  if (lineHas(line, '|') || line.text.length > 40) {
    // Table 四's header row: cells 行政复议 and 行政诉讼 (labelKey only drops characters, so the line has 议 and 讼).
    if (!lineHas(line, '议') || !lineHas(line, '讼')) return null;
    const keys = cellsOf(line).map((c) => labelKey(c));
    return keys.includes('行政复议') && keys.includes('行政诉讼') ? 't4' : null;
  }
  if (AFTER_TABLES.test(line.text)) return 'after';
  const key = labelKey(line.text);
  for (const id of ['t2', 't3', 't4'] as const) if (HEADINGS[id].includes(key)) return id;
  return null;
}

/** The text of lines `first` to `last` (line numbers; `lines` in their order), furniture and empty lines left out. */
function rowText(lines: Line[], first: number, last: number): string {
  let at = lines.length;
  for (let lo = 0, hi = lines.length; lo < hi; ) {
    const mid = (lo + hi) >> 1;
    if (lines[mid]!.no < first) lo = mid + 1;
    else at = hi = mid;
  }
  const texts: string[] = [];
  for (let i = at; i < lines.length && lines[i]!.no <= last; i++) {
    const l = lines[i]!;
    if (l.text !== '' && !l.furniture) texts.push(l.text);
  }
  return texts.join(' ');
}

function describe(labels: LabelToken[]): string {
  return labels.length > 0 ? `「${labels[labels.length - 1]!.text}」` : '（无行名）';
}

/** The numbers of a run, exactly `count` of them: empty cells just after the label beyond the count are the label's
 *  spanned columns; empty cells after the last number that make up the count exactly are its last columns, not
 *  reported (a web page's row whose 总计 is left blank); "000" for 3 cells is split digit by digit; otherwise no
 *  guess. */
function fit(run: ValueToken[], count: number): (number | null)[] | string {
  let values = run;
  while (values.length > count && values[0]?.text === '') values = values.slice(1);
  if (values.length === count) return values.map((v) => v.value);
  const blanks = values[values.length - 1]?.blanksAfter ?? 0;
  if (values.length < count && values.length + blanks === count) return [...values.map((v) => v.value), ...Array<null>(blanks).fill(null)];
  const only = values[0];
  if (values.length === 1 && count > 1 && only && /^\d+$/.test(only.text) && only.text.length === count) {
    return [...only.text].map(Number);
  }
  return `数值个数为${values.length}，应为${count}`;
}

/** Where the 法人或其他组织小计 column sits among the eight, from the header: null = no such column. */
function subtotalIndex(labels: LabelToken[]): number | null | 'unclear' {
  const keys = labels.map((t) => t.key);
  const at = keys.findIndex((k) => SUBTOTAL.has(k));
  if (at < 0) return null;
  const business = keys.indexOf('商业企业');
  const other = keys.lastIndexOf('其他');
  if (other >= 0 && at > other) return 6;
  if (business >= 0 && at < business) return 1;
  return 'unclear';
}

export function readModernTables(lines: Line[], format: ModernFormat): Found {
  const spec = SPECS[format];
  const figures: Figure[] = [];
  const warnings: string[] = [];
  const taken = new Map<string, { values: (number | null)[]; line: number }>();
  const conflicted = new Set<string>();
  let section: TableId | 'after' | null = null;
  let last: RowSpec | null = null;
  /** Decided at the first row of table 三; undefined until then. */
  let subtotal: number | null | 'unclear' | undefined;
  let t4Done = false;
  let labels: LabelToken[] = [];
  let values: ValueToken[] = [];

  /** The unit the current table states for its amounts (reset at each table heading). */
  let declaredUnit: string | undefined;

  const emit = (ids: string[], nums: (number | null)[], line: number, text: string, unit?: string): void => {
    ids.forEach((id, i) => {
      const amount = unit !== undefined && id.endsWith(AMOUNT);
      const figure: Figure = { id, value: nums[i] ?? null, from: 'table', line, text };
      if (amount) figure.unit = unit;
      figures.push(figure);
    });
  };

  const takeRow = (row: RowSpec, from: LabelToken, nums: (number | null)[], text: string, unit?: string): void => {
    const seen = taken.get(row.id);
    if (seen) {
      if (seen.values.some((v, i) => v !== nums[i])) {
        conflicted.add(row.id);
        warnings.push(`第${from.line.no}行「${row.label}」与第${seen.line}行的数值不同，两处均未采用`);
      }
      return;
    }
    taken.set(row.id, { values: nums, line: from.line.no });
    const amount = row.cells.some((id) => id.endsWith(AMOUNT));
    if (amount && unit === undefined && nums.some((n, i) => n !== null && row.cells[i]!.endsWith(AMOUNT))) {
      warnings.push(`第${from.line.no}行：「${row.label}」的采购总金额未注明单位（元或万元）`);
    }
    emit(row.cells, nums, from.line.no, text, unit);
  };

  const flush = (): void => {
    if (values.length === 0) return;
    const run = values;
    const runLabels = labels;
    labels = [];
    values = [];
    const lastLine = run[run.length - 1]!.line.no;
    const inT4 = section === 't4' || runLabels.some((t) => T4_HEADER.has(t.key));
    const match = matchRun(spec, runLabels, last, inT4);
    if (match) {
      const from = runLabels[match.from]!;
      const { row } = match;
      const text = rowText(lines, from.line.no, lastLine);
      if (row.group) {
        warnings.push(`第${from.line.no}行：表三「${row.label}」为分组行，本格式中没有该行的单元格，其数值未采用`);
        return;
      }
      last = row;
      if (row.table === 't3' && subtotal === undefined) {
        subtotal = subtotalIndex(runLabels);
        if (subtotal === 'unclear') warnings.push(`第${from.line.no}行：表三表头有“小计”列，但无法确定其位置，表三未采用`);
      }
      const at = row.table === 't3' ? subtotal : null;
      if (at === 'unclear') return;
      const nums = fit(run, row.columns.length + (typeof at === 'number' ? 1 : 0));
      if (typeof nums === 'string') {
        warnings.push(`第${from.line.no}行：「${row.label}」${nums}，该行未采用`);
        return;
      }
      if (typeof at === 'number') {
        const [sub] = nums.splice(at, 1);
        const legal = nums.slice(1, 6);
        const sum = legal.reduce<number>((a, b) => a + (b ?? 0), 0);
        if (sub !== null && sub !== undefined && legal.every((v) => v !== null) && sub !== sum) {
          warnings.push(`第${from.line.no}行：「${row.label}」法人或其他组织小计为${sub}，而五类法人或其他组织之和为${sum}`);
        }
      }
      takeRow(row, from, nums, text, run.find((v) => v.unit !== undefined)?.unit ?? declaredUnit);
      return;
    }
    if (inT4 && !t4Done) {
      t4Done = true;
      const first = run[0]!.line.no;
      const nums = fit(run, T4_COUNT);
      if (typeof nums === 'string') warnings.push(`第${first}行：表四${nums}，未采用`);
      else emit(spec.t4Cells, nums, first, rowText(lines, first, lastLine));
      return;
    }
    if (section !== null && section !== 'after') {
      warnings.push(`第${run[0]!.line.no}行：未能识别的表格行${describe(runLabels)}（${run.length}个数值），未采用`);
    }
  };

  /** A row whose cells are all empty (a web page's row of &nbsp;): each of its figures not reported — only when its
   *  label is exactly a row's and its empty cells are exactly that row's columns. */
  const blankRow = (): void => {
    const label = labels[labels.length - 1];
    const blanks = label?.blanksAfter ?? 0;
    if (blanks === 0 || values.length > 0 || (section !== 't2' && section !== 't3')) return;
    const match = matchRun(spec, labels, last, false, true);
    if (!match || match.row.group) return;
    const { row } = match;
    const at = row.table === 't3' && typeof subtotal === 'number' ? subtotal : null;
    if (blanks !== row.columns.length + (at === null ? 0 : 1)) return;
    const from = labels[match.from]!;
    labels = [];
    last = row;
    takeRow(row, from, row.columns.map(() => null), rowText(lines, from.line.no, label!.line.no), declaredUnit);
  };

  /** The run read so far ends (a new label, a heading, the end). */
  const close = (): void => {
    blankRow();
    flush();
  };

  for (const line of lines) {
    if (line.furniture || line.text === '') continue;
    const heading = headingOf(line);
    if (heading !== null) {
      close();
      if (heading !== 'after' || section !== null) section = heading;
      declaredUnit = undefined;
    }
    if (lineHas(line, '元')) declaredUnit = DECLARED_UNIT.exec(line.text)?.[1] ?? declaredUnit;
    for (const token of tokenize(line, spec.byKey)) {
      if (token.kind === 'label') {
        close();
        labels.push(token);
        if (labels.length > MAX_RUN) labels.shift();
      } else values.push(token);
    }
  }
  close();
  if (conflicted.size === 0) return { figures, warnings };
  return { figures: figures.filter((f) => !conflicted.has(f.id.slice(0, f.id.lastIndexOf('/')))), warnings };
}
