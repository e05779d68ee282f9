// A table as a full grid (rowspan/colspan expanded) → one text line per grid row, cells joined with ` | `.
// Shared by the HTML reader (spans from attributes) and the PDF reader (spans from the ruling lines).
//
// What a spanned cell puts in the positions it covers, so that the row reader sees each row whole:
//   – below its first row (rowspan), a label is repeated: 「三、本年度办理结果 | （三）不予公开 | 1.属于国家秘密 | 0 …」;
//   – right of its first column (colspan), a label is not repeated (「一、本年新收…（3 columns）| 200 | 12 …」);
//   – a number or a not-reported mark is never repeated: the covered positions stay empty, so no figure is
//     invented and the figures keep their columns.

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

/** The text line of grid row r; null when the row has no text. */
export function gridRowLine(grid: Grid, r: number): string | null {
  const cells: string[] = [];
  for (const [c, cell] of (grid[r] ?? []).entries()) {
    if (cell === undefined) {
      cells.push('');
      continue;
    }
    const value = isValueText(cell.text);
    if (cell.col !== c) {
      if (value) cells.push('');
    } else if (cell.row !== r) {
      cells.push(value ? '' : cell.text);
    } else {
      cells.push(cell.text);
    }
  }
  return cells.some((text) => text !== '') ? cells.join(CELL_SEPARATOR) : null;
}

/** The text lines of a grid, top to bottom; rows without any text are left out. */
export function gridLines(grid: Grid): string[] {
  return grid.map((_, r) => gridRowLine(grid, r)).filter((line): line is string => line !== null);
}
