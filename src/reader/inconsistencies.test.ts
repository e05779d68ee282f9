// Every inconsistency of /work/shared/domain/seed-inconsistencies.md is found in the corpus by the full reader
// (parseText → checks), and what that file lists as correct holds. The expectations are typed from the seed
// file (its item number beside each); a check is picked by its id and a fragment of its message. No other
// check may fail: a finding not listed here is a false alarm until someone reads the report and adds it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import type { Check, Severity } from './model.ts';
import { parseText } from './parse.ts';

interface Expect {
  id: string;
  /** A fragment of the message that identifies the instance. */
  has: string;
  severity?: Severity;
  /** The item of seed-inconsistencies.md, or a note for a finding the seed file does not list. */
  item: string;
}

interface Corpus {
  fails: Expect[];
  holds: Expect[];
}

const expected: Record<string, Corpus> = {
  '000': {
    fails: [
      { id: 'sections_announced', has: '开头列出但正文中没有：「附注」；正文中有但开头未列出：「四、重点领域信息公开工作情况」', severity: 'info', item: '13' },
      { id: 'date_typo', has: '1月l日', severity: 'info', item: '15' },
    ],
    holds: [
      { id: 'legacy.received_sum', has: '200，等于「1.当面申请数」72 + 「2.传真申请数」0 + 「3.网络申请数」106 + 「4.信函申请数」22 = 200', item: '13' },
      { id: 'legacy.closed_sum', has: '190 + 「2.延期办结数」10 = 200', item: '13' },
      { id: 'legacy.answered_sum', has: '「（三）申请答复数」：200', item: '13' },
      { id: 'legacy.refused_sum', has: '「4.不同意公开答复数」：16', item: '13' },
      { id: 'legacy.review_sum', has: '「四、行政复议数量」：2', item: '13' },
      { id: 'legacy.litigation_sum', has: '「五、行政诉讼数量」：6', item: '13' },
      { id: 'legacy.staff_sum', has: '17，等于「1.专职人员数」6 + 「2.兼职人员数」11', item: '13' },
      { id: 'legacy.hotspots_vs_channels', has: '8，大于 0', item: '4 (000 for comparison)' },
      { id: 'narrative_vs_table', has: '「（一）主动公开政府信息数」为 290', item: '13: narrative 290' },
      { id: 'narrative_vs_table', has: '「（一）收到申请数」为 200', item: '13: narrative 200' },
      { id: 'narrative_vs_table', has: '「四、行政复议数量」为 2', item: '13: narrative 2' },
      { id: 'narrative_vs_table', has: '「五、行政诉讼数量」为 6', item: '13: narrative 6' },
      { id: 'narrative_vs_table', has: '「七、依申请公开信息收取的费用」为 0', item: '13: no fees' },
      { id: 'sections_required', has: '「政府信息公开的收费及减免情况」', item: '11 (000 has one)' },
    ],
  },
  '001': {
    fails: [{ id: 'narrative_vs_table', has: '列为 206，而表中为 213', severity: 'warning', item: '5' }],
    holds: [
      ...['自然人', '商业企业', '总计'].map((column) => ({ id: 't3.balance', has: `表三「${column}」列`, item: '5: the table balances' })),
      { id: 't3.results_total', has: '三、本年度办理结果（七）总计」「总计」列：213，等于各项办理结果之和', item: '5: 101 + 16 + 3 + 2 + 64 + 4 + 22 + 1 = 213' },
      { id: 't4.review_total', has: '「行政复议 总计」列：2，等于「结果维持」1 + 「结果纠正」0 + 「其他结果」0 + 「尚未审结」1 = 2', item: '5' },
      { id: 'narrative_vs_table', has: '「一、本年新收政府信息公开申请数量」「总计」列为 212', item: '5: 受理212件' },
    ],
  },
  '002': {
    fails: [
      { id: 'legacy.channel_le_total', has: '「2.政府网站公开政府信息数」：1587，大于统计表「（一）主动公开政府信息数」：1486', severity: 'warning', item: '3' },
      { id: 'legacy.channel_le_total', has: '「5.其他方式公开政府信息数」：4916，大于', severity: 'warning', item: '3' },
      { id: 'legacy.hotspots_vs_channels', has: '「5.其他方式回应事件数」72043', severity: 'warning', item: '4' },
      { id: 'sections_announced', has: '开头列出但正文中没有：「需要说明的事项」', severity: 'info', item: '14' },
      { id: 'percent_vs_counts', has: '4/6 = 66.7%，印为 66%：截断', severity: 'info', item: '14' },
      { id: 'sections_required', has: '缺少「其他需要报告的事项」', severity: 'info', item: 'not in the seed file: no 其他需要报告的事项 part (条例2008 art. 32(6))' },
    ],
    holds: [
      { id: 'legacy.received_sum', has: '6，等于「1.当面申请数」0 + 「2.传真申请数」0 + 「3.网络申请数」5 + 「4.信函申请数」1 + 「5.其他形式」0 = 6', item: '14' },
      { id: 'legacy.answered_sum', has: '「（三）申请答复数」：6', item: '14' },
      { id: 'legacy.closed_sum', has: '6，等于「1.按时办结数」6 + 「2.延期办结数」0', item: '14' },
      { id: 'legacy.deposit_sum', has: '34，等于「（一）纸质文件数」34 + 「（二）电子文件数」0', item: '14' },
      { id: 'legacy.staff_sum', has: '1，等于「1.专职人员数」0 + 「2.兼职人员数」1', item: '14' },
      { id: 'legacy.channels_ge_total', has: '= 7153', item: '3: channels sum to 7153' },
      ...['5/6 = 83.3%', '3/6 = 50%', '2/6 = 33.3%'].map((has) => ({ id: 'percent_vs_counts', has, item: '14' })),
      { id: 'sections_required', has: '「政府信息公开的收费及减免情况」', item: '11 (002 has one)' },
    ],
  },
  '003': {
    fails: [
      { id: 'narrative_part_le_total', has: '176 条，多于本年全部主动公开的统计表「主动公开文件数」「2017」列：12（历年累计 118）', item: '2' },
      { id: 'sections_required', has: '缺少「政府信息公开的收费及减免情况」部分（2008年《条例》第三十二条第（三）项）', severity: 'warning', item: '11' },
      { id: 'unit_column', has: '各行均未填写单位', severity: 'info', item: '12' },
      { id: 'label_vs_narrative', has: '「主动公开文件数」「2017」列（第 133 行）计的是文件，正文第 83 行', severity: 'info', item: '12: 文件数 vs 政府信息' },
      { id: 'date_typo', has: '201711月', severity: 'info', item: '15' },
      { id: 'date_typo', has: '20173月', severity: 'info', item: '15' },
    ],
    holds: [
      { id: 'narrative_vs_table', has: '「主动公开文件数」「2017」列为 12', item: '2: 2017年主动公开政府信息12条' },
      { id: 'narrative_vs_table', has: '「受理政府信息公开申请总数」「2017」列为 0', item: '12: 未收到政府信息公开申请' },
      { id: 'fj.proactive_channels', has: '「其中：1.政府网站公开数」「历年累计」列：118，不大于', item: '2: 12 / 118 = totals' },
      { id: 'fj.received_sum', has: '「2017」列：0', item: '12: 0 / 0' },
      { id: 'sections_announced', has: '均在正文中', item: '11: the introduction lists no fee part either' },
    ],
  },
  '004': {
    fails: [
      { id: 'legacy.received_sum', has: '65，而报告列出的分项「1.当面申请数」5 + 「3.网络申请数」5 + 「4.信函申请数」5 = 15', severity: 'error', item: '1' },
      { id: 'narrative_vs_narrative', has: '“群众和企业办事事项”的总数前后不一：49 与 50项', severity: 'warning', item: '6' },
      { id: 'anachronism', has: '新修订的条例', severity: 'warning', item: '7' },
      { id: 'anachronism', has: '新修订的《中华人民共和国政府信息公开条例》', severity: 'warning', item: '7' },
      { id: 'channels_sum_is_total', has: '3959，恰为各渠道之和', severity: 'warning', item: '8' },
      { id: 'application_unit', has: '申请数 65 以“条”计', severity: 'info', item: '9' },
      { id: 'table_present', has: '报告未附《政府信息公开情况统计表》', severity: 'info', item: '10' },
      { id: 'sections_required', has: '缺少「其他需要报告的事项」', severity: 'info', item: 'not in the seed file: no 其他需要报告的事项 part (条例2008 art. 32(6))' },
    ],
    holds: [
      { id: 'legacy.channels_ge_total', has: '3597 + 「3.政务微博公开政府信息数」19 + 「4.政务微信公开政府信息数」343 = 3959', item: '8: equality holds the ≥ rule' },
      { id: 'sections_required', has: '「政府信息公开的收费及减免情况」', item: '11 (004 has one)' },
      { id: 'year_mismatch', has: '报告年度 2018', item: '7: title and period agree' },
    ],
  },
};

const dir = new URL('../../test/fixtures/reports/', import.meta.url);
const files = readdirSync(dir).filter((f) => /^\d{3}_.*\.txt$/.test(f));

function find(checks: Check[], e: Expect, status: Check['status']): Check {
  const found = checks.filter((c) => c.id === e.id && c.message.includes(e.has));
  const others = checks.filter((c) => c.id === e.id).map((c) => `  ${c.status} ${c.message}`);
  assert.equal(found.length, 1, `${e.id} “${e.has}” (item ${e.item}): ${found.length} found; the ${e.id} checks are:\n${others.join('\n')}`);
  assert.equal(found[0]!.status, status, `${e.id} “${e.has}” (item ${e.item}): ${found[0]!.message}`);
  if (e.severity) assert.equal(found[0]!.severity, e.severity, `${e.id} (item ${e.item})`);
  return found[0]!;
}

test('the corpus has its five reports', () => {
  assert.deepEqual(files.map((f) => f.slice(0, 3)).sort(), Object.keys(expected).sort());
});

for (const file of files) {
  const key = file.slice(0, 3);
  test(`corpus ${key}: every seeded inconsistency fails, the figures that agree hold, nothing else fails`, () => {
    const report = parseText(readFileSync(new URL(file, dir), 'utf8'), file);
    const { fails, holds } = expected[key]!;
    const listed = new Set(fails.map((e) => find(report.checks, e, 'fails')));
    for (const e of holds) find(report.checks, e, 'holds');
    const unexpected = report.checks.filter((c) => c.status === 'fails' && !listed.has(c));
    assert.deepEqual(unexpected.map((c) => `${c.id}: ${c.message}`), []);
  });
}
