// The modern tables in every layout published reports use, all made by this test from corpus report 001 (Tianjin
// 2022, 2021 format): each must give the cells typed by hand in 001.expected.json — nothing missing, nothing extra.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import * as OpenCC from 'opencc-js/cn2t';
import type { Found } from './model.ts';
import { normalizeText } from './normalize.ts';
import { readModernTables } from './tables/modern.ts';
import type { ModernFormat } from './tables/modern.ts';

const DIR = new URL('../../test/fixtures/reports/', import.meta.url);
const SOURCE = readFileSync(new URL('001_e66a2b34805dc888.txt', DIR), 'utf8');
const EXPECTED = (JSON.parse(readFileSync(new URL('001.expected.json', DIR), 'utf8')) as { cells: Record<string, number | null> }).cells;
const LINES = SOURCE.split('\n');
/** The table part of 001 (from 二、主动公开政府信息情况 to table 四's numbers), 1-based lines 9–59. */
const TABLE_START = 8;
const TABLE_END = 59;

function read(text: string, format: ModernFormat = 'fmt2021'): Found {
  return readModernTables(normalizeText(text), format);
}

function cellsOf(found: Found): Record<string, number | null> {
  const cells: Record<string, number | null> = {};
  for (const f of found.figures) {
    assert.ok(!(f.id in cells), `figure ${f.id} found twice`);
    cells[f.id] = f.value;
  }
  return cells;
}

function assertSame(text: string, expected: Record<string, number | null> = EXPECTED, format: ModernFormat = 'fmt2021'): Found {
  const found = read(text, format);
  assert.deepEqual(cellsOf(found), expected);
  return found;
}

/** Every line of the table part rewritten by `f` (which may return several lines), the prose around kept. */
function rewriteTables(f: (line: string) => string[]): string {
  const body = LINES.slice(TABLE_START, TABLE_END).flatMap(f);
  return [...LINES.slice(0, TABLE_START), ...body, ...LINES.slice(TABLE_END)].join('\n');
}

const cellsOfLine = (line: string): string[] => line.split('|').map((c) => c.trim()).filter((c) => c !== '');
const isNumber = (cell: string): boolean => /^\d+$/.test(cell);

function toFullWidth(text: string): string {
  return text.replace(/[!-~]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
}

function withValues(expected: Record<string, number | null>, changes: Record<string, number | null>): Record<string, number | null> {
  return { ...expected, ...changes };
}

describe('modern tables: layouts made from corpus 001', () => {
  it('the corpus text itself: rows with pipes, a row whose last number wraps to the next line, truncated table 四 header', () => {
    const found = assertSame(SOURCE);
    assert.deepEqual(found.warnings, []);
    const wrapped = found.figures.find((f) => f.id === 't3.results.other.no_correction/total');
    assert.equal(wrapped?.line, 48);
    assert.match(wrapped?.text ?? '', /^\(六\)其他处理 \| 1\.申请人无正当理由.* \| 0 \| 0 \| 0 \| 0 \| 0 \| 0 \| 0 \| \|$/);
  });

  it('tab-separated cells', () => {
    const found = assertSame(rewriteTables((l) => [l.replace(/ ?\| ?/g, '\t')]));
    assert.deepEqual(found.warnings, []);
  });

  it('one cell per line, without and with pipes', () => {
    assertSame(rewriteTables((l) => cellsOfLine(l)));
    assertSame(rewriteTables((l) => cellsOfLine(l).map((c) => `${c} |`)));
  });

  it('cells separated by blank lines', () => {
    assertSame(rewriteTables((l) => cellsOfLine(l).flatMap((c) => [c, ''])));
  });

  it('cells separated by spaces', () => {
    assertSame(rewriteTables((l) => [cellsOfLine(l).join(' ')]));
  });

  it('cells run together where every number is one digit (规章000, 1.属于国家秘密0000000, table 四 as 15 digits)', () => {
    let glued = 0;
    const text = rewriteTables((l) => {
      const cells = cellsOfLine(l);
      const numbers = cells.filter(isNumber);
      const labels = cells.filter((c) => !isNumber(c));
      if (![3, 7, 15].includes(numbers.length) || !numbers.every((n) => n.length === 1)) return [l];
      glued++;
      const digits = numbers.join('');
      return labels.length > 0 ? [[...labels.slice(0, -1), labels[labels.length - 1] + digits].join(' | ')] : [digits];
    });
    assert.ok(text.includes('规章000'));
    assert.ok(text.includes('1.属于国家秘密0000000'));
    assert.ok(text.includes('\n100120000000000\n'));
    assert.ok(glued >= 15);
    const found = assertSame(text);
    assert.deepEqual(found.warnings, []);
  });

  it('run-together cells whose digits do not fit one digit per cell are left out with a warning', () => {
    const text = SOURCE.replace('5.属于三类内部事务信息 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |', '5.属于三类内部事务信息300000 | 3 |');
    const found = read(text);
    const expected = Object.fromEntries(Object.entries(EXPECTED).filter(([id]) => !id.startsWith('t3.results.withheld.internal_affairs/')));
    assert.deepEqual(cellsOf(found), expected);
    assert.equal(found.warnings.length, 1);
    assert.match(found.warnings[0]!, /第36行.*属于三类内部事务信息.*数值个数为2，应为7/);
  });

  it('full-width digits and punctuation', () => {
    const found = assertSame(rewriteTables((l) => [toFullWidth(l)]));
    assert.deepEqual(found.warnings, []);
  });

  it('traditional characters (the whole report converted with opencc-js)', () => {
    const toTraditional = OpenCC.Converter({ from: 'cn', to: 't' });
    const traditional = toTraditional(SOURCE);
    assert.ok(traditional.includes('結轉下年度繼續辦理'));
    const found = assertSame(traditional);
    assert.deepEqual(found.warnings, []);
  });

  it('page furniture between the rows', () => {
    const text = rewriteTables((l) => (l.startsWith('5.属于三类') ? ['打印 | 关闭', l, '阅读:{{ pvCount }} 次', '发布时间:2023-01-20 来源:市人社局'] : [l]));
    const found = assertSame(text);
    assert.deepEqual(found.warnings, []);
  });

  it('blank, /, - and — cells are not reported (null), never 0', () => {
    const text = SOURCE.replace('规章 | 0 | 0 | 0 |', '规章 | / | - | — |')
      .replace('行政规范性文件 | 12 | 3 | 67 |', '行政规范性文件 | 12 |  | 67 |')
      .replace('行政处罚 | 5 | ||', '行政处罚 | / | ||')
      .replace('2.重复申请 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |', '2.重复申请 | 1 | | | | | | 1 |');
    const found = assertSame(
      text,
      withValues(EXPECTED, {
        't2.art20_1.rules/issued': null,
        't2.art20_1.rules/repealed': null,
        't2.art20_1.rules/in_force': null,
        't2.art20_1.normative_docs/repealed': null,
        't2.art20_6.penalty/decisions': null,
        't3.results.not_processed.duplicate/legal.business': null,
        't3.results.not_processed.duplicate/legal.research': null,
        't3.results.not_processed.duplicate/legal.nonprofit': null,
        't3.results.not_processed.duplicate/legal.legal_service': null,
        't3.results.not_processed.duplicate/legal.other': null,
      }),
    );
    assert.deepEqual(found.warnings, []);
  });

  it('duplicated header rows (a page break repeats the header)', () => {
    const text = rewriteTables((l) => (l.startsWith('商业 企业') || l.startsWith('结果 | 结果') ? [l, '自然人 | 法人或其他组织 | 总计', l] : [l]));
    const found = assertSame(text);
    assert.deepEqual(found.warnings, []);
  });

  it('full table 四 header instead of the truncated one', () => {
    const full = '结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计';
    assertSame(SOURCE.replace('结果 | 结果 | 其他 | 尚未 | 总计 | 结果 | 结果 | 其他 | 尚未 | 总计 | |||||', full));
  });

  it('labels wrapped over two lines with the numbers on the line after', () => {
    const text = rewriteTables((l) => {
      const cells = cellsOfLine(l);
      const label = cells.filter((c) => !isNumber(c)).pop() ?? '';
      const numbers = cells.filter(isNumber);
      if (label.length < 12 || numbers.length !== 7) return [l];
      const cut = Math.floor(label.length / 2);
      return [label.slice(0, cut), label.slice(cut), numbers.join(' | ')];
    });
    assert.ok(text.includes('\n3.危及“三\n安全一稳定”\n0 | 0 | 0 | 0 | 0 | 0 | 0\n'));
    const found = assertSame(text);
    assert.deepEqual(found.warnings, []);
  });

  it('a 法人或其他组织小计 column: dropped, checked against the five columns', () => {
    const withSubtotal = (l: string): string[] => {
      if (l.startsWith('商业 企业')) return ['商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 小计'];
      const cells = cellsOfLine(l);
      const numbers = cells.filter(isNumber).map(Number);
      if (numbers.length !== 7) return [l];
      const labels = cells.filter((c) => !isNumber(c));
      const subtotal = numbers.slice(1, 6).reduce((a, b) => a + b, 0);
      return [[...labels, ...numbers.slice(0, 6), subtotal, numbers[6]].join(' | ')];
    };
    // Rows 48–49 wrap their last number, so they are joined first.
    const joined = SOURCE.replace(/ \|\n0 \| \|?\|/g, ' | 0 |');
    const lines = joined.split('\n');
    const text = lines.flatMap((l, i) => (i >= 20 && i < 56 ? withSubtotal(l) : [l])).join('\n');
    assert.ok(text.includes('一、本年新收政府信息公开申请数量 | 200 | 12 | 0 | 0 | 0 | 0 | 12 | 212'));
    const found = assertSame(text);
    assert.deepEqual(found.warnings, []);

    const wrong = text.replace('一、本年新收政府信息公开申请数量 | 200 | 12 | 0 | 0 | 0 | 0 | 12 | 212', '一、本年新收政府信息公开申请数量 | 200 | 12 | 0 | 0 | 0 | 0 | 13 | 212');
    const flagged = assertSame(wrong);
    assert.equal(flagged.warnings.length, 1);
    assert.match(flagged.warnings[0]!, /本年新收.*小计为13.*之和为12/);
  });

  it('a group total printed in the table (（三）不予公开 with numbers): warned about, not a cell of the 2021 format', () => {
    const text = SOURCE.replace('(三)不予公开 | 1.属于国家秘密 | 0 |', '(三)不予公开 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |\n1.属于国家秘密 | 0 |');
    const found = assertSame(text);
    assert.equal(found.warnings.length, 1);
    assert.match(found.warnings[0]!, /不予公开.*分组行/);
  });

  it('two copies of a row with different numbers: neither is taken', () => {
    const text = SOURCE.replace('2.重复申请 | 1 | 0 | 0 | 0 | 0 | 0 | 1 | ||', '2.重复申请 | 1 | 0 | 0 | 0 | 0 | 0 | 1 | ||\n2.重复申请 | 2 | 0 | 0 | 0 | 0 | 0 | 2 | ||');
    const found = read(text);
    const expected = Object.fromEntries(Object.entries(EXPECTED).filter(([id]) => !id.startsWith('t3.results.not_processed.duplicate/')));
    assert.deepEqual(cellsOf(found), expected);
    assert.match(found.warnings.join('\n'), /重复申请.*数值不同/);
  });

  it('a fmt2019 table built from the 2021 one: relabelled table 二 (signed 本年增/减) and one （六）其他处理 row', () => {
    const t2 = [
      '二、主动公开政府信息情况',
      '第二十条第(一)项 | | |',
      '信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量',
      '规章 | 0 | 0 | 0',
      '规范性文件 | 12 | 12 | 67',
      '第二十条第(五)项',
      '信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量',
      '行政许可 | 40 | 减2 | 5730',
      '其他对外管理服务事项 | 10 | +1 | 0',
      '第二十条第(六)项',
      '信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量',
      '行政处罚 | 30 | -1 | 5',
      '行政强制 | 6 | 0 | 347',
      '第二十条第(八)项',
      '信息内容 | 上一年项目数量 | 本年增/减',
      '行政事业性收费 | 3 | 增1',
      '第二十条第(九)项',
      '信息内容 | 采购项目数量 | 采购总金额(万元)',
      '政府集中采购 | 4 | 12.5',
    ];
    const t3 = LINES.slice(23, 59).join('\n').replace(/\(六\)其他处理 \| 1\.申请人无正当理由[^\n]*\n0 \| \|\n2\.申请人逾期[^\n]*\n0 \| \|\|\n3\.其他 \| [^\n]*/, '(六)其他处理 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |');
    assert.ok(t3.includes('(六)其他处理 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |'));
    const text = [...LINES.slice(0, 8), ...t2, t3, ...LINES.slice(59)].join('\n');
    const t2019: Record<string, number | null> = {
      't2.art20_1.rules/new_made': 0,
      't2.art20_1.rules/new_published': 0,
      't2.art20_1.rules/published_total': 0,
      't2.art20_1.normative_docs/new_made': 12,
      't2.art20_1.normative_docs/new_published': 12,
      't2.art20_1.normative_docs/published_total': 67,
      't2.art20_5.licensing/items_prev_year': 40,
      't2.art20_5.licensing/items_change': -2,
      't2.art20_5.licensing/decisions': 5730,
      't2.art20_5.other_services/items_prev_year': 10,
      't2.art20_5.other_services/items_change': 1,
      't2.art20_5.other_services/decisions': 0,
      't2.art20_6.penalty/items_prev_year': 30,
      't2.art20_6.penalty/items_change': -1,
      't2.art20_6.penalty/decisions': 5,
      't2.art20_6.coercion/items_prev_year': 6,
      't2.art20_6.coercion/items_change': 0,
      't2.art20_6.coercion/decisions': 347,
      't2.art20_8.fees/items_prev_year': 3,
      't2.art20_8.fees/items_change': 1,
      't2.art20_9.central_procurement/projects': 4,
      't2.art20_9.central_procurement/amount': 12.5,
    };
    const rest = Object.entries(EXPECTED).filter(([id]) => !id.startsWith('t2.') && !id.startsWith('t3.results.other.'));
    const other = ['natural_person', 'legal.business', 'legal.research', 'legal.nonprofit', 'legal.legal_service', 'legal.other', 'total'];
    const expected = { ...t2019, ...Object.fromEntries(rest), ...Object.fromEntries(other.map((c) => [`t3.results.other/${c}`, 0])) };
    const found = assertSame(text, expected, 'fmt2019');
    assert.deepEqual(found.warnings, []);
  });

  it('a table 四 with a number missing is left out with a warning', () => {
    const found = read(SOURCE.replace('1 | 0 | 0 | 1 | 2 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |', '1 | 0 | 0 | 1 | 2 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |'));
    assert.equal(found.figures.filter((f) => f.id.startsWith('t4.')).length, 0);
    assert.match(found.warnings.join('\n'), /表四数值个数为14，应为15/);
  });
});
