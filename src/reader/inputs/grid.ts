// A table as a full grid (rowspan/colspan expanded) → one text line per grid row, cells joined with ` | `, ending with
// a border ` |` (as rows copied from a web page do: 「… | 0 |」), so that an empty last cell (「… | 1 | |」) is told from
// the end of the line; a row of one cell is its text alone. Shared by the HTML reader (spans from attributes) and the PDF reader (spans from the ruling lines).
//
// What a spanned cell puts in the positions it covers, so that the row reader sees each row whole:
//   – below its first row (rowspan), a label is repeated: 「三、本年度办理结果 | （三）不予公开 | 1.属于国家秘密 | 0 …」;
//   – right of its first column (colspan), a label is not repeated (「一、本年新收…（3 columns）| 200 | 12 …」);
//   – a number or a not-reported mark is never repeated: the covered positions stay empty, so no figure is
//     invented and the figures keep their columns — but not at the end of a row, where an empty position would read
//     as an empty cell of its own.
// Where every row of a block (the rows between two headings that span the whole table) has the same number of
// cells and none spans rows, the column spans are layout, not columns (the official template of table 二 merges two
// grid columns for one figure): each cell is written once.

/** One cell of the source table, with the grid position of its top-left corner. */
export interface GridCell {
  text: string;
  row: number;
  col: number;
}

/** grid[r][c] is the cell that covers position (r, c), or undefined where the source row was short. */
export type Grid = (GridCell | undefined)[][];

/** A figure or a not-reported mark (blank, -, —, /): such a cell is never copied into the positions it spans. */
const VALUE = /^(?:[+\-−－]?\s*[0-9０-９][0-9０-９,，.．\s]*[%％]?|[-－—–―/／\\]+|[增减]\s*[0-9０-９][0-9０-９,，.．]*)?$/;

export function isValueText(text: string): boolean {
  return VALUE.test(text.trim());
}

export const CELL_SEPARATOR = ' | ';
/** The border after a row's last cell. */
export const ROW_END = ' |';

/**
 * The text line of grid row r; null when the row has no text. `once`: the row's column spans are layout (see
 * readOnce): each cell is written once.
 */
export function gridRowLine(grid: Grid, r: number, once = false): string | null {
  const cells: string[] = [];
  /** How many cells to keep: up to the last that is a cell of the row (not a position a number covers, not the
   *  positions after a short row's last cell). */
  let kept = 0;
  for (const [c, cell] of (grid[r] ?? []).entries()) {
    if (cell === undefined) {
      cells.push('');
      continue;
    }
    const value = isValueText(cell.text);
    if (cell.col !== c) {
      if (value && !once) cells.push('');
      continue;
    }
    if (cell.row !== r && value) {
      cells.push(''); // a number spanning rows: written on its first row only
      continue;
    }
    cells.push(cell.text);
    kept = cells.length;
  }
  cells.length = kept;
  if (!cells.some((text) => text !== '')) return null;
  return cells.length > 1 ? cells.join(CELL_SEPARATOR) + ROW_END : cells[0]!; // a row of one cell has no cells to tell apart
}

/** The cells that start in row r; null when a cell from a row above covers part of it (a rowspan). */
function cellsStartingIn(grid: Grid, r: number): GridCell[] | null {
  const out: GridCell[] = [];
  for (const [c, cell] of (grid[r] ?? []).entries()) {
    if (cell === undefined) continue;
    if (cell.row !== r) return null;
    if (cell.col === c) out.push(cell);
  }
  return out;
}

/** A heading across the whole table (第二十条第（一）项): one cell covering every position of its row. */
function spansTable(grid: Grid, r: number): boolean {
  const row = grid[r] ?? [];
  return row.length > 1 && row[0] !== undefined && row[0].row === r && row.every((cell) => cell === row[0]);
}

/** For each row, whether its column spans are layout: it belongs to a block of two rows or more, between headings
 *  that span the table, whose rows all have the same number of cells (two or more), none of them spanning rows. */
export function readOnce(grid: Grid): boolean[] {
  const once = grid.map(() => false);
  let start = 0;
  for (let r = 0; r <= grid.length; r++) {
    if (r < grid.length && !spansTable(grid, r)) continue;
    const block = Array.from({ length: r - start }, (_, i) => start + i);
    const counts = block.map((row) => cellsStartingIn(grid, row));
    const first = counts[0];
    const even = first != null && first.length >= 2 && counts.every((cells) => cells !== null && cells.length === first.length);
    if (block.length >= 2 && even) for (const row of block) once[row] = true;
    start = r + 1;
  }
  return once;
}

/** The text lines of a grid, top to bottom; rows without any text are left out. */
export function gridLines(grid: Grid): string[] {
  const once = readOnce(grid);
  return grid.map((_, r) => gridRowLine(grid, r, once[r])).filter((line): line is string => line !== null);
}
