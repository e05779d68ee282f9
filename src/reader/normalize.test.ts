import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as OpenCC from 'opencc-js/cn2t';
import { foldWidth, labelKey, lineHas, normalizeLine, normalizeText } from './normalize.ts';

describe('normalizeText', () => {
  it('keeps the input line numbers across \\r\\n, \\r, \\n and U+2028, blank lines included', () => {
    const lines = normalizeText('甲\r\n乙\r丙\n\n丁\u2028戊');
    assert.deepEqual(lines.map((l) => [l.no, l.text]), [[1, '甲'], [2, '乙'], [3, '丙'], [4, ''], [5, '丁'], [6, '戊']]);
  });

  it('folds full-width ASCII, odd spaces and zero-width characters, and keeps the raw line', () => {
    const [line] = normalizeText('\u3000（一）予以公开｜９４｜\u00a0 ７\u200b｜１，４８６％');
    assert.equal(line?.text, '(一)予以公开|94| 7|1,486%');
    assert.equal(line?.raw, '\u3000（一）予以公开｜９４｜\u00a0 ７\u200b｜１，４８６％');
  });

  it('turns tabs between cells into pipes and drops indentation', () => {
    assert.deepEqual(normalizeText('\t统 计 指 标\t单位\t\t统计数\t').map((l) => l.text), ['统 计 指 标 | 单位 | 统计数']);
  });

  it('notes for each line the characters looked for (lineHas answers as String.includes would)', () => {
    const text = [
      '全年共收到申请12条，占32%',
      '\t统计表\t单位\t元',
      '\t一、主动公开情况\t',
      '行政复议｜行政诉讼　议讼',
      '１００％ 公开\u200b所有',
      '\r\n月报\r没有',
      '',
    ].join('\n');
    const toTraditional = OpenCC.Converter({ from: 'cn', to: 't' });
    for (const input of [text, text.replace(/\n/g, '\r\n'), toTraditional(text)]) {
      for (const line of normalizeText(input)) {
        for (const word of ['|', '%', '全', '所有', '月', '公开', '申请', '条', '表', '元', '议', '讼', '行政', '12']) {
          assert.equal(lineHas(line, word), line.text.includes(word), `${JSON.stringify(line.text)} / ${word}`);
        }
        const copy = { ...line, marks: undefined };
        for (const word of ['|', '%', '全', '表']) assert.equal(lineHas(copy, word), line.text.includes(word));
      }
    }
  });

  it('converts traditional characters to simplified, 資訊 to 信息', () => {
    const toTraditional = OpenCC.Converter({ from: 'cn', to: 't' });
    const simplified = '三、收到和处理政府信息公开申请情况 | 本年新收政府信息公开申请数量 | 结转下年度继续办理';
    const traditional = toTraditional(simplified);
    assert.notEqual(traditional, simplified);
    assert.equal(normalizeText(traditional)[0]?.text, simplified);
    assert.equal(normalizeText('政府資訊公開工作年度報告')[0]?.text, '政府信息公开工作年度报告');
  });

  it('leaves simplified text as it is', () => {
    const text = '天津市人力资源和社会保障局2022年政府信息公开工作年度报告';
    assert.equal(normalizeText(text)[0]?.text, text);
  });

  it('marks web-page furniture, not content', () => {
    const text = [
      '索 引 号:',
      '发布机构:',
      '文    号:',
      '生成日期:',
      '发布时间:2018-01-19     来源:三元区人社局     字体显示:        阅读:{{ pvCount }} 次',
      '【打印】【关闭】',
      '分享到:',
      '三元区人力资源和社会保障局2017年政府信息公开工作年度报告',
      '来源于群众的意见已全部办结。',
      '行政许可 | 5730',
    ].join('\n');
    assert.deepEqual(
      normalizeText(text).map((l) => l.furniture === true),
      [true, true, true, true, true, true, true, false, false, false],
    );
  });
});

describe('normalizeLine and foldWidth', () => {
  it('fold only ASCII look-alikes: 、 and 。 stay', () => {
    assert.equal(foldWidth('（二）部分公开，１、２。'), '(二)部分公开,1、2。');
    assert.equal(normalizeLine('  a   b  '), 'a b');
  });
});

describe('labelKey', () => {
  it('makes label variants equal', () => {
    const same = (a: string, b: string): void => assert.equal(labelKey(a), labelKey(b), `${a} ≠ ${b}`);
    same('（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '(二)部分公开');
    same('3.危及“三安全一稳定”', '3、危及"三安全一稳定"');
    same('1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', '申请人无正当理由逾期不补正，行政机关不再处理其政府信息公开申请');
    same('一、本年新收政府信息公开申请数量', '本年新收政府信息公开申请数');
    same('商业 企业', '商业企业');
    same('其中：主动公开规范性文件', '其中:主动公开规范性文件数');
  });

  it('keeps different labels apart', () => {
    assert.notEqual(labelKey('行政规范性文件'), labelKey('规范性文件'));
    assert.notEqual(labelKey('本年处理决定数量'), labelKey('处理决定数量'));
    assert.equal(labelKey('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）'), '');
  });
});
