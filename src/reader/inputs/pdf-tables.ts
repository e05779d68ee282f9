// A PDF page's ruling lines → tables, and a table's text pieces → one text line per row.
//
// Cell borders come drawn as strokes or thin filled rectangles: the lines that touch each other form a table,
// their positions form a grid, a missing border between two grid slots merges them (a rowspan or colspan), and
// each text piece goes to the cell its centre lies in. The grid becomes one line per row (grid.ts), exactly as an
// HTML table does, which keeps a wrapped label and the numbers of its row together however the cell aligns them.
// Pure geometry, y pointing down.
import { isCjk, joinWrapped } from './chars.ts';
import { CELL_SEPARATOR, gridRowLine, isValueText, readOnce, type Grid, type GridCell } from './grid.ts';
import { centreY, groupLines, lineText, type Piece } from './pdf-lines.ts';

/** A ruling line: horizontal ('h', `at` = y, from–to = x) or vertical ('v', `at` = x, from–to = y). */
export interface Rule {
  axis: 'h' | 'v';
  at: number;
  from: number;
  to: number;
}

/** Distances (PDF points) under which two positions are the same line. */
const SNAP = 2;
/** Tables with more grid slots, pages with more ruling lines than this are not reconstructed (hostile or
 *  decorative line patterns): their text is read as free lines. */
const MAX_SLOTS = 100_000;
const MAX_RULES = 20_000;

/** Joins collinear rules that overlap or touch (a border drawn cell by cell is one line; a double line one). */
function mergeRules(rules: readonly Rule[]): Rule[] {
  const merged: Rule[] = [];
  const mergeCluster = (cluster: Rule[]): void => {
    const at = cluster.reduce((sum, rule) => sum + rule.at, 0) / cluster.length;
    let open: Rule | undefined;
    for (const rule of cluster.sort((a, b) => a.from - b.from)) {
      if (open !== undefined && rule.from <= open.to + SNAP) open.to = Math.max(open.to, rule.to);
      else merged.push((open = { axis: rule.axis, at, from: rule.from, to: rule.to }));
    }
  };
  for (const axis of ['h', 'v'] as const) {
    let cluster: Rule[] = [];
    for (const rule of rules.filter((r) => r.axis === axis).sort((a, b) => a.at - b.at)) {
      if (cluster.length > 0 && rule.at - cluster.at(-1)!.at > SNAP) {
        mergeCluster(cluster);
        cluster = [];
      }
      cluster.push(rule);
    }
    if (cluster.length > 0) mergeCluster(cluster);
  }
  return merged.filter((rule) => rule.to - rule.from >= 3);
}

function crosses(h: Rule, v: Rule): boolean {
  return v.at >= h.from - SNAP && v.at <= h.to + SNAP && h.at >= v.from - SNAP && h.at <= v.to + SNAP;
}

/** Rules that touch one another, as groups (union–find). */
function connectedGroups(rules: readonly Rule[]): Rule[][] {
  const parent = rules.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  for (const [i, a] of rules.entries()) {
    if (a.axis !== 'h') continue;
    for (const [j, b] of rules.entries()) if (b.axis === 'v' && crosses(a, b)) parent[find(i)] = find(j);
  }
  const groups = new Map<number, Rule[]>();
  for (const [i, rule] of rules.entries()) {
    const group = groups.get(find(i));
    if (group === undefined) groups.set(find(i), [rule]);
    else group.push(rule);
  }
  return [...groups.values()];
}

/** Distinct positions, closer ones snapped together. */
function positions(values: readonly number[]): number[] {
  const out: number[] = [];
  for (const value of [...values].sort((a, b) => a - b)) if (out.length === 0 || value - out.at(-1)! > SNAP) out.push(value);
  return out;
}

export interface Table {
  xs: number[];
  ys: number[];
  rules: Rule[];
}

function tableOf(rules: Rule[]): Table | null {
  const hs = rules.filter((rule) => rule.axis === 'h');
  const vs = rules.filter((rule) => rule.axis === 'v');
  if (hs.length === 0 || vs.length === 0) return null;
  const xs = positions([...vs.map((v) => v.at), ...hs.map((h) => h.from), ...hs.map((h) => h.to)]);
  const ys = positions([...hs.map((h) => h.at), ...vs.map((v) => v.from), ...vs.map((v) => v.to)]);
  const slots = (xs.length - 1) * (ys.length - 1);
  return slots >= 2 && slots <= MAX_SLOTS ? { xs, ys, rules } : null;
}

function hasRule(table: Table, axis: 'h' | 'v', at: number, across: number): boolean {
  return table.rules.some((rule) => rule.axis === axis && Math.abs(rule.at - at) <= SNAP && across >= rule.from - SNAP && across <= rule.to + SNAP);
}

/** Index of the band [edges[i], edges[i+1]) that holds `value`, or -1 outside. */
function band(edges: readonly number[], value: number): number {
  if (value < edges[0]! - SNAP || value > edges.at(-1)! + SNAP) return -1;
  let i = 0;
  while (i < edges.length - 2 && value >= edges[i + 1]!) i += 1;
  return i;
}

/** Character weights for estimating where inside a piece each character sits. */
function weight(ch: string): number {
  return isCjk(ch) ? 1 : ch === ' ' ? 0.3 : 0.55;
}

/**
 * A piece that runs across vertical borders (pdf.js joins text of neighbouring cells when the gap is small:
 * 「94 7」) is cut at its spaces into one piece per cell. Returns null when the cut is not certain.
 */
function splitAcross(piece: Piece, borders: readonly number[]): Piece[] | null {
  const chars = Array.from(piece.text);
  const total = chars.reduce((sum, ch) => sum + weight(ch), 0);
  const tokens: { text: string; x0: number; x1: number }[] = [];
  let at = 0;
  let inToken = false;
  for (const ch of chars) {
    const w = weight(ch);
    const last = tokens.at(-1);
    if (ch.trim() === '') inToken = false;
    else if (inToken && last !== undefined) {
      last.text += ch;
      last.x1 = at + w;
    } else {
      tokens.push({ text: ch, x0: at, x1: at + w });
      inToken = true;
    }
    at += w;
  }
  const scale = (piece.x1 - piece.x0) / total;
  const placed = tokens.map((t) => ({ ...t, x0: piece.x0 + t.x0 * scale, x1: piece.x0 + t.x1 * scale }));
  if (placed.length === borders.length + 1) {
    return placed.map((t, i) => ({ ...piece, text: t.text, x0: i === 0 ? t.x0 : borders[i - 1]!, x1: i === borders.length ? t.x1 : borders[i]! }));
  }
  const margin = 0.25 * piece.size;
  const straddles = placed.some((t) => borders.some((b) => t.x0 < b - margin && t.x1 > b + margin));
  return straddles ? null : placed.map((t) => ({ ...piece, text: t.text, x0: t.x0, x1: t.x1 }));
}

/** The internal vertical borders a piece runs across, at its height. */
function bordersCrossed(table: Table, piece: Piece): number[] {
  const y = centreY(piece);
  return table.xs.slice(1, -1).filter((x) => piece.x0 < x - SNAP && piece.x1 > x + SNAP && hasRule(table, 'v', x, y));
}

/** A line of figures only (one, or several separated by wide gaps). */
function isFigureLine(line: string): boolean {
  return /[0-9０-９\-—/]/.test(line) && line.split(CELL_SEPARATOR).every(isValueText);
}

/** A cell holding several lines of figures one above the other: rows without a ruling line between them. */
function stacksFigures(lines: readonly string[]): boolean {
  return lines.filter(isFigureLine).length >= 2;
}

/**
 * Reads a table: assigns pieces to grid slots, merges slots without a border between them, returns its lines.
 * Rows whose cells stack several figures (rows not separated by ruling lines) are read as plain lines instead,
 * so that figures of different rows are never joined in one cell.
 */
export function readTable(table: Table, pieces: readonly Piece[], warn: (message: string) => void): string[] {
  const rows = table.ys.length - 1;
  const cols = table.xs.length - 1;
  const parent = Array.from({ length: rows * cols }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  for (let r = 0; r < rows; r += 1) {
    const midY = (table.ys[r]! + table.ys[r + 1]!) / 2;
    for (let c = 0; c < cols; c += 1) {
      const midX = (table.xs[c]! + table.xs[c + 1]!) / 2;
      if (c + 1 < cols && !hasRule(table, 'v', table.xs[c + 1]!, midY)) parent[find(r * cols + c)] = find(r * cols + c + 1);
      if (r + 1 < rows && !hasRule(table, 'h', table.ys[r + 1]!, midX)) parent[find(r * cols + c)] = find((r + 1) * cols + c);
    }
  }
  const contents = new Map<number, Piece[]>();
  for (const piece of pieces) {
    const borders = bordersCrossed(table, piece);
    let parts: Piece[] = [piece];
    if (borders.length > 0) {
      const split = splitAcross(piece, borders);
      if (split === null) warn(`表格里一段文字跨越了单元格边线，无法确定各部分属于哪一格，整段放在它起始的格里：「${piece.text}」`);
      parts = split ?? [{ ...piece, x1: piece.x0 + SNAP }];
    }
    for (const part of parts) {
      const r = band(table.ys, centreY(part));
      const c = band(table.xs, (part.x0 + part.x1) / 2);
      if (r < 0 || c < 0) continue;
      const root = find(r * cols + c);
      const list = contents.get(root);
      if (list === undefined) contents.set(root, [part]);
      else list.push(part);
    }
  }
  const cells = new Map<number, GridCell>();
  const unruled = new Set<number>();
  const grid: Grid = Array.from({ length: rows }, () => Array.from({ length: cols }, () => undefined));
  for (let r = 0; r < rows; r += 1) {
    for (let c = 0; c < cols; c += 1) {
      const root = find(r * cols + c);
      let cell = cells.get(root);
      if (cell === undefined) {
        const lines = groupLines(contents.get(root) ?? []).map(lineText);
        cell = { text: joinWrapped(lines), row: r, col: c };
        cells.set(root, cell);
        if (stacksFigures(lines)) unruled.add(root);
      }
      grid[r]![c] = cell;
    }
  }
  const lines: string[] = [];
  const once = readOnce(grid);
  for (let r = 0; r < rows; r += 1) {
    if (!grid[r]!.some((_, c) => unruled.has(find(r * cols + c)))) {
      const line = gridRowLine(grid, r, once[r]);
      if (line !== null) lines.push(line);
      continue;
    }
    let end = r;
    while (end + 1 < rows && grid[end + 1]!.some((_, c) => unruled.has(find((end + 1) * cols + c)))) end += 1;
    const [top, bottom] = [table.ys[r]!, table.ys[end + 1]!];
    const within = pieces.filter((piece) => centreY(piece) >= top && centreY(piece) < bottom);
    for (const line of groupLines(within)) {
      const text = lineText(line);
      if (text !== '') lines.push(text);
    }
    r = end;
  }
  return lines;
}

export function inside(table: Table, piece: Piece): boolean {
  const x = (piece.x0 + piece.x1) / 2;
  const y = centreY(piece);
  return x >= table.xs[0]! && x <= table.xs.at(-1)! && y >= table.ys[0]! && y <= table.ys.at(-1)!;
}

/** The tables a page's ruling lines draw. */
export function findTables(rules: readonly Rule[]): Table[] {
  if (rules.length > MAX_RULES) return [];
  return connectedGroups(mergeRules(rules))
    .map(tableOf)
    .filter((table): table is Table => table !== null);
}
