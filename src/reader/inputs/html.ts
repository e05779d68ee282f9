// HTML → text lines in document order: block elements and <br> end lines, scripts/styles/navigation/<head> are
// dropped, and each data table becomes one line per row with its cells joined by ` | ` (spans expanded, see
// grid.ts). Layout tables — a page wrapped in a table, a cell holding another table — are read as blocks.
import { load } from 'cheerio';
import { ReaderError } from '../model.ts';
import { collapseSpace, joinWrapped } from './chars.ts';
import { gridLines, type Grid, type GridCell } from './grid.ts';

/** The part of a parsed node this reader looks at (cheerio's parse5 tree). */
interface DomNode {
  type: string;
  name?: string;
  data?: string;
  attribs?: Record<string, string>;
  children?: DomNode[];
}

const DROPPED = new Set([
  'head', 'script', 'style', 'noscript', 'template', 'nav', 'iframe', 'object', 'embed', 'select', 'button',
  'input', 'textarea', 'svg', 'math', 'canvas', 'audio', 'video', 'map',
]);

const BLOCKS = new Set([
  'html', 'body', 'main', 'article', 'section', 'header', 'footer', 'aside', 'div', 'p', 'h1', 'h2', 'h3', 'h4',
  'h5', 'h6', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'blockquote', 'pre', 'address', 'center', 'form', 'fieldset',
  'legend', 'figure', 'figcaption', 'hr', 'details', 'summary', 'menu', 'dir', 'caption', 'tr', 'td', 'th',
  'thead', 'tbody', 'tfoot',
]);

/** Above this many grid positions a table's spans are ignored (a hostile colspan must not exhaust memory). */
const MAX_GRID = 1_000_000;
/** Limits that keep parsing time bounded: the HTML parser's work grows with the nesting depth times the number
 *  of tags, and a published page is far below both (depth under 100, size under 2 MB). */
const MAX_CHARS = 10_000_000;
const MAX_DEPTH = 1000;

/** Elements that never stay open (void) or are closed by the next of their kind: they add no nesting. */
const FLAT = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr',
  'p', 'li', 'dt', 'dd', 'td', 'th', 'tr', 'option', 'optgroup', 'thead', 'tbody', 'tfoot', 'colgroup', 'caption',
  'rb', 'rt', 'rp', 'rtc', 'html', 'head', 'body',
]);

/** The deepest nesting of open tags, counted from the tags alone (an upper bound of the parsed tree's depth).
 *  A tag is matched up to the next < at most, so the scan stays linear whatever the text. */
function tagDepth(html: string, limit: number): number {
  let depth = 0;
  let deepest = 0;
  for (const [, close, tag, selfClosing] of html.matchAll(/<(\/?)([a-zA-Z][\w:-]*)[^<>]*?(\/?)>/g)) {
    if (FLAT.has(tag!.toLowerCase())) continue;
    if (close === '/') depth = Math.max(0, depth - 1);
    else if (selfClosing !== '/') deepest = Math.max(deepest, ++depth);
    if (deepest > limit) break;
  }
  return deepest;
}

interface Writer {
  lines: string[];
  buffer: string;
}

function flush(out: Writer): void {
  const line = collapseSpace(out.buffer);
  if (line !== '') out.lines.push(line);
  out.buffer = '';
}

function isHidden(node: DomNode): boolean {
  const attribs = node.attribs ?? {};
  return 'hidden' in attribs || /display\s*:\s*none|visibility\s*:\s*hidden/i.test(attribs.style ?? '');
}

function elementChildren(node: DomNode, names: readonly string[]): DomNode[] {
  return (node.children ?? []).filter((child) => child.type === 'tag' && names.includes(child.name ?? '') && !isHidden(child));
}

function write(node: DomNode, out: Writer, inPre: boolean): void {
  if (node.type === 'text') {
    const text = node.data ?? '';
    if (!inPre) {
      out.buffer += text;
      return;
    }
    const [first = '', ...rest] = text.split('\n');
    out.buffer += first;
    for (const part of rest) {
      flush(out);
      out.buffer += part;
    }
    return;
  }
  const name = node.name ?? '';
  if ((node.type !== 'tag' && node.type !== 'script' && node.type !== 'style') || DROPPED.has(name) || isHidden(node)) return;
  if (name === 'br') return flush(out);
  if (name === 'table') {
    flush(out);
    for (const line of tableLines(node)) out.lines.push(line);
    return;
  }
  const block = BLOCKS.has(name);
  if (block) flush(out);
  for (const child of node.children ?? []) write(child, out, inPre || name === 'pre');
  if (block) flush(out);
}

/** The lines of a node's content, read as blocks. */
function blockLines(node: DomNode): string[] {
  const out: Writer = { lines: [], buffer: '' };
  for (const child of node.children ?? []) write(child, out, false);
  flush(out);
  return out.lines;
}

/** The rows of a table in rendering order: header groups first, footer groups last (wherever they are written). */
function tableRows(table: DomNode): DomNode[] {
  const groups = elementChildren(table, ['thead', 'tbody', 'tfoot', 'tr']);
  const rows = (group: DomNode): DomNode[] => (group.name === 'tr' ? [group] : elementChildren(group, ['tr']));
  const of = (names: readonly string[]): DomNode[] => groups.filter((g) => names.includes(g.name ?? '')).flatMap(rows);
  return [...of(['thead']), ...of(['tbody', 'tr']), ...of(['tfoot'])];
}

function containsTable(node: DomNode): boolean {
  return (node.children ?? []).some((child) => child.type === 'tag' && (child.name === 'table' || containsTable(child)));
}

/** A cell that holds page content rather than a value or a label. */
function isLayoutCell(lines: readonly string[]): boolean {
  const chars = lines.reduce((sum, line) => sum + line.length, 0);
  return (lines.length >= 5 && chars > 500) || chars > 3000;
}

function span(value: string | undefined, max: number): number {
  const n = Number.parseInt(value ?? '', 10);
  return Number.isNaN(n) || n < 1 ? 1 : Math.min(n, max);
}

interface SourceCell {
  text: string;
  rowspan: number;
  colspan: number;
}

/** Places the cells in a grid as a browser does: each cell takes the first free position in its row. */
function placeCells(rows: readonly SourceCell[][], withSpans: boolean): Grid | null {
  const grid: Grid = rows.map(() => []);
  let positions = 0;
  for (const [r, row] of rows.entries()) {
    let c = 0;
    for (const source of row) {
      while (grid[r]![c] !== undefined) c += 1;
      const cell: GridCell = { text: source.text, row: r, col: c };
      const rowspan = withSpans ? Math.min(source.rowspan === 0 ? rows.length : source.rowspan, rows.length - r) : 1;
      const colspan = withSpans ? source.colspan : 1;
      positions += rowspan * colspan;
      if (positions > MAX_GRID) return null;
      for (let rr = r; rr < r + rowspan; rr += 1) {
        for (let cc = c; cc < c + colspan; cc += 1) grid[rr]![cc] = cell;
      }
      c += colspan;
    }
  }
  const width = grid.reduce((most, row) => Math.max(most, row.length), 0);
  for (const row of grid) row.length = width;
  return grid;
}

function tableLines(table: DomNode): string[] {
  const caption = elementChildren(table, ['caption']).flatMap(blockLines);
  const rows = tableRows(table).map((tr) => elementChildren(tr, ['td', 'th']).map((td) => ({ td, lines: blockLines(td) })));
  const cells = rows.flat();
  const layout = cells.length === 1 || cells.some(({ td, lines }) => containsTable(td) || isLayoutCell(lines));
  if (layout) return [...caption, ...cells.flatMap(({ lines }) => lines)];
  const source = rows.map((row) =>
    row.map(({ td, lines }) => ({
      text: joinWrapped(lines),
      rowspan: td.attribs?.rowspan?.trim() === '0' ? 0 : span(td.attribs?.rowspan, 65534),
      colspan: span(td.attribs?.colspan, 1000),
    })),
  );
  const grid = placeCells(source, true) ?? placeCells(source, false)!;
  return [...caption, ...gridLines(grid)];
}

/** The text of an HTML document, one line per block, table row or <br>. */
export function htmlToText(html: string): string {
  if (html.length > MAX_CHARS) {
    throw new ReaderError(`内容过长（${Math.round(html.length / 10_000)} 万字符），上限 ${MAX_CHARS / 10_000} 万字符`);
  }
  if (tagDepth(html, MAX_DEPTH) > MAX_DEPTH) throw new ReaderError(`HTML 标签嵌套过深（超过 ${MAX_DEPTH} 层），无法读取`);
  return blockLines(load(html).root()[0] as unknown as DomNode).join('\n');
}
