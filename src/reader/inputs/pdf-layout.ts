// One PDF page's text pieces and ruling lines → blocks of text lines, top to bottom: the tables its ruling lines
// draw (pdf-tables.ts), one line per row, and the free lines of text around them (pdf-lines.ts). Pure.
import { greatest, groupLines, isBlank, least, lineText, type Piece } from './pdf-lines.ts';
import { findTables, inside, readTable, type Rule } from './pdf-tables.ts';

export type { Piece, Rule };

export interface PageContent {
  width: number;
  height: number;
  pieces: Piece[];
  rules: Rule[];
}

/** A free line of text or a whole table, with its box on the page. */
export interface Block {
  table: boolean;
  top: number;
  bottom: number;
  left: number;
  right: number;
  size: number;
  lines: string[];
}

/** A free line of text as a block; null for a line of blank pieces only. */
function lineBlock(line: readonly Piece[]): Block | null {
  const text = lineText(line);
  if (text === '') return null;
  const visible = line.filter((piece) => !isBlank(piece));
  return {
    table: false,
    top: least(visible.map((piece) => piece.base - piece.size)),
    bottom: greatest(visible.map((piece) => piece.base)),
    left: least(visible.map((piece) => piece.x0)),
    right: greatest(visible.map((piece) => piece.x1)),
    size: greatest(visible.map((piece) => piece.size)),
    lines: [text],
  };
}

/** The blocks of one page, top to bottom: free lines of text and whole tables. */
export function layoutPage(page: PageContent, warn: (message: string) => void): Block[] {
  const blocks: Block[] = [];
  let free = page.pieces;
  for (const table of findTables(page.rules)) {
    const mine = free.filter((piece) => inside(table, piece));
    if (!mine.some((piece) => !isBlank(piece))) continue;
    free = free.filter((piece) => !inside(table, piece));
    const lines = readTable(table, mine, warn);
    if (lines.length === 0) continue;
    blocks.push({
      table: true,
      top: table.ys[0]!,
      bottom: table.ys.at(-1)!,
      left: table.xs[0]!,
      right: table.xs.at(-1)!,
      size: greatest(mine.map((piece) => piece.size)),
      lines,
    });
  }
  for (const line of groupLines(free)) {
    const block = lineBlock(line);
    if (block !== null) blocks.push(block);
  }
  return blocks.sort((a, b) => a.top - b.top || a.left - b.left);
}
