import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isCjk } from './chars.ts';
import { flowPages, type Page } from './pdf-flow.ts';
import { layoutPage, type Block, type Piece, type Rule } from './pdf-layout.ts';

const SIZE = 10;

/** A piece of text at (x, baseline), as wide as its characters (CJK 1 em, others 0.55 em). */
function piece(text: string, x: number, base: number, size = SIZE): Piece {
  const width = Array.from(text).reduce((sum, ch) => sum + (isCjk(ch) ? size : 0.55 * size), 0);
  return { text, x0: x, x1: x + width, base, size };
}

const h = (at: number, from: number, to: number): Rule => ({ axis: 'h', at, from, to });
const v = (at: number, from: number, to: number): Rule => ({ axis: 'v', at, from, to });

function lines(pieces: Piece[], rules: Rule[] = [], warnings: string[] = []): string[] {
  return layoutPage({ width: 595, height: 842, pieces, rules }, (m) => warnings.push(m)).flatMap((b) => b.lines);
}

/**
 * Columns at x = 50 | 150 | 350 | 400 | 450; rows at y = 100 | 140 | 170 | 200. Column 0 spans rows 0–2
 * (三、本年度办理结果, no border under it), row 0's label wraps over two lines with the numbers centred between.
 */
function tableRules(): Rule[] {
  return [
    h(100, 50, 450), h(140, 150, 450), h(170, 150, 450), h(200, 50, 450),
    v(50, 100, 200), v(150, 100, 200), v(350, 100, 200), v(400, 100, 200), v(450, 100, 200),
  ];
}

describe('layoutPage: a table rebuilt from its ruling lines', () => {
  it('keeps a wrapped label with the numbers of its row, and repeats a row-spanning label', () => {
    const pieces = [
      piece('三、本年度', 55, 115), piece('办理结果', 55, 130),
      piece('（二）部分公开（区分处理的，只计', 155, 115), piece('这一情形，不计其他情形）', 155, 130),
      piece('16', 360, 123), piece('0', 410, 123),
      piece('（三）不予公开', 155, 158), piece('2', 360, 158), piece('1', 410, 158),
      piece('（七）总计', 155, 188), piece('201', 360, 188), piece('213', 410, 188),
      piece('表格以下的正文。', 50, 230),
    ];
    assert.deepEqual(lines(pieces, tableRules()), [
      '三、本年度办理结果 | （二）部分公开（区分处理的，只计这一情形，不计其他情形） | 16 | 0 |',
      '三、本年度办理结果 | （三）不予公开 | 2 | 1 |',
      '三、本年度办理结果 | （七）总计 | 201 | 213 |',
      '表格以下的正文。',
    ]);
  });

  it('reads borders drawn cell by cell (short segments, double lines) as the same grid', () => {
    const rules = tableRules().flatMap((r) => {
      const mid = (r.from + r.to) / 2;
      return [{ ...r, to: mid }, { ...r, from: mid }, { ...r, at: r.at + 0.8 }];
    });
    const pieces = [piece('甲', 55, 125), piece('乙', 155, 125), piece('7', 360, 125), piece('8', 410, 125)];
    assert.deepEqual(lines(pieces, rules), ['甲 | 乙 | 7 | 8 |', '甲 |  |  |  |', '甲 |  |  |  |']);
  });

  it('cuts text that pdf.js ran across a cell border (「94 7」) into its cells', () => {
    const run = { text: '94 7', x0: 380, x1: 415, base: 158, size: SIZE };
    assert.deepEqual(lines([piece('（一）予以公开', 155, 158), run], tableRules()), [' | （一）予以公开 | 94 | 7 |']);
  });

  it('leaves a run it cannot cut with certainty in its first cell, with a warning', () => {
    const warnings: string[] = [];
    const run = { text: '1234 5678', x0: 340, x1: 410, base: 158, size: SIZE };
    assert.deepEqual(lines([piece('（一）', 55, 158), run], tableRules(), warnings), ['（一） |  |  |  |', '（一） | 1234 5678 |  |  |', '（一） |  |  |  |']);
    assert.deepEqual(warnings, ['表格里一段文字跨越了单元格边线，无法确定各部分属于哪一格，整段放在它起始的格里：「1234 5678」']);
  });

  it('reads rows that have no ruling line between them as lines, never joining their figures in one cell', () => {
    // Header row ruled; the three body rows share one band (no horizontal lines between them).
    const rules = [h(100, 50, 450), h(130, 50, 450), h(220, 50, 450), ...[50, 150, 350, 400, 450].map((x) => v(x, 100, 220))];
    const pieces = [
      piece('项目', 55, 120), piece('本年', 360, 120), piece('累计', 400, 120),
      piece('收到申请', 55, 150), piece('200', 360, 150), piece('1500', 400, 150),
      piece('办结', 55, 175), piece('190', 360, 175), piece('1490', 400, 175),
      piece('答复', 55, 200), piece('-', 360, 200), piece('1480', 400, 200),
    ];
    assert.deepEqual(lines(pieces, rules), ['项目 |  | 本年 | 累计 |', '收到申请 | 200 | 1500', '办结 | 190 | 1490', '答复 | - | 1480']);
    // The same with the two figure columns not separated by a line either.
    const fewer = rules.filter((r) => !(r.axis === 'v' && r.at === 400));
    assert.deepEqual(lines(pieces, fewer).slice(1), ['收到申请 | 200 | 1500', '办结 | 190 | 1490', '答复 | - | 1480']);
  });

  it('does not take a frame around text (one cell) for a table', () => {
    const frame = [h(90, 40, 500), h(300, 40, 500), v(40, 90, 300), v(500, 90, 300)];
    assert.deepEqual(lines([piece('说明：本表数据截至年底。', 50, 110)], frame), ['说明：本表数据截至年底。']);
  });
});

describe('layoutPage: text outside tables', () => {
  it('groups pieces by baseline and joins them by the gap between them', () => {
    const pieces = [
      piece('全年共受理', 50, 100), piece('申请', 100, 100.5), piece('212', 120, 100), piece('件', 139, 100),
      piece('规章', 50, 130), piece('0', 200, 130), piece('0', 300, 130),
      piece('Annual', 50, 160), piece('report', 86, 160),
    ];
    assert.deepEqual(lines(pieces), ['全年共受理申请212件', '规章 | 0 | 0', 'Annual report']);
  });

  it('reads text drawn twice for a bold effect once', () => {
    assert.deepEqual(lines([piece('一、总体情况', 50, 100), piece('一、总体情况', 50.4, 100)]), ['一、总体情况']);
  });
});

function block(text: string, top: number, left = 50, right = 545): Block {
  return { table: false, top, bottom: top + SIZE, left, right, size: SIZE, lines: [text] };
}

/** A page of justified body text (lines running from 50 to 545) between a running header and a page number. */
function page(n: number, body: Block[]): Page {
  return { height: 842, blocks: [block('某某局2022年政府信息公开工作年度报告', 40, 200, 400), ...body, block(`- ${n} -`, 800, 290, 310)] };
}

describe('flowPages', () => {
  it('drops page numbers and a running header found on most pages, keeps a heading that occurs once', () => {
    const pages = [1, 2, 3].map((n) => page(n, [block(`第${n}页正文。`, 150, 80, 300), block(`正文${n}。`, 165, 80, 200)]));
    assert.deepEqual(flowPages(pages), ['第1页正文。', '正文1。', '第2页正文。', '正文2。', '第3页正文。', '正文3。']);
  });

  it('joins a paragraph wrapped over lines and over a page break; keeps paragraphs, headings and tables apart', () => {
    const table: Block = { table: true, top: 400, bottom: 500, left: 50, right: 545, size: SIZE, lines: ['规章 | 0 | 0 | 0'] };
    const first = page(1, [
      block('一、总体情况', 150, 50, 200),
      block('全年共受理政府信息公开申', 165, 70),
      block('请212件，其中网站申请195件，当面申请4件，信函申请13件；已办', 180),
      block('理206件。结转下年度继续办理6件，详见下表的统计数字和说明内容。', 195),
      block('（二）依申请公开情况', 210, 50, 250),
      table,
      block('本页最后一行文字一直写到页面的右边距为止而下一页接着写', 780),
    ]);
    const second = page(2, [block('完这一段。', 100, 50, 150), block('另起一段，首行缩进两个字符。', 115, 70, 300)]);
    assert.deepEqual(flowPages([first, second]), [
      '一、总体情况',
      '全年共受理政府信息公开申请212件，其中网站申请195件，当面申请4件，信函申请13件；已办理206件。结转下年度继续办理6件，详见下表的统计数字和说明内容。',
      '（二）依申请公开情况',
      '规章 | 0 | 0 | 0',
      '本页最后一行文字一直写到页面的右边距为止而下一页接着写完这一段。',
      '另起一段，首行缩进两个字符。',
    ]);
  });
});
