// A PDF page's text pieces → visual lines: pieces on one baseline grouped, sorted left to right, text drawn
// twice for a bold effect read once, and joined by the gaps between them — nothing, a space, or ` | ` after a gap
// wide enough to separate table cells (a table drawn without ruling lines). Pure geometry, y pointing down.
import { closeCjkSpaces } from './chars.ts';
import { CELL_SEPARATOR } from './grid.ts';

/** A run of text on one baseline: x0–x1 along the baseline, `base` the baseline's y, `size` the font height. */
export interface Piece {
  text: string;
  x0: number;
  x1: number;
  base: number;
  size: number;
}

/** A gap wider than this many font heights separates table cells; wider than GAP_SPACE, words. */
const GAP_CELL = 1.5;
const GAP_SPACE = 0.25;

export function centreY(piece: Piece): number {
  return piece.base - piece.size * 0.35;
}

/** Groups pieces into visual lines (same baseline within half a font height), each sorted left to right. */
export function groupLines(pieces: readonly Piece[]): Piece[][] {
  const sorted = [...pieces].sort((a, b) => a.base - b.base || a.x0 - b.x0);
  const lines: Piece[][] = [];
  let current: Piece[] = [];
  let base = Number.NEGATIVE_INFINITY;
  let size = 0;
  for (const piece of sorted) {
    if (current.length > 0 && Math.abs(piece.base - base) <= 0.5 * Math.min(size, piece.size)) {
      current.push(piece);
      continue;
    }
    if (current.length > 0) lines.push(current);
    current = [piece];
    base = piece.base;
    size = piece.size;
  }
  if (current.length > 0) lines.push(current);
  return lines.map((line) => dropOverprint(line.sort((a, b) => a.x0 - b.x0)));
}

/** Text drawn twice at almost the same place (fake bold) is read once. The line is sorted by x0, so a twin is
 *  among the pieces kept just before. */
function dropOverprint(line: Piece[]): Piece[] {
  const kept: Piece[] = [];
  for (const piece of line) {
    let twin = false;
    for (let i = kept.length - 1; i >= 0 && piece.x0 - kept[i]!.x0 < 0.3 * piece.size; i -= 1) {
      const other = kept[i]!;
      if (other.text === piece.text && Math.abs(other.base - piece.base) < 0.3 * piece.size) twin = true;
    }
    if (!twin) kept.push(piece);
  }
  return kept;
}

export const isBlank = (piece: Piece): boolean => piece.text.trim() === '';

/** The text of one visual line: pieces joined by nothing, a space (a wide enough gap, or a blank piece between
 *  them), or ` | ` after a gap wider than GAP_CELL font heights; spaces between CJK characters are then closed. */
export function lineText(line: readonly Piece[]): string {
  let text = '';
  let previous: Piece | undefined;
  let spaced = false;
  for (const piece of line) {
    if (isBlank(piece)) {
      spaced = previous !== undefined;
      continue;
    }
    if (previous !== undefined) {
      const gap = piece.x0 - previous.x1;
      const size = Math.max(previous.size, piece.size);
      if (gap > GAP_CELL * size) text += CELL_SEPARATOR;
      else if (spaced || gap > GAP_SPACE * size) text += ' ';
    }
    text += piece.text;
    previous = piece;
    spaced = false;
  }
  return closeCjkSpaces(text.replace(/\s+/g, ' ').trim());
}

/** The least and the greatest of many numbers (no argument spreading: a page may hold a great many pieces). */
export const least = (values: readonly number[]): number => values.reduce((a, b) => Math.min(a, b), Number.POSITIVE_INFINITY);
export const greatest = (values: readonly number[]): number => values.reduce((a, b) => Math.max(a, b), Number.NEGATIVE_INFINITY);
