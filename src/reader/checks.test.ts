// The checks on reports built by hand: every relation id of formats.json has an implementation, sums hold and
// fail with messages naming the cells, blanks are "not reported" (never 0), cross-year relations are not
// checkable, and each of the reader's own checks finds what it is for. Figures are typed here or taken from
// 001.expected.json (typed by hand from corpus 001); the corpus itself is read in inconsistencies.test.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { formats, relationsOf, type FormatId } from '../reports/formats.ts';
import { runChecks } from './checks.ts';
import { implementations } from './checks/relations.ts';
import checkData from './checks/checks.json' with { type: 'json' };
import type { Check, Figure, ParsedReport, VariantId } from './model.ts';
import { normalizeText } from './normalize.ts';

interface Build {
  format: FormatId | null;
  variant?: VariantId | null;
  year?: number | null;
  years?: ParsedReport['years'];
  table?: Record<string, number | null>;
  prose?: { id: string; value: number | null; line: number; text: string }[];
}

function report(b: Build): ParsedReport {
  const figures: Figure[] = [
    ...Object.entries(b.table ?? {}).map(([id, value], i) => ({ id, value, from: 'table' as const, line: 100 + i, text: `${id} ${value}` })),
    ...(b.prose ?? []).map((p) => ({ ...p, from: 'prose' as const })),
  ];
  const cells: ParsedReport['cells'] = {};
  const sources: ParsedReport['sources'] = {};
  for (const f of figures) {
    if (f.id in cells) continue;
    cells[f.id] = f.value;
    sources[f.id] = { line: f.line, text: f.text, from: f.from };
  }
  const year = b.year === undefined ? 2017 : b.year;
  const years = b.years ?? { title: year, period: year, template: null };
  return { file: 't', agency: null, year, years, format: b.format, variant: b.variant ?? null, cells, sources, figures, checks: [], warnings: [] };
}

const run = (b: Build, text = '') => runChecks(report(b), normalizeText(text));
const withId = (checks: Check[], id: string) => checks.filter((c) => c.id === id);
const one = (checks: Check[], id: string, messagePart: string) => {
  const found = checks.filter((c) => c.id === id && c.message.includes(messagePart));
  assert.equal(found.length, 1, `${id} with “${messagePart}”: ${found.length} found\n${withId(checks, id).map((c) => c.message).join('\n')}`);
  return found[0]!;
};

const expected001 = JSON.parse(readFileSync(new URL('../../test/fixtures/reports/001.expected.json', import.meta.url), 'utf8')) as { cells: Record<string, number | null> };

test('every relation of formats.json, in every format and variant, has an implementation and yields checks', () => {
  const variants: [FormatId, VariantId | null][] = formats.flatMap((f) => [
    [f.id, null] as [FormatId, null],
    ...(f.variants ?? []).map((v) => [f.id, v.id as VariantId] as [FormatId, VariantId]),
  ]);
  assert.equal(variants.length, 5);
  for (const [format, variant] of variants) {
    const relations = relationsOf(format, variant);
    assert.ok(relations.length > 0);
    const checks = run({ format, variant });
    for (const r of relations) {
      assert.ok(Object.hasOwn(implementations, r.id), `${r.id} has no implementation`);
      const own = withId(checks, r.id);
      assert.ok(own.length > 0, `${format}/${variant}: ${r.id} yields no check`);
      // Nothing found: nothing can hold or fail.
      assert.ok(own.every((c) => c.status === 'not_checkable' && c.severity === r.severity), r.id);
    }
  }
});

test('corpus 001 (typed by hand): tables 三 and 四 balance in every column and row; cross-year relations are not checkable', () => {
  const checks = run({ format: 'fmt2021', year: 2022, table: expected001.cells });
  for (const id of ['t3.balance', 't3.results_total']) {
    assert.equal(withId(checks, id).length, 7);
    assert.ok(withId(checks, id).every((c) => c.status === 'holds'), id);
  }
  assert.equal(withId(checks, 't3.row_total').length, 25);
  for (const id of ['t3.row_total', 't3.non_negative', 't2.non_negative', 't4.review_total', 't4.direct_total', 't4.after_review_total', 't2.repealed_le_stock']) {
    assert.ok(withId(checks, id).every((c) => c.status === 'holds'), id);
  }
  one(checks, 't4.review_total', '表四「行政复议 总计」列：2，等于「结果维持」1 + 「结果纠正」0 + 「其他结果」0 + 「尚未审结」1 = 2');
  for (const id of ['t3.cross_year', 't2.in_force_roll']) {
    const [c] = withId(checks, id);
    assert.equal(c?.status, 'not_checkable');
    assert.match(c!.message, /无法仅凭本年度报告校验：需要上一年度报告/);
  }
  // No subtotal of （三）…（六） is printed: nothing to compare, said once.
  assert.deepEqual(withId(checks, 't3.group_subtotals').map((c) => c.status), ['not_checkable']);
});

test('a wrong total fails with the cells named in Chinese and the values', () => {
  const table = { ...expected001.cells, 't3.results.total/natural_person': 202 };
  const checks = run({ format: 'fmt2021', year: 2022, table });
  const fail = one(checks, 't3.results_total', '「自然人」列');
  assert.equal(fail.status, 'fails');
  assert.equal(fail.severity, 'error');
  assert.equal(fail.message, '表三「三、本年度办理结果（七）总计」「自然人」列：202，而各项办理结果之和为 201');
  assert.equal(fail.values['t3.results.total/natural_person'], 202);
  assert.equal(fail.values['t3.results.disclosed/natural_person'], 94);
  assert.equal(one(checks, 't3.balance', '表三「自然人」列').status, 'fails');
  assert.equal(one(checks, 't3.row_total', '（七）总计」「总计」列').message, '表三「三、本年度办理结果（七）总计」「总计」列：213，而「自然人」202 + 「商业企业」12 + 「科研机构」0 + 「社会公益组织」0 + 「法律服务机构」0 + 「其他」0 = 214');
});

test('a blank cell is not reported, not 0: the relations that need it are not checkable and say which cell', () => {
  const table = { ...expected001.cells, 't3.carried_over/natural_person': null };
  const checks = run({ format: 'fmt2021', year: 2022, table });
  const balance = one(checks, 't3.balance', '表三「二、上年结转政府信息公开申请数量」「自然人」列未报告');
  assert.equal(balance.status, 'not_checkable');
  assert.equal(balance.values['t3.carried_over/natural_person'], null);
  assert.equal(one(checks, 't3.row_total', '「自然人」未报告').status, 'not_checkable');
  assert.equal(withId(checks, 't3.non_negative')[0]?.status, 'holds');
});

test('parts already above the total fail even with a blank part; a partial sum below it is not checkable', () => {
  const above = run({ format: 'legacy', table: { 'legacy.requests.received/value': 10, 'legacy.requests.received.in_person/value': 8, 'legacy.requests.received.fax/value': null, 'legacy.requests.received.online/value': 5, 'legacy.requests.received.letter/value': 0 } });
  const fail = withId(above, 'legacy.received_sum')[0]!;
  assert.equal(fail.status, 'fails');
  assert.equal(fail.message, '统计表「（一）收到申请数」：10，而已报告的分项「1.当面申请数」8 + 「3.网络申请数」5 + 「4.信函申请数」0 = 13，已超过总数（「2.传真申请数」未报告）');
  const below = run({ format: 'legacy', table: { 'legacy.requests.received/value': 20, 'legacy.requests.received.in_person/value': 8, 'legacy.requests.received.fax/value': null, 'legacy.requests.received.online/value': 5, 'legacy.requests.received.letter/value': 0 } });
  assert.equal(withId(below, 'legacy.received_sum')[0]?.status, 'not_checkable');
});

test('a sentence that lists some parts of a total and not the others fails when they do not add up (004)', () => {
  const sentence = '2018年,公众对我厅申请信息公开65件,其中当面申请5件,网络申请5件,信函申请5件。';
  const prose = [
    { id: 'legacy.requests.received/value', value: 65, line: 41, text: sentence },
    { id: 'legacy.requests.received.in_person/value', value: 5, line: 41, text: sentence },
    { id: 'legacy.requests.received.online/value', value: 5, line: 41, text: sentence },
    { id: 'legacy.requests.received.letter/value', value: 5, line: 41, text: sentence },
  ];
  const fail = withId(run({ format: 'legacy', year: 2018, prose }), 'legacy.received_sum')[0]!;
  assert.equal(fail.status, 'fails');
  assert.equal(fail.message, '统计表「（一）收到申请数」：65，而报告列出的分项「1.当面申请数」5 + 「3.网络申请数」5 + 「4.信函申请数」5 = 15，与总数不符（未提及：「2.传真申请数」）');
  // The same figures from different sentences are not one breakdown: nothing is assumed about the missing part.
  const scattered = prose.map((p, i) => ({ ...p, line: 41 + i }));
  assert.equal(withId(run({ format: 'legacy', year: 2018, prose: scattered }), 'legacy.received_sum')[0]?.status, 'not_checkable');
  // A sentence with a part the national table has no row for (其他形式): its breakdown is not the table's.
  const other = '共收到申请100件,其中网上申请60件,信函申请30件,其他形式10件。';
  const withOther = [
    { id: 'legacy.requests.received/value', value: 100, line: 7, text: other },
    { id: 'legacy.requests.received.online/value', value: 60, line: 7, text: other },
    { id: 'legacy.requests.received.letter/value', value: 30, line: 7, text: other },
  ];
  assert.equal(withId(run({ format: 'legacy', prose: withOther }), 'legacy.received_sum')[0]?.status, 'not_checkable');
});

test('legacy: corpus 000 request figures add up (from seed-inconsistencies.md)', () => {
  const v = (id: string, value: number) => [`legacy.${id}/value`, value] as const;
  const table = Object.fromEntries([
    v('requests.received', 200), v('requests.received.in_person', 72), v('requests.received.fax', 0), v('requests.received.online', 106), v('requests.received.letter', 22),
    v('requests.closed', 200), v('requests.closed.on_time', 190), v('requests.closed.extended', 10),
    v('requests.answered', 200), v('requests.answered.already_public', 100), v('requests.answered.disclosed', 12), v('requests.answered.partial', 1), v('requests.answered.refused', 16),
    v('requests.answered.not_this_agency', 39), v('requests.answered.not_exist', 7), v('requests.answered.correction_requested', 16), v('requests.answered.other_channel', 9),
    v('requests.answered.refused.state_secret', 0), v('requests.answered.refused.commercial_secret', 4), v('requests.answered.refused.privacy', 0),
    v('requests.answered.refused.security_stability', 0), v('requests.answered.refused.not_gov_info', 6), v('requests.answered.refused.other_law', 6),
    v('review', 2), v('review.upheld', 2), v('review.corrected', 0), v('review.other', 0), v('org.staff', 17), v('org.staff.full_time', 6), v('org.staff.part_time', 11),
  ]);
  const checks = run({ format: 'legacy', table });
  for (const id of ['legacy.received_sum', 'legacy.closed_sum', 'legacy.answered_sum', 'legacy.refused_sum', 'legacy.review_sum', 'legacy.staff_sum', 'legacy.answered_le_received', 'legacy.closed_eq_answered']) {
    assert.deepEqual(withId(checks, id).map((c) => c.status), ['holds'], id);
  }
  assert.equal(withId(checks, 'legacy.litigation_sum')[0]?.status, 'not_checkable');
});

test('legacy: channels above the de-duplicated total and responses without hot topics fail (002)', () => {
  const table = {
    'legacy.proactive.total/value': 1486,
    'legacy.proactive.channels.gazette/value': 0,
    'legacy.proactive.channels.website/value': 1587,
    'legacy.proactive.channels.weibo/value': 129,
    'legacy.proactive.channels.weixin/value': 521,
    'legacy.proactive.channels.other/value': 4916,
    'legacy.response.hotspots/value': 0,
    'legacy.response.press_conferences/value': 2,
    'legacy.response.press_conferences.principal/value': 1,
    'legacy.response.online_interviews/value': 0,
    'legacy.response.online_interviews.principal/value': 0,
    'legacy.response.interpretations/value': 8,
    'legacy.response.weibo_weixin/value': 301,
    'legacy.response.other/value': 72043,
  };
  const checks = run({ format: 'legacy', variant: 'shandong', table });
  const channels = withId(checks, 'legacy.channel_le_total');
  assert.equal(channels.length, 5);
  assert.deepEqual(channels.filter((c) => c.status === 'fails').map((c) => c.message.split('：')[0]), ['统计表「2.政府网站公开政府信息数」', '统计表「5.其他方式公开政府信息数」']);
  assert.equal(withId(checks, 'legacy.channels_ge_total')[0]?.status, 'holds');
  assert.deepEqual(withId(checks, 'legacy.principal_le_total').map((c) => c.status), ['holds', 'holds']);
  const hot = withId(checks, 'legacy.hotspots_vs_channels')[0]!;
  assert.equal(hot.status, 'fails');
  assert.match(hot.message, /「5\.其他方式回应事件数」72043/);
  assert.equal(withId(checks, 'channels_sum_is_total')[0]?.status, 'holds');
});

test('legacy: a total that is exactly the channel sum is suspicious (004)', () => {
  const table = { 'legacy.proactive.total/value': 3959, 'legacy.proactive.channels.website/value': 3597, 'legacy.proactive.channels.weibo/value': 19, 'legacy.proactive.channels.weixin/value': 343 };
  const fail = withId(run({ format: 'legacy', year: 2018, table }), 'channels_sum_is_total')[0]!;
  assert.equal(fail.status, 'fails');
  assert.equal(fail.severity, 'warning');
  assert.match(fail.message, /：3959，恰为各渠道之和 「2\.政府网站公开政府信息数」3597 \+ 「3\.政务微博公开政府信息数」19 \+ 「4\.政务微信公开政府信息数」343/);
});

test('福建累计: each column is checked, the cumulative column never below the year, the roll-over not checkable', () => {
  const table = { 'fj.proactive/value': 12, 'fj.proactive/cumulative': 118, 'fj.proactive.website/value': 12, 'fj.proactive.website/cumulative': 118, 'fj.received/value': 3, 'fj.received/cumulative': 2, 'fj.received.in_person/value': 1, 'fj.received.online/value': 1, 'fj.received.letter_fax/value': 0 };
  const checks = run({ format: 'legacy', variant: 'fujian_cumulative', table });
  const received = withId(checks, 'fj.received_sum');
  assert.deepEqual(received.map((c) => c.status), ['fails', 'not_checkable']);
  assert.equal(received[0]!.message, '统计表「受理政府信息公开申请总数」「2017」列：3，而「其中：1.当面申请数」1 + 「2.网络申请数」1 + 「3.信函、传真申请数」0 = 2');
  const cumulative = withId(checks, 'fj.cumulative');
  assert.ok(cumulative.some((c) => c.status === 'fails' && c.message.includes('「受理政府信息公开申请总数」「2017」列：3，大于')));
  assert.equal(cumulative.at(-1)?.status, 'not_checkable');
  assert.match(cumulative.at(-1)!.message, /上一年度报告的「历年累计」/);
  // The national rows are not part of this table.
  assert.match(withId(checks, 'legacy.received_sum')[0]!.message, /统计表样式没有该关系涉及的栏目/);
});

test('narrative against the table, with the hint for 本年度办理结果 (001: 206 vs 213)', () => {
  const sentence = '全年共受理政府信息公开申请212件,其中网站申请195件、当面申请4件、信函申请13件;已办理206件,结转下年度继续办理6件。';
  const checks = run({
    format: 'fmt2021',
    year: 2022,
    table: { 't3.new/total': 212, 't3.results.total/total': 213 },
    prose: [
      { id: 't3.new/total', value: 212, line: 8, text: sentence },
      { id: 't3.results.total/total', value: 206, line: 8, text: sentence },
    ],
  });
  const [same, differs] = withId(checks, 'narrative_vs_table');
  assert.equal(same?.status, 'holds');
  assert.equal(differs?.status, 'fails');
  assert.match(differs!.message, /^正文第 8 行“…[^”]*已办理206件,结转下年度继续办理6件。”：表三「三、本年度办理结果（七）总计」「总计」列为 206，而表中为 213（表三「本年度办理结果」包括上年结转的申请/);
  assert.deepEqual(differs!.values, { 't3.results.total/total': 213, 't3.results.total/total#prose': 206 });
});

test('narrative against narrative: two prose figures of one cell, and "all N X" stated twice (004: 49 vs 50)', () => {
  const prose = [
    { id: 'legacy.review/value', value: 1, line: 5, text: '被申请行政复议1件' },
    { id: 'legacy.review/value', value: 2, line: 9, text: '行政复议2件' },
  ];
  const text = [
    '经省审改办最终确认,全厅群众和企业办事事项49项(浙江33项)、权力事项100项。',
    '完成了9项行政许可、全部50项群众和企业办事事项以及其他16项业务事项的流程优化再造。',
    '全年共受理政府信息公开申请212件。全部212件申请均已答复。',
  ].join('\n');
  const checks = withId(run({ format: 'legacy', year: 2018, prose }, text), 'narrative_vs_narrative');
  assert.equal(checks.length, 2);
  assert.equal(checks[0]!.status, 'fails');
  assert.match(checks[0]!.message, /统计表「四、行政复议数量」，前后不一：1 与 2/);
  assert.equal(checks[1]!.status, 'fails');
  assert.match(checks[1]!.message, /“群众和企业办事事项”的总数前后不一：49 与 50项（第 1 行.*；第 2 行/);
});

test('a kind of information published in the year cannot outnumber all information published (003: 176 > 12)', () => {
  const text = [
    '定期公布社会保险情况。适时公布阶段性保险费率的执行情况和实际效果,2017年共公开社会保险和基金运行情况信息176条。',
    '截至2017年12月31日,我局历年累计主动公开政府信息118条,其中2017年主动公开政府信息12条。',
    '从不同渠道和方式共公开信息7153条(信息有重复),其中,通过政府网站公开信息1587条。',
    '2016年共公开就业政策信息300条。',
    '2017年公开就业政策信息5条。',
  ].join('\n');
  const checks = withId(run({ format: 'legacy', variant: 'fujian_cumulative', table: { 'fj.proactive/value': 12, 'fj.proactive/cumulative': 118 } }, text), 'narrative_part_le_total');
  assert.deepEqual(checks.map((c) => c.status), ['fails', 'holds']);
  assert.match(checks[0]!.message, /^正文第 1 行“.*信息176条。”：176 条，多于本年全部主动公开的统计表「主动公开文件数」「2017」列：12（历年累计 118）$/);
});

test('percentages: rounded holds, truncated is info, neither is a warning; no base, no check (002)', () => {
  const text = [
    '2017年,我局收到公开政府信息申请6件,其中:当面申请0件,以网上提交表单形式申请5件,占83%,以信函形式申请1件,占17%。从内容上来分,查询职称信息1件,占17%。社保信息4件,占66%。',
    '受理申请6件,其中同意公开3件,占40%,不存在的3件,占50%,另有0件,占0%。',
    '建议提案办结率为100%,人大代表面复率和满意率均为100%。',
  ].join('\n');
  const checks = withId(run({ format: 'legacy' }, text), 'percent_vs_counts');
  assert.deepEqual(
    checks.map((c) => [c.status, c.severity]),
    [['holds', 'warning'], ['holds', 'warning'], ['holds', 'warning'], ['fails', 'info'], ['fails', 'warning'], ['holds', 'warning'], ['holds', 'warning']],
  );
  assert.match(checks[3]!.message, /4\/6 = 66\.7%，印为 66%：截断而非四舍五入（应为 67%）/);
  assert.match(checks[4]!.message, /3\/6 = 50%，而印为 40%/);
});

test('years: title against period, the template against the year', () => {
  const years = (title: number | null, period: number | null, template: number | null) => ({ title, period, template });
  const period = withId(run({ format: 'legacy', year: 2018, years: years(2018, 2017, 2008) }), 'year_mismatch')[0]!;
  assert.equal(period.status, 'fails');
  assert.match(period.message, /标题中的年度为 2018 年，统计期限却是 2017 年/);
  const template = withId(run({ format: 'fmt2021', year: 2020, years: years(2020, 2020, 2021) }), 'year_mismatch')[0]!;
  assert.equal(template.status, 'fails');
  assert.match(template.message, /2020 年度报告使用了《中华人民共和国政府信息公开工作年度报告格式（2021修订）》，该格式适用于 2021–今 年度的报告/);
  // A narrative-only report's format is assumed from its year: nothing to compare.
  assert.equal(withId(run({ format: 'legacy', year: 2018, years: years(2018, 2018, null) }), 'year_mismatch')[0]?.status, 'holds');
  assert.equal(withId(run({ format: null, year: null, years: years(null, null, null) }), 'year_mismatch')[0]?.status, 'not_checkable');
});

test('a report cannot know of the 条例 revised in 2019 before 2019 (004)', () => {
  const text = '结合条例实施10周年和新修订的条例出台,在厅门户网站发布宣传信息。\n详细宣传讲解新修订的《中华人民共和国政府信息公开条例》。';
  const early = withId(run({ format: 'legacy', year: 2018 }, text), 'anachronism');
  assert.deepEqual(early.map((c) => c.status), ['fails', 'fails']);
  assert.match(early[0]!.message, /^2018 年度报告第 1 行“.*新修订的条例.*”提到2019年4月3日修订公布/);
  assert.deepEqual(withId(run({ format: 'fmt2019', year: 2019 }, text), 'anachronism').map((c) => c.status), ['holds']);
});

test('dates that cannot be read are info (000, 003)', () => {
  const text = '报告中所列数据的统计期限自2017年1月l日起至2017年12 月31日止。\n我局权责清单两单融合,已于于201711月底全面完成。\n我局已于20173月全面推开。\n编号2017123号文件,2017年3月1日印发。';
  const checks = withId(run({ format: 'legacy' }, text), 'date_typo');
  assert.deepEqual(checks.map((c) => [c.status, c.severity]), [['fails', 'info'], ['fails', 'info'], ['fails', 'info']]);
  assert.match(checks[0]!.message, /第 1 行“.*1月l日.*”：日期中用字母代替了数字/);
  assert.match(checks[2]!.message, /第 3 行“.*20173月.*”：年份与月份之间缺少“年”字/);
});

test('applications stated in 条 while the table counts 件 (004)', () => {
  const text = '五年来,依申请公开政府信息条数分别为3条、11条、17条、19条和65条,申请数量持续增长。\n主动公开政府信息65条。';
  const checks = withId(run({ format: 'legacy', year: 2018, table: { 'legacy.requests.received/value': 65 } }, text), 'application_unit');
  assert.deepEqual(checks.map((c) => [c.status, c.severity]), [['fails', 'info']]);
  assert.match(checks[0]!.message, /申请数 65 以“条”计/);
});

test('sections: announced against present, statutory parts of the regime (000, 003)', () => {
  const text = [
    '天津市人力资源和社会保障局',
    '2017年政府信息公开年度报告',
    '本年度报告由概述、主动公开政府信息情况、依申请公开政府信息情况、行政复议行政诉讼情况、其他需要报告的事项、政府信息公开年度报告表、附注七部分组成。',
    '一、概述',
    '二、主动公开政府信息情况',
    '三、依申请公开政府信息情况',
    '四、重点领域信息公开工作情况',
    '五、行政复议、行政诉讼情况',
    '六、存在的主要问题和改进情况',
    '(一)需要说明的其他事项。依申请公开政府信息数、政府信息公开收费情况从2008年开始统计。',
    '七、其他需要报告的事项',
    '八、政府信息公开情况统计表',
  ].join('\n');
  const checks = run({ format: 'legacy' }, text);
  const announced = withId(checks, 'sections_announced')[0]!;
  assert.equal(announced.status, 'fails');
  assert.equal(announced.message, '开头列出但正文中没有：「附注」；正文中有但开头未列出：「四、重点领域信息公开工作情况」、「六、存在的主要问题和改进情况」');
  const required = withId(checks, 'sections_required');
  assert.equal(required.length, checkData.required_sections.legacy.length);
  const fees = required.filter((c) => c.status === 'fails');
  assert.equal(fees.length, 1);
  assert.equal(fees[0]!.message, '缺少「政府信息公开的收费及减免情况」部分（2008年《条例》第三十二条第（三）项）');
  assert.equal(fees[0]!.severity, 'warning');
});

test('tables: present or not, and a legacy 单位 column left empty (003)', () => {
  const empty = '指标名称\n单位\n2017\n历年累计\n主动公开文件数\n\n12\n118';
  const figure = (id: string, value: number, line: number) => ({ id, value, line, text: '' });
  const fj = report({ format: 'legacy', variant: 'fujian_cumulative', table: {} });
  fj.figures = [figure('fj.proactive/value', 12, 7), figure('fj.proactive/cumulative', 118, 8)].map((f) => ({ ...f, from: 'table' as const }));
  const checks = runChecks(fj, normalizeText(empty));
  assert.equal(withId(checks, 'unit_column')[0]?.status, 'fails');
  assert.equal(withId(checks, 'table_present')[0]?.status, 'holds');
  const national = report({ format: 'legacy', table: {} });
  national.figures = [{ ...figure('legacy.proactive.total/value', 290, 4), from: 'table' }];
  assert.equal(withId(runChecks(national, normalizeText('统计指标\n单位\n统计数\n主动公开政府信息数\n条\n290')), 'unit_column')[0]?.status, 'holds');

  const none = run({ format: 'legacy', year: 2018, prose: [{ id: 'legacy.review/value', value: 1, line: 3, text: '行政复议1件' }] });
  const missing = withId(none, 'table_present')[0]!;
  assert.deepEqual([missing.status, missing.severity], ['fails', 'info']);
  const modern = withId(run({ format: 'fmt2021', year: 2022, table: { 't3.new/total': 1 } }), 'table_present');
  assert.deepEqual(modern.map((c) => c.status), ['fails', 'holds', 'fails']);
  assert.equal(modern[0]!.message, '未找到表二（或未能读出其中的数字）');
});
