import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { gridLines, isValueText, type Grid, type GridCell } from './grid.ts';

/** Builds a grid from rows of [text, rowspan, colspan] the way an HTML table is laid out. */
function grid(rows: readonly (readonly [string, number?, number?])[][]): Grid {
  const out: Grid = rows.map(() => []);
  for (const [r, row] of rows.entries()) {
    let c = 0;
    for (const [text, rowspan = 1, colspan = 1] of row) {
      while (out[r]![c] !== undefined) c += 1;
      const cell: GridCell = { text, row: r, col: c };
      for (let rr = r; rr < r + rowspan; rr += 1) for (let cc = c; cc < c + colspan; cc += 1) out[rr]![cc] = cell;
      c += colspan;
    }
  }
  return out;
}

describe('gridLines', () => {
  it('repeats a row-spanning label on every row it covers, so each row carries its group', () => {
    const lines = gridLines(
      grid([
        [['三、本年度办理结果', 3], ['（三）不予公开', 2], ['1.属于国家秘密'], ['0'], ['5']],
        [['2.其他法律行政法规禁止公开'], ['1'], ['2']],
        [['（七）总计', 1, 2], ['201'], ['213']],
      ]),
    );
    assert.deepEqual(lines, [
      '三、本年度办理结果 | （三）不予公开 | 1.属于国家秘密 | 0 | 5 |',
      '三、本年度办理结果 | （三）不予公开 | 2.其他法律行政法规禁止公开 | 1 | 2 |',
      '三、本年度办理结果 | （七）总计 | 201 | 213 |',
    ]);
  });

  it('writes a column-spanning label once, and a spanning header once per row', () => {
    assert.deepEqual(gridLines(grid([[['申请人情况', 1, 3]], [['自然人'], ['法人或其他组织', 1, 2]]])), ['申请人情况', '自然人 | 法人或其他组织 |']);
  });

  it('never copies a number or a not-reported mark: the covered positions stay empty, but not at the end of a row', () => {
    assert.deepEqual(gridLines(grid([[['行政许可'], ['5730', 1, 3]], [['A', 2], ['7', 2], ['—', 2], ['x']], [['y']], [['z'], ['—', 1, 2], ['3']]])), [
      '行政许可 | 5730 |',
      'A | 7 | — | x |',
      'A |  |  | y |',
      'z | — |  | 3 |',
    ]);
  });

  it('ends each row with a border, so an empty last cell stays a cell (a 总计 left blank)', () => {
    assert.deepEqual(gridLines(grid([[['（一）予以公开'], ['258'], ['12'], [''], ['1'], ['']], [['（七）总计'], ['767'], ['35'], [''], ['2'], ['805']]])), [
      '（一）予以公开 | 258 | 12 |  | 1 |  |',
      '（七）总计 | 767 | 35 |  | 2 | 805 |',
    ]);
  });

  it('writes each cell once where every row of a block between full-width headings has as many cells (table 二 of the template)', () => {
    const lines = gridLines(
      grid([
        [['第二十条第（一）项', 1, 5]],
        [['信息内容'], ['本年新制作数量'], ['本年新公开数量', 1, 2], ['对外公开总数量']],
        [['规章'], ['13'], ['13', 1, 2], ['524']],
        [['第二十条第（五）项', 1, 5]],
        [['信息内容'], ['上一年项目数量'], ['本年增/减', 1, 2], ['处理决定数量']],
        [['行政许可'], ['0', 1, 2], ['0'], ['0']],
      ]),
    );
    assert.deepEqual(lines, [
      '第二十条第（一）项',
      '信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量 |',
      '规章 | 13 | 13 | 524 |',
      '第二十条第（五）项',
      '信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量 |',
      '行政许可 | 0 | 0 | 0 |',
    ]);
  });

  it('keeps the covered positions where the rows of a block differ (a mark spanning figures keeps their columns)', () => {
    assert.deepEqual(gridLines(grid([[['a'], ['1'], ['2'], ['3']], [['b'], ['—', 1, 2], ['4']]])), ['a | 1 | 2 | 3 |', 'b | — |  | 4 |']);
  });

  it('leaves out rows without text and the positions after a short row', () => {
    const g: Grid = [[{ text: '', row: 0, col: 0 }, undefined], [{ text: 'a', row: 1, col: 0 }, undefined]];
    assert.deepEqual(gridLines(g), ['a']);
  });
});

describe('isValueText', () => {
  it('recognises figures, signed changes and not-reported marks, not labels', () => {
    for (const text of ['0', '5,730', '３４１３', '-1', '+2', '增15', '减 4', '12.5%', '-', '—', '/', '']) assert.ok(isValueText(text), text);
    for (const text of ['1.属于国家秘密', '第二十条第（一）项', '总计', '2022年']) assert.ok(!isValueText(text), text);
  });
});
