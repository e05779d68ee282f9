import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { detectFormat, readMeta } from './meta.ts';
import { normalizeText } from './normalize.ts';

const DIR = new URL('../../test/fixtures/reports/', import.meta.url);
const corpus = (name: string): string => readFileSync(new URL(name, DIR), 'utf8');
const meta = (text: string) => readMeta(normalizeText(text));

describe('readMeta on the corpus', () => {
  it('000 Tianjin 2017: agency on the line above the title, period with the typo 1月l日, nine announced parts', () => {
    const m = meta(corpus('000_98e2bdf78905cace.txt'));
    assert.equal(m.agency, '天津市人力资源和社会保障局');
    assert.deepEqual(m.years, { title: 2017, period: 2017, template: 2008 });
    assert.equal(m.year, 2017);
    assert.equal(m.format, 'legacy');
    assert.deepEqual(m.sections.announced, [
      '概述', '主动公开政府信息情况', '依申请公开政府信息情况', '收费及减免情况', '行政复议行政诉讼情况',
      '政府信息公开工作存在的主要问题及改进情况', '其他需要报告的事项', '政府信息公开年度报告表', '附注',
    ]);
    assert.deepEqual(m.sections.present.map((s) => s.line), [4, 9, 13, 18, 26, 28, 30, 32, 34]);
    assert.equal(m.sections.present[3]?.label, '四、重点领域信息公开工作情况');
  });

  it('001 Tianjin 2022: 2021 format from its labels, no period stated, table rows 一、二、… are not sections', () => {
    const m = meta(corpus('001_e66a2b34805dc888.txt'));
    assert.equal(m.agency, '天津市人力资源和社会保障局');
    assert.deepEqual(m.years, { title: 2022, period: null, template: 2021 });
    assert.equal(m.format, 'fmt2021');
    assert.equal(m.variant, null);
    assert.deepEqual(m.sections.announced, []);
    assert.deepEqual(
      m.sections.present.map((s) => [s.line, s.label]),
      [[3, '一、总体情况'], [9, '二、主动公开政府信息情况'], [24, '三、收到和处理政府信息公开申请情况'],
        [55, '四、政府信息公开行政复议、行政诉讼情况'], [60, '五、存在的主要问题及改进情况'], [63, '六、其他需要报告的事项']],
    );
  });

  it('002 Weihai 2017: Shandong variant, announced parts after 本报告包括', () => {
    const m = meta(corpus('002_5a27d940390b8862.txt'));
    assert.equal(m.agency, '威海市人力资源和社会保障局');
    assert.deepEqual(m.years, { title: 2017, period: 2017, template: 2008 });
    assert.equal(m.format, 'legacy');
    assert.equal(m.variant, 'shandong');
    assert.equal(m.sections.announced[0], '概述');
    assert.equal(m.sections.announced.at(-1), '需要说明的事项与附表');
    assert.equal(m.sections.present.length, 11);
    assert.deepEqual(m.sections.present.at(-1), { label: '十一、政务公开存在的主要问题及改进情况', line: 87 });
  });

  it('003 Sanyuan 2017: title after the page furniture, Fujian cumulative variant', () => {
    const m = meta(corpus('003_e7508649c8de68c7.txt'));
    assert.equal(m.agency, '三元区人力资源和社会保障局');
    assert.deepEqual(m.years, { title: 2017, period: 2017, template: 2008 });
    assert.equal(m.format, 'legacy');
    assert.equal(m.variant, 'fujian_cumulative');
    assert.deepEqual(m.sections.announced, [
      '概述', '主动公开政府信息情况', '政府信息依申请公开办理情况', '因政府信息公开申请行政复议和提起行政诉讼的情况',
      '政府信息公开工作存在的主要问题及改进措施', '需要说明的事项与附表',
    ]);
    assert.deepEqual(m.sections.present.map((s) => s.label.slice(0, 2)), ['一、', '二、', '三、', '四、', '五、', '六、']);
  });

  it('004 Jilin 2018: no title line (现发布……), no table: the format follows the year, no template', () => {
    const m = meta(corpus('004_041b7631d5c88209.txt'));
    assert.equal(m.agency, '吉林省人力资源和社会保障厅');
    assert.deepEqual(m.years, { title: 2018, period: 2018, template: null });
    assert.equal(m.format, 'legacy');
    assert.deepEqual(m.sections.announced, ['省政府信息公开重点工作落实情况', '政务公开工作情况', '存在的主要问题和改进措施']);
    assert.deepEqual(m.sections.present.map((s) => s.line), [2, 32, 44]);
  });
});

describe('readMeta on variants', () => {
  it('reads the title in one line, with 关于, 年度 and a Chinese-numeral year', () => {
    assert.equal(meta('北京市财政局2021年度政府信息公开工作年度报告').agency, '北京市财政局');
    assert.equal(meta('北京市财政局关于2021年政府信息公开工作的年度报告').agency, '北京市财政局');
    assert.equal(meta('某某区人民政府二〇二〇年政府信息公开工作年度报告').year, 2020);
    assert.deepEqual(
      [meta('2022年度天津市某某局政府信息公开工作年度报告').agency, meta('2022年度天津市某某局政府信息公开工作年度报告').year],
      ['天津市某某局', 2022],
    );
    const yearLast = meta('天津市某某局政府信息公开工作年度报告（2021年度）');
    assert.deepEqual([yearLast.agency, yearLast.year], ['天津市某某局', 2021]);
    assert.equal(meta('某某镇人民政府2020年政府信息公开工作年报').agency, '某某镇人民政府');
  });

  it('gives the title year, not the period year, as the report year, and keeps both', () => {
    const m = meta('某局2021年政府信息公开工作年度报告\n本报告统计期限自2020年1月1日起至2020年12月31日止。');
    assert.deepEqual([m.year, m.years.title, m.years.period], [2021, 2021, 2020]);
  });

  it('leaves the period out when it spans two years', () => {
    assert.equal(meta('某局政府信息公开工作年度报告\n统计期限自2020年1月1日至2021年12月31日。').years.period, null);
  });

  it('finds the agency in the signature when the title has none', () => {
    assert.equal(meta('2019年政府信息公开工作年度报告\n正文。\n某某县市场监督管理局\n2020年1月20日').agency, '某某县市场监督管理局');
  });

  it('leaves agency and year empty when the text says nothing', () => {
    const m = meta('一段没有标题的文字。');
    assert.deepEqual([m.agency, m.year, m.format], [null, null, null]);
  });
});

describe('detectFormat', () => {
  const lines = (text: string) => normalizeText(text);

  it('tells 2019 from 2021 by table 二 whatever the year says', () => {
    assert.deepEqual(detectFormat(lines('信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量'), 2022), { format: 'fmt2019', fromContent: true });
    assert.deepEqual(detectFormat(lines('信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数'), 2019), { format: 'fmt2021', fromContent: true });
  });

  it('tells 2019 from 2021 by the split （六） rows of table 三', () => {
    const t3 = '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0';
    assert.equal(detectFormat(lines(t3), 2020).format, 'fmt2021');
  });

  it('uses the year between the two modern formats when only the shared tables are there', () => {
    const t3 = '一、本年新收政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1\n四、结转下年度继续办理 | 0 | 0 | 0 | 0 | 0 | 0 | 0';
    assert.deepEqual(detectFormat(lines(t3), 2020), { format: 'fmt2019', fromContent: true });
    assert.deepEqual(detectFormat(lines(t3), 2023), { format: 'fmt2021', fromContent: true });
  });

  it('recognises the legacy table, one cell per line', () => {
    assert.deepEqual(detectFormat(lines('统计指标\n单位\n统计数\n（一）收到申请数\n件\n3\n1.当面申请数\n件\n1'), 2021), { format: 'legacy', fromContent: true });
  });

  it('falls back to the year for a narrative-only report, and to null without a year', () => {
    assert.deepEqual(detectFormat(lines('全年共受理政府信息公开申请12件。'), 2020), { format: 'fmt2019', fromContent: false });
    assert.deepEqual(detectFormat(lines('全年共受理政府信息公开申请12件。'), null), { format: null, fromContent: false });
  });
});
