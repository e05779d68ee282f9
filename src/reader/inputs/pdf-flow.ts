// The blocks of all pages → the document's lines: page numbers and running headers/footers dropped, and a
// paragraph wrapped over several lines (or over a page break) joined again so a sentence stays on one line
// («全年共受理政府信息公开申» + «请212件» would hide the figure from the prose reader). Pure.
import { joinWrapped } from './chars.ts';
import { CELL_SEPARATOR } from './grid.ts';
import type { Block } from './pdf-layout.ts';
import { least } from './pdf-lines.ts';

export interface Page {
  height: number;
  blocks: Block[];
}

/** A line that is only a page number: 3, - 3 -, —3—, 第3页, 第 3 页 共 10 页, 3/10, Page 3 of 10. */
const PAGE_NUMBER = [
  /^[-－—–~～·•\s]*\d{1,4}[-－—–~～·•\s]*$/,
  /^第\s*\d{1,4}\s*页\s*[,，/]?\s*(?:共\s*\d{1,4}\s*页)?$/,
  /^(?:共\s*\d{1,4}\s*页\s*[,，]?\s*)?第\s*\d{1,4}\s*页$/,
  /^\d{1,4}\s*[/／]\s*\d{1,4}$/,
  /^page\s*\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?$/i,
];

/** Page margins in which running headers and footers are looked for, as a share of the page height. */
const MARGIN = 0.1;
/** How many lines at the top and the bottom of a page may be running headers or footers. */
const EDGE_LINES = 2;

function isPageNumber(text: string): boolean {
  return PAGE_NUMBER.some((re) => re.test(text.trim()));
}

/** The text a running header or footer keeps from page to page (page numbers vary). */
function furnitureKey(text: string): string {
  return text.replace(/\s+/g, '').replace(/\d+/g, '#');
}

/** Free lines at the top or the bottom of a page, inside the margin, before any table. */
function edgeBlocks(page: Page): Block[] {
  const free = (b: Block): boolean => !b.table;
  const top: Block[] = [];
  for (const block of page.blocks.slice(0, EDGE_LINES)) {
    if (!free(block) || block.top > page.height * MARGIN) break;
    top.push(block);
  }
  const bottom: Block[] = [];
  for (const block of page.blocks.slice(-EDGE_LINES).reverse()) {
    if (!free(block) || block.bottom < page.height * (1 - MARGIN) || top.includes(block)) break;
    bottom.push(block);
  }
  return [...top, ...bottom];
}

/** Drops page numbers and the headers and footers that repeat on most pages. */
function dropFurniture(pages: readonly Page[]): Block[][] {
  const edges = pages.map(edgeBlocks);
  const pagesWith = new Map<string, number>();
  for (const blocks of edges) {
    for (const key of new Set(blocks.map((b) => furnitureKey(b.lines[0] ?? '')))) pagesWith.set(key, (pagesWith.get(key) ?? 0) + 1);
  }
  const enough = Math.max(2, Math.ceil(pages.length / 2));
  return pages.map((page, i) => {
    const furniture = new Set(
      edges[i]!.filter((b) => isPageNumber(b.lines[0] ?? '') || (pagesWith.get(furnitureKey(b.lines[0] ?? '')) ?? 0) >= enough),
    );
    return page.blocks.filter((b) => !furniture.has(b));
  });
}

/** A line that starts a heading or a numbered item: never the continuation of the line before. */
const HEADING = /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d+[、.．](?!\d)|第[一二三四五六七八九十\d]+[章节条部分])/;
/** A line ending like this ends its sentence: the next line is not joined to it. */
const SENTENCE_END = /[。！？!?]$/;

interface Margins {
  left: number;
  right: number;
}

/** The page's text margins. The right one counts only where several lines end at it (justified body text);
 *  otherwise it is unknown (Infinity) and no line of the page is taken to run to it. */
function marginsOf(blocks: readonly Block[]): Margins {
  const free = blocks.filter((b) => !b.table);
  const rights = free.map((b) => b.right).sort((a, b) => b - a);
  const size = free.map((b) => b.size).sort((a, b) => a - b)[Math.floor(free.length / 2)] ?? 0;
  const third = rights[2];
  return {
    left: least(free.map((b) => b.left)),
    right: third !== undefined && rights[0]! - third <= 2 * size ? rights[0]! : Number.POSITIVE_INFINITY,
  };
}

/** b continues the paragraph of a: a runs to the right margin, b starts at the left one, same size, close. */
function continues(a: Block, am: Margins, b: Block, bm: Margins, samePage: boolean): boolean {
  const [at, bt] = [a.lines[0] ?? '', b.lines[0] ?? ''];
  if (a.table || b.table || a.lines.length !== 1 || b.lines.length !== 1) return false;
  if (at.includes(CELL_SEPARATOR) || bt.includes(CELL_SEPARATOR) || SENTENCE_END.test(at) || HEADING.test(bt)) return false;
  if (Math.abs(a.size - b.size) > 0.15 * a.size) return false;
  if (a.right < am.right - 2 * a.size || b.left > bm.left + 0.5 * b.size) return false;
  return !samePage || b.top - a.bottom <= 1.2 * a.size;
}

/** The document's lines, page after page. */
export function flowPages(pages: readonly Page[]): string[] {
  const kept = dropFurniture(pages);
  const lines: string[] = [];
  let previous: { block: Block; margins: Margins; page: number } | null = null;
  for (const [p, blocks] of kept.entries()) {
    const margins = marginsOf(blocks);
    for (const block of blocks) {
      if (previous !== null && continues(previous.block, previous.margins, block, margins, previous.page === p)) {
        lines[lines.length - 1] = joinWrapped([lines.at(-1)!, block.lines[0]!]);
      } else {
        for (const line of block.lines) lines.push(line);
      }
      previous = { block, margins, page: p };
    }
  }
  return lines;
}
