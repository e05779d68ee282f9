// The legacy statistics table (政府信息公开情况统计表, report years 2008–2018) read back into cells: the national
// table, the 山东 variant (extra rows) and the 福建累计 variant (rows of its own, columns 本年 and 历年累计), in the
// layouts the inputs produce — one cell per line (label, unit, value), one row per line with pipes or spaces, cells
// run together (收到申请数件200), labels wrapped over two lines. A row is recognised by its label key (labelKey of
// the formats.json label, or of a wording in legacy-labels.json); a value is kept only when its row and its column
// are certain, otherwise it is left out with a warning. Pure.
import { legacyColumns, legacyRows, type Row } from '../../reports/formats.ts';
import { codeSet, codesOf, inSet } from '../code-set.ts';
import { allMatches } from '../matches.ts';
import type { Figure, Found, Line, VariantId } from '../model.ts';
import { cellsOf as lineCells, labelKey, lineHas } from '../normalize.ts';
import { parseCellValue } from '../numbers.ts';
import labels from './legacy-labels.json' with { type: 'json' };

// ── cells: each line split into label text and the units/values that follow it ───────────────────────────────────

const COUNT_UNITS: readonly string[] = labels.units.count;
const MONEY_UNITS: Readonly<Record<string, number>> = labels.units.money;
const UNIT_WORDS = [...COUNT_UNITS, ...Object.keys(MONEY_UNITS)].sort((a, b) => b.length - a.length);
const UNIT = UNIT_WORDS.join('|');
const NUMBER = String.raw`[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?`;
const MARKER = String.raw`[-—–/\\]+`;
/** A cell's text: the label, then units, numbers and not-reported marks up to its end (收到申请数 件 200). */
const TRAILING = new RegExp(String.raw`^(.*?)((?:\s*(?:${UNIT}|${NUMBER}|${MARKER}))+)\s*$`);
/** The characters TRAILING can end on in a trimmed cell: a unit's last character, a digit, a not-reported mark. A
 *  cell that ends on another has nothing after its label (most lines of narrative). */
const TRAILING_ENDS = codeSet([...UNIT_WORDS.map((u) => u.charCodeAt(u.length - 1)), ...codesOf('0123456789-—–/\\')]);
const TOKEN = new RegExp(`(${UNIT})|(${NUMBER})|(${MARKER})`, 'g');
/** Any of the page-number lines, in one expression. */
const PAGE_NUMBER = new RegExp(labels.page_numbers.map((p) => `(?:${p})`).join('|'));
/** Labels longer than this are sentences, not table labels. */
const MAX_LABEL = 80;

type Item =
  | { kind: 'text'; text: string; key: string; open: boolean; line: Line }
  | { kind: 'unit'; unit: string; line: Line }
  | { kind: 'value'; value: number | null; text: string; line: Line }
  | { kind: 'empty'; line: Line };

/** A label key as rows are compared: labelKey without a leading 其中 (其中：1.政府网站公开数 = 政府网站公开). */
function keyOf(label: string): string {
  const key = labelKey(label);
  return key.startsWith('其中') ? key.slice(2) : key;
}

const CLOSING = /[)）]/;

/** A label whose note is cut by a line break (（四）…专项经费（不包括用于政府公报…建设维): the label before the note. */
function cutOpenNote(text: string): { text: string; open: boolean } {
  const at = Math.max(text.lastIndexOf('('), text.lastIndexOf('（'));
  if (at <= 0 || CLOSING.test(text.slice(at))) return { text, open: false };
  return { text: text.slice(0, at), open: true };
}

function textItem(text: string, line: Line): Item {
  if (text.length > MAX_LABEL) return { kind: 'text', text, key: '', open: false, line }; // a sentence, no label
  const cut = cutOpenNote(text);
  return { kind: 'text', text, key: keyOf(cut.text), open: cut.open, line };
}

function tokens(text: string, line: Line): Item[] {
  const out: Item[] = [];
  for (const m of allMatches(TOKEN, text)) {
    if (m[1] !== undefined) out.push({ kind: 'unit', unit: m[1], line });
    else out.push({ kind: 'value', value: parseCellValue(m[0]) ?? null, text: m[0], line });
  }
  return out;
}

/** Label keys of a table: its labels, and their beginnings (a label cut by a line break). */
interface Keys {
  all: ReadonlySet<string>;
  /** Every beginning of a key shorter than the key itself. */
  beginnings: ReadonlySet<string>;
}

function keysOf(keys: Iterable<string>): Keys {
  const all = new Set(keys);
  const beginnings = new Set<string>();
  for (const k of all) for (let n = 1; n < k.length; n++) beginnings.add(k.slice(0, n));
  return { all, beginnings };
}

/** The items a cell of a line gives: its label, then the units/values after it. When a unit follows the label, the
 *  label may end in the unit's character instead (主动公开规范性文件: 文 is no unit there): that depends on the
 *  table's keys, so both readings are kept. */
interface Cell {
  items: Item[];
  /** The label with the unit after it: its items and key, the key of the label alone, and whether the unit is all
   *  that follows the label. */
  joined?: { items: Item[]; key: string; labelKey: string; alone: boolean };
}

/** The cells of each line, read whatever the table. detectLegacyVariant (from readMeta) and then readLegacyTable
 *  read every line of a report: the cells of the last lines read are kept (normalised lines do not change), so they
 *  are read once. One report's only: a cache of every report's cells would outlive them and slow the collector. */
let last: { lines: readonly Line[]; cells: Cell[][] } | undefined;

function cellsOf(lines: readonly Line[]): Cell[][] {
  if (last?.lines !== lines) last = { lines, cells: lines.map(readCells) };
  return last.cells;
}

/** A line's cells; its leading and trailing empty cells (| at its ends) are dropped. */
function readCells(line: Line): Cell[] {
  if (line.furniture || line.text === '') return [];
  // A sentence: one text, no label (most lines of a report).
  if (line.text.length > MAX_LABEL + 40 && !lineHas(line, '|')) return [{ items: [{ kind: 'text', text: line.text, key: '', open: false, line }] }];
  if (PAGE_NUMBER.test(line.text)) return [];
  const all = lineCells(line);
  let first = 0;
  let end = all.length;
  while (end > first && all[end - 1] === '') end--;
  while (first < end && all[first] === '') first++;
  const texts = first === 0 && end === all.length ? all : all.slice(first, end);
  return texts.map((cell): Cell => {
    if (cell === '') return { items: [{ kind: 'empty', line }] };
    const m = cell.length <= MAX_LABEL + 40 && inSet(TRAILING_ENDS, cell.charCodeAt(cell.length - 1)) ? TRAILING.exec(cell) : null;
    const label = m ? m[1]!.trim() : cell;
    const rest = m ? tokens(m[2]!, line) : [];
    if (label === '') return { items: rest };
    const items = [textItem(label, line), ...rest];
    const head = rest[0];
    if (head?.kind !== 'unit') return { items };
    const joined = label + head.unit;
    return {
      items,
      joined: { items: [textItem(joined, line), ...rest.slice(1)], key: keyOf(joined), labelKey: keyOf(label), alone: rest.length === 1 },
    };
  });
}

/** The items of every line, in order. A label that ends in a unit's character keeps it when only then it is a known
 *  label (主动公开规范性文件), or the beginning of one at the end of the line (涉及个 | 人隐私). */
function itemsOf(lines: Line[], keys: Keys): Item[] {
  const out: Item[] = [];
  for (const cells of cellsOf(lines)) {
    for (const { items, joined } of cells) {
      const join = joined !== undefined && !keys.all.has(joined.labelKey) && (keys.all.has(joined.key) || (joined.alone && keys.beginnings.has(joined.key)));
      for (const item of join ? joined.items : items) out.push(item);
    }
  }
  return out;
}

// ── rows of a variant, by key ─────────────────────────────────────────────────────────────────────────────────────

interface Layout {
  rows: Map<string, Row[]>;
  byId: Map<string, Row>;
  /** The rows in printed order, and a row's place among them. */
  printed: Row[];
  order: Map<string, number>;
  keys: Keys;
  columns: string[];
  /** Cell ids by row id and column id ("<row id>/<column id>"). */
  cells: Map<string, Map<string, string>>;
}

const layouts = new Map<string, Layout>();
const VARIANTS: readonly VariantId[] = ['shandong', 'fujian_cumulative'];
const ALIASES: Readonly<Record<string, string[]>> = labels.aliases;

function layoutOf(variant: VariantId | null): Layout {
  const cached = layouts.get(variant ?? '');
  if (cached) return cached;
  const rows = new Map<string, Row[]>();
  const byId = new Map<string, Row>();
  const printed = legacyRows(variant);
  const order = new Map(printed.map((row, i) => [row.id, i]));
  for (const row of printed) {
    byId.set(row.id, row);
    for (const key of new Set([row.label, ...(ALIASES[row.id] ?? [])].map(keyOf))) rows.set(key, [...(rows.get(key) ?? []), row]);
  }
  const columns = legacyColumns(variant).map((c) => c.id);
  const cells = new Map(printed.map((row) => [row.id, new Map(columns.map((c) => [c, `${row.id}/${c}`]))]));
  const layout = { rows, byId, printed, order, keys: keysOf(rows.keys()), columns, cells };
  layouts.set(variant ?? '', layout);
  return layout;
}

// ── variant ─────────────────────────────────────────────────────────────────────────────────────────────────────────

/** 山东 when a label only its table prints appears (5.其他形式, 被举报投诉数量, 七、向图书馆、档案馆…报送信息数); 福建累计 when
 *  at least two labels only its table prints appear (主动公开文件数, 受理政府信息公开申请总数, 对申请的答复总数 …). */
export function detectLegacyVariant(lines: Line[]): VariantId | null {
  const { keys, fujianOnly, shandong } = MARKERS;
  const present = new Set<string>();
  for (const item of joinWrapped(itemsOf(lines, keys), keys)) if (item.kind === 'text' && item.key !== '') present.add(item.key);
  if (fujianOnly.filter((k) => present.has(k)).length >= labels.fujian_min_markers) return 'fujian_cumulative';
  if (shandong.some((k) => present.has(k))) return 'shandong';
  return null;
}

/** The label keys of every variant; those only 福建累计's table prints; 山东's markers. */
const MARKERS = ((): { keys: Keys; fujianOnly: string[]; shandong: string[] } => {
  const national = new Set(layoutOf(null).rows.keys());
  return {
    keys: keysOf([null, ...VARIANTS].flatMap((v) => [...layoutOf(v).rows.keys()])),
    fujianOnly: [...layoutOf('fujian_cumulative').rows.keys()].filter((k) => !national.has(k)),
    shandong: labels.shandong_markers.map(keyOf),
  };
})();

// ── rows: a label, its notes, and the units/values up to the next label ───────────────────────────────────────────

interface RawRow {
  candidates: Row[];
  label: string;
  line: Line;
  cells: Item[];
  /** What ended the row: the next label (a blank value cell is then "not reported"), other text, or the end. */
  end: 'label' | 'text' | 'end';
  /** Position of the label among the items, and of the last item the row took. */
  first: number;
  last: number;
  /** Text that is not a known label (a row of a local variant, a line of narrative) came between this row and the
   *  one before: the row above in the table may be missing. */
  afterUnknown: boolean;
}

/** A note under a label ((不同渠道和方式公开相同信息计1条)), not a row of its own ((三)…). */
function isNote(text: string): boolean {
  return /^[(（]/.test(text) && !/^[(（](?:[一二三四五六七八九十]{1,3}|\d{1,2})[)）]/.test(text);
}

/** A label wrapped without a note: （一）召开政府信息公开工作会议或专 + 题会议数, （一）维持具体行政行为 + 或者驳回原告诉讼请求数
 *  (with 件 when the second part ends in a unit's character: 其中：主动公开规范性 + 文件). Both parts together must be a
 *  known label. */
function joinWrapped(items: Item[], keys: Keys): Item[] {
  const out: Item[] = [];
  for (let i = 0; i < items.length; i++) {
    const a = items[i]!;
    const b = items[i + 1];
    const unit = items[i + 2];
    if (a.kind === 'text' && b?.kind === 'text' && b.line !== a.line && keys.beginnings.has(a.key)) {
      const suffixes = unit?.kind === 'unit' && unit.line === b.line ? ['', unit.unit] : [''];
      const at = suffixes.findIndex((suffix) => keys.all.has(keyOf(cutOpenNote(a.text + b.text + suffix).text)));
      if (at >= 0) {
        out.push(textItem(a.text + b.text + suffixes[at]!, a.line));
        i += at + 1;
        continue;
      }
    }
    out.push(a);
  }
  return out;
}

const HEADER_WORDS = new Set(labels.header_words.map(keyOf));

function rowsOf(items: Item[], layout: Layout): RawRow[] {
  const rows: RawRow[] = [];
  let current: RawRow | null = null;
  let open = false;
  let unknown = false;
  for (const [index, item] of items.entries()) {
    if (item.kind !== 'text') {
      if (current) {
        current.cells.push(item);
        current.last = index;
      }
      continue;
    }
    const candidates = layout.rows.get(item.key);
    if (candidates) {
      if (current) current.end = 'label';
      current = { candidates, label: item.text, line: item.line, cells: [], end: 'end', first: index, last: index, afterUnknown: unknown };
      rows.push(current);
      open = item.open;
      unknown = false;
    } else if (current && current.cells.length === 0 && (open || isNote(item.text))) {
      if (open && /[)）]/.test(item.text)) open = false;
      current.label += item.text;
      current.last = index;
    } else {
      if (current) current.end = 'text';
      current = null;
      if (!HEADER_WORDS.has(item.key)) unknown = true;
    }
  }
  return rows;
}

/** Runs of rows close together, with three labels or more and two numbers or more: a table, not a heading of the
 *  narrative that happens to read like a label. */
function tables(rows: RawRow[]): RawRow[][] {
  const runs: RawRow[][] = [];
  for (const row of rows) {
    const run = runs[runs.length - 1];
    const prev = run?.[run.length - 1];
    if (run && prev && row.first - prev.last <= 6) run.push(row);
    else runs.push([row]);
  }
  return runs.filter((run) => {
    const distinct = new Set(run.map((r) => r.candidates));
    const withNumbers = run.filter((r) => r.cells.some((c) => c.kind === 'value' && c.value !== null)).length;
    return distinct.size >= 3 && withNumbers >= 2;
  });
}

// ── values ──────────────────────────────────────────────────────────────────────────────────────────────────────────

/** In the rows read so far: a row whose place in the table could not be decided. */
const LOST = '?';

function isAncestor(layout: Layout, ancestor: string, id: string | undefined): boolean {
  for (let at = id; at !== undefined; at = layout.byId.get(at)?.parent) if (at === ancestor) return true;
  return false;
}

/** The row a label names. A part of a row with a value (1.当面申请数 of （一）收到申请数, 其中：… rows) must follow its
 *  family: a 山东 （一）维持具体行政行为数 under 六、被举报投诉数量, read as the national table, is not 四's. A label of two
 *  rows ((二)被依法纠错数 of 四 or 五) is the one whose row just above in the table is the previous row or holds it, and
 *  whose parent and elder siblings were all read, with no unknown row in between. */
function resolve(raw: RawRow, seen: string[], layout: Layout): Row | undefined {
  const previous = seen[seen.length - 1];
  if (raw.candidates.length === 1) {
    const row = raw.candidates[0]!;
    const parent = row.parent === undefined ? undefined : layout.byId.get(row.parent);
    const strayed = parent !== undefined && parent.kind !== 'group' && previous !== undefined && !isAncestor(layout, parent.id, previous);
    return strayed ? undefined : row;
  }
  if (raw.afterUnknown) return undefined;
  const fits = raw.candidates.filter((c) => {
    const at = layout.order.get(c.id)!;
    const above = layout.printed[at - 1];
    const elders = layout.printed.slice(0, at).filter((r) => r.id === c.parent || (r.parent !== undefined && r.parent === c.parent));
    return above !== undefined && isAncestor(layout, above.id, previous) && elders.every((r) => seen.includes(r.id));
  });
  return fits.length === 1 ? fits[0] : undefined;
}

function isYearHeader(item: Item): boolean {
  if (item.kind === 'value') return item.value !== null && Number.isInteger(item.value) && item.value >= 1990 && item.value <= 2100;
  return item.kind === 'text' && (labels.columns.value.some((w) => item.text.startsWith(w)) || /^\d{4}年度?$/.test(item.text));
}

/** The 福建累计 columns in printed order, from the header above the first row (2017 | 历年累计). */
function columnOrder(items: Item[], first: number, layout: Layout): string[] {
  if (layout.columns.length < 2) return layout.columns;
  let year = -1;
  let cumulative = -1;
  for (let i = first - 1; i >= 0 && i >= first - 12; i--) {
    const item = items[i]!;
    if (item.kind === 'text' && item.text.length > 20) break;
    if (item.kind === 'text' && labels.columns.cumulative.some((w) => item.text.includes(w))) cumulative = cumulative < 0 ? i : cumulative;
    else if (isYearHeader(item)) year = year < 0 ? i : year;
  }
  if (year >= 0 && cumulative < 0) return ['value'];
  if (year >= 0 && cumulative >= 0 && cumulative < year) return ['cumulative', 'value'];
  return ['value', 'cumulative'];
}

function rowText(raw: RawRow, items: Item[]): string {
  const lines: Line[] = [];
  for (let i = raw.first; i <= raw.last; i++) {
    const line = items[i]!.line;
    if (!lines.includes(line)) lines.push(line);
  }
  return lines.map((l) => l.text).join(' | ');
}

type Cells = { values: (number | null)[] } | { problem: string };

/** The row's values by column: [unit?, value…] or [value…, unit] (0.5万元); a blank cell is null; anything else
 *  uncertain is a problem. */
function valuesOf(raw: RawRow, row: Row, columns: string[], blanksAllowed: boolean): Cells | undefined {
  const cells = [...raw.cells];
  let unit: string | undefined;
  const first = cells[0];
  const last = cells[cells.length - 1];
  if (first?.kind === 'unit') unit = first.unit;
  if (first && (first.kind === 'unit' || (cells.length > columns.length && (first.kind === 'empty' || (first.kind === 'value' && first.value === null))))) cells.shift();
  if (unit === undefined && last?.kind === 'unit' && cells.length === columns.length + 1) {
    cells.pop();
    unit = last.unit;
  }
  if (cells.length === 0) return raw.end === 'label' && blanksAllowed ? { values: columns.map(() => null) } : undefined;
  // 福建累计 | | 3 |: the empty cell is the unit's or the year's.
  if (cells.length !== columns.length || (columns.length > 1 && first?.kind === 'empty' && cells[0] === first)) {
    const what = columns.length > 1 ? '无法确定哪个是本年数、哪个是历年累计数' : '无法确定哪个是统计数';
    return { problem: `有${cells.filter((c) => c.kind === 'value').length}个数字，${what}` };
  }
  const money = row.unit === '万元';
  const scale = unit !== undefined && unit in MONEY_UNITS ? MONEY_UNITS[unit]! : 1;
  if (unit !== undefined && money !== (unit in MONEY_UNITS)) return { problem: `单位「${unit}」与统计表的「${row.unit ?? ''}」不符` };
  const values: (number | null)[] = [];
  for (const cell of cells) {
    if (cell.kind === 'empty') values.push(null);
    else if (cell.kind !== 'value') return { problem: '数值栏不是数字' };
    else if (cell.value === null) values.push(null);
    else if (cell.value < 0) return { problem: `数值「${cell.text}」为负数` };
    else if (!money && !Number.isInteger(cell.value)) return { problem: `数值「${cell.text}」不是整数` };
    else values.push(money ? Number((cell.value * scale).toFixed(8)) : cell.value);
  }
  return { values };
}

function shortLabel(raw: RawRow): string {
  return raw.label.replace(/\s+/g, '');
}

/** 「（一）收到申请数」, 「主动公开文件数」历年累计栏: a cell as the printed table names it. */
function cellLabel(id: string, layout: Layout): string {
  const [rowId = '', column = ''] = id.split('/');
  return `「${layout.byId.get(rowId)?.label ?? rowId}」${column === 'cumulative' ? '历年累计栏' : ''}`;
}

/**
 * The figures of the legacy statistics table(s) in the text: cells "<row id>/value" (福建累计 also
 * "<row id>/cumulative"). A blank cell (empty, -, —, /) gives null, never 0. A row whose values cannot be placed with
 * certainty (too many or too few numbers, an unknown unit, a label that fits two rows) is left out with a warning.
 */
export function readLegacyTable(lines: Line[], variant: VariantId | null): Found {
  const layout = layoutOf(variant);
  const items = joinWrapped(itemsOf(lines, layout.keys), layout.keys);
  const warnings: string[] = [];
  const found: Figure[] = [];
  for (const run of tables(rowsOf(items, layout))) {
    const columns = columnOrder(items, run[0]!.first, layout);
    // A table whose labels mostly stand without values was not read row by row (columns printed one after the
    // other): its empty rows are not blanks.
    const blanksAllowed = run.filter((r) => r.cells.length > 0).length * 2 > run.length;
    const seen: string[] = [];
    for (const raw of run) {
      const row = resolve(raw, seen, layout);
      if (!row) {
        warnings.push(`统计表第${raw.line.no}行「${shortLabel(raw)}」可能属于统计表的不同部分，无法确定，未采用`);
        seen.push(LOST); // the rows after it cannot lean on the row before it
        continue;
      }
      seen.push(row.id);
      if (row.kind === 'group') continue;
      const cells = valuesOf(raw, row, columns, blanksAllowed);
      if (!cells) continue;
      if ('problem' in cells) {
        warnings.push(`统计表第${raw.line.no}行「${shortLabel(raw)}」${cells.problem}，未采用`);
        continue;
      }
      const text = rowText(raw, items);
      const ids = layout.cells.get(row.id)!;
      columns.forEach((column, i) => found.push({ id: ids.get(column)!, value: cells.values[i] ?? null, from: 'table', line: raw.line.no, text }));
    }
  }
  return { figures: withoutConflicts(found, layout, warnings), warnings };
}

/** A cell printed twice (a table repeated) keeps its first figure when both agree; when they differ, neither is kept. */
function withoutConflicts(figures: Figure[], layout: Layout, warnings: string[]): Figure[] {
  const byId = new Map<string, Figure[]>();
  for (const f of figures) byId.set(f.id, [...(byId.get(f.id) ?? []), f]);
  const out: Figure[] = [];
  for (const [id, list] of byId) {
    const values = new Set(list.map((f) => f.value));
    if (values.size === 1) out.push(list[0]!);
    else warnings.push(`统计表中${cellLabel(id, layout)}出现${list.length}次且数值不同（${list.map((f) => `第${f.line}行 ${f.value ?? '空'}`).join('；')}），未采用`);
  }
  return out;
}
