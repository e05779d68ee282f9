import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalizeText } from '../normalize.ts';
import { readModernTables } from './modern.ts';

const read = (text: string, format: 'fmt2019' | 'fmt2021' = 'fmt2021') => readModernTables(normalizeText(text), format);
const cells = (text: string, format: 'fmt2019' | 'fmt2021' = 'fmt2021') =>
  Object.fromEntries(read(text, format).figures.map((f) => [f.id, f.value]));
const row = (id: string, values: (number | null)[]) => {
  const columns = ['natural_person', 'legal.business', 'legal.research', 'legal.nonprofit', 'legal.legal_service', 'legal.other', 'total'];
  return Object.fromEntries(columns.map((c, i) => [`${id}/${c}`, values[i] ?? null]));
};

describe('readModernTables', () => {
  it('reads an HTML-like row whose spanned label cells are repeated', () => {
    const text = [
      '三、收到和处理政府信息公开申请情况',
      '三、本年度办理结果 | (三)不予公开 | 1.属于国家秘密 | 1 | 0 | 0 | 0 | 0 | 0 | 1',
      '三、本年度办理结果 | (七)总计 | (七)总计 | 9 | 1 | 0 | 0 | 0 | 0 | 10',
    ].join('\n');
    assert.deepEqual(cells(text), { ...row('t3.results.withheld.state_secret', [1, 0, 0, 0, 0, 0, 1]), ...row('t3.results.total', [9, 1, 0, 0, 0, 0, 10]) });
  });

  it('drops empty cells of a spanned label, keeps an empty cell among the numbers as not reported', () => {
    assert.deepEqual(cells('规章 | | | 1 | 2 | 3\n行政规范性文件 | 4 | | 6'), {
      't2.art20_1.rules/issued': 1,
      't2.art20_1.rules/repealed': 2,
      't2.art20_1.rules/in_force': 3,
      't2.art20_1.normative_docs/issued': 4,
      't2.art20_1.normative_docs/repealed': null,
      't2.art20_1.normative_docs/in_force': 6,
    });
  });

  it('keeps figures to their source line and row text', () => {
    const found = read('标题\n规章 | 1 | 2 | 3');
    assert.deepEqual(found.figures[0], { id: 't2.art20_1.rules/issued', value: 1, from: 'table', line: 2, text: '规章 | 1 | 2 | 3' });
  });

  it('does not take the column header 其他 or 总计 as the row 3.其他 or （七）总计', () => {
    const text = ['商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他', '总计', '1 | 0 | 0 | 1 | 2 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0'].join('\n');
    const found = read(text);
    assert.deepEqual(found.figures, []);
  });

  it('takes 其他 after the row before it (one cell per line, enumerator lost)', () => {
    const text = ['2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', '0 0 0 0 0 0 0', '其他', '1 0 0 0 0 0 1'].join('\n');
    assert.deepEqual(cells(text), { ...row('t3.results.other.fee_unpaid', [0, 0, 0, 0, 0, 0, 0]), ...row('t3.results.other.other', [1, 0, 0, 0, 0, 0, 1]) });
  });

  it('finds table 四 from its header without the section heading', () => {
    const text = ['行政复议', '行政诉讼', '结果维持', '尚未审结', '总计', ...'1 0 0 1 2 0 0 0 0 0 0 0 0 0 0'.split(' ')].join('\n');
    const found = read(text);
    assert.equal(found.figures.length, 15);
    assert.equal(found.figures.find((f) => f.id === 't4.cases/review.total')?.value, 2);
  });

  it('matches labels worded slightly differently or cut short, and nothing else', () => {
    const text = [
      '3.补正后申请内容仍然不明确 | 5 | 0 | 0 | 0 | 0 | 0 | 5',
      '5.要求行政机关确认或重新出具 | 1 | 0 | 0 | 0 | 0 | 0 | 1',
      '行政处罚决定 | 7',
    ].join('\n');
    assert.deepEqual(cells(text), {
      ...row('t3.results.unable.still_unclear_after_correction', [5, 0, 0, 0, 0, 0, 5]),
      ...row('t3.results.not_processed.confirm_or_reissue', [1, 0, 0, 0, 0, 0, 1]),
    });
  });

  it('warns about an unknown row inside a table and takes nothing from it', () => {
    const found = read('二、主动公开政府信息情况\n其他主动公开文件 | 3 | 0 | 3\n规章 | 0 | 0 | 0');
    assert.deepEqual(Object.keys(Object.fromEntries(found.figures.map((f) => [f.id, f.value]))), ['t2.art20_1.rules/issued', 't2.art20_1.rules/repealed', 't2.art20_1.rules/in_force']);
    assert.deepEqual(found.warnings, ['第2行：未能识别的表格行「其他主动公开文件」（3个数值），未采用']);
  });

  it('ignores numbers in prose and sentences that mention a row label', () => {
    const text = '一、总体情况\n全年共受理政府信息公开申请212件,行政许可5730件。\n行政处罚案件5件\n2022';
    assert.deepEqual(read(text), { figures: [], warnings: [] });
  });

  it('warns about a single （六）其他处理 row in a 2021 table: a group there, no cell of its own', () => {
    const found = read('(六)其他处理 | 1 | 0 | 0 | 0 | 0 | 0 | 1');
    assert.deepEqual(found.figures, []);
    assert.match(found.warnings[0] ?? '', /其他处理.*分组行/);
  });

  it('takes the 小计 column only where the header places it, else leaves table 三 out', () => {
    const header = '自然人 | 法人或其他组织 | 总计\n小计 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他';
    assert.deepEqual(cells(`${header}\n一、本年新收政府信息公开申请数量 | 5 | 3 | 2 | 1 | 0 | 0 | 0 | 8`), row('t3.new', [5, 2, 1, 0, 0, 0, 8]));
    const unclear = read('小计\n一、本年新收政府信息公开申请数量 | 5 | 3 | 2 | 1 | 0 | 0 | 0 | 8\n二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0');
    assert.deepEqual(unclear.figures, []);
    assert.deepEqual(unclear.warnings, ['第2行：表三表头有“小计”列，但无法确定其位置，表三未采用']);
  });

  it('reads signed changes and amounts in a 2019 table 二', () => {
    const text = '行政许可 | 12 | 减3 | 100\n行政事业性收费 | 4 | -1\n政府集中采购 | 2 | 35.6';
    assert.deepEqual(cells(text, 'fmt2019'), {
      't2.art20_5.licensing/items_prev_year': 12,
      't2.art20_5.licensing/items_change': -3,
      't2.art20_5.licensing/decisions': 100,
      't2.art20_8.fees/items_prev_year': 4,
      't2.art20_8.fees/items_change': -1,
      't2.art20_9.central_procurement/projects': 2,
      't2.art20_9.central_procurement/amount': 35.6,
    });
  });

  it('keeps the unit of 采购总金额 as printed in the cell or the header, and warns when there is none', () => {
    const unitOf = (text: string) => read(text, 'fmt2019').figures.find((f) => f.id === 't2.art20_9.central_procurement/amount');
    assert.equal(unitOf('第二十条第(九)项\n政府集中采购 | 2 | 35.6万元')?.unit, '万元');
    assert.equal(unitOf('第二十条第(九)项\n信息内容 | 采购项目数量 | 采购总金额(元)\n政府集中采购 | 2 | 356000')?.value, 356000);
    assert.equal(unitOf('第二十条第(九)项\n信息内容 | 采购项目数量 | 采购总金额(元)\n政府集中采购 | 2 | 356000')?.unit, '元');
    assert.equal(unitOf('第二十条第(九)项\n单位:万元\n政府集中采购 | 2 | 35.6')?.unit, '万元');
    const bare = read('第二十条第(九)项\n政府集中采购 | 2 | 35.6', 'fmt2019');
    assert.equal(bare.figures.find((f) => f.id.endsWith('/amount'))?.unit, undefined);
    assert.deepEqual(bare.warnings, ['第2行：「政府集中采购」的采购总金额未注明单位（元或万元）']);
  });

  it('leaves a row out when its numbers do not fit', () => {
    const found = read('规章 | 1 | 2\n行政规范性文件 | 1 | 2 | 3 | 4');
    assert.deepEqual(found.figures, []);
    assert.deepEqual(found.warnings, ['第1行：「规章」数值个数为2，应为3，该行未采用', '第2行：「行政规范性文件」数值个数为4，应为3，该行未采用']);
  });
});
