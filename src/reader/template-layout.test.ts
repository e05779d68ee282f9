// A 2019-format report laid out as the official template's Word export puts it on a web page (as published reports
// are): table 二 merges grid columns for one figure, cells left empty are &nbsp;, table 三's 总计 column is left empty
// on the rows of results, rows with no figure at all, table 四 with empty cells. Every cell is typed here by hand.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseFile } from './parse.ts';

const td = (text: string, span = '') => `<td${span}><p>${text === '' ? '&nbsp;' : text}</p></td>`;
const row = (...cells: string[]) => `<tr>${cells.join('')}</tr>`;
/** A row of table 三: its label cells, then the seven figures ('' = empty). */
const t3 = (labels: string, figures: string[]) => row(labels, ...figures.map((f) => td(f)));

const TABLE_2 = `<table><tbody>
${row(td('第二十条第（一）项', ' colspan="5"'))}
${row(td('信息内容'), td('本年新<br>制作数量'), td('本年新<br>公开数量', ' colspan="2"'), td('对外公开总数量'))}
${row(td('规章'), td('4'), td('4', ' colspan="2"'), td('120'))}
${row(td('规范性文件'), td('31'), td('30', ' colspan="2"'), td('406'))}
${row(td('第二十条第（五）项', ' colspan="5"'))}
${row(td('信息内容'), td('上一年项目数量'), td('本年增/减', ' colspan="2"'), td('处理决定数量'))}
${row(td('行政许可'), td('12', ' colspan="2"'), td('减2'), td('3051'))}
${row(td('其他对外管理服务事项'), td('0', ' colspan="2"'), td('0'), td('0'))}
${row(td('第二十条第（六）项', ' colspan="5"'))}
${row(td('信息内容'), td('上一年项目数量'), td('本年增/减', ' colspan="2"'), td('处理决定数量'))}
${row(td('行政处罚'), td('7', ' colspan="2"'), td('+1'), td('88'))}
${row(td('行政强制'), td('', ' colspan="2"'), td(''), td(''))}
${row(td('第二十条第（八）项', ' colspan="5"'))}
${row(td('信息内容'), td('上一年项目数量', ' colspan="2"'), td('本年增/减', ' colspan="2"'))}
${row(td('行政事业性收费'), td('2', ' colspan="2"'), td('0', ' colspan="2"'))}
${row(td('第二十条第（九）项', ' colspan="5"'))}
${row(td('信息内容'), td('采购项目数量', ' colspan="2"'), td('采购总金额', ' colspan="2"'))}
${row(td('政府集中采购'), td('6', ' colspan="2"'), td('35.5万元', ' colspan="2"'))}
</tbody></table>`;

/** The groups of results with their leaf rows: label, cell id, figures ('' = an empty cell). */
const EMPTY = ['', '', '', '', '', '', ''];
const GROUPS: [string, string, [string, string, string[]][]][] = [
  ['（三）不予公开', 'withheld', [
    ['1.属于国家秘密', 'state_secret', ['2', '', '', '', '', '', '']],
    ['2.其他法律行政法规禁止公开', 'prohibited_by_law', EMPTY],
    ['3.危及“三安全一稳定”', 'three_securities_one_stability', EMPTY],
    ['4.保护第三方合法权益', 'third_party_rights', EMPTY],
    ['5.属于三类内部事务信息', 'internal_affairs', ['1', '', '', '', '', '', '']],
    ['6.属于四类过程性信息', 'process_info', ['3', '1', '', '', '', '', '']],
    ['7.属于行政执法案卷', 'enforcement_files', EMPTY],
    ['8.属于行政查询事项', 'administrative_inquiry', EMPTY],
  ]],
  ['（四）无法提供', 'unable', [
    ['1.本机关不掌握相关政府信息', 'not_held', ['25', '1', '', '', '', '', '']],
    ['2.没有现成信息需要另行制作', 'needs_creation', ['5', '', '', '', '', '', '']],
    ['3.补正后申请内容仍不明确', 'still_unclear_after_correction', EMPTY],
  ]],
  ['（五）不予处理', 'not_processed', [
    ['1.信访举报投诉类申请', 'petition_complaint', EMPTY],
    ['2.重复申请', 'duplicate', EMPTY],
    ['3.要求提供公开出版物', 'publications', EMPTY],
    ['4.无正当理由大量反复申请', 'mass_repetitive', EMPTY],
    ['5.要求行政机关确认或重新出具已获取信息', 'confirm_or_reissue', EMPTY],
  ]],
];

const TABLE_3 = `<table><tbody>
${row(td('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', ' colspan="3" rowspan="3"'), td('申请人情况', ' colspan="7"'))}
${row(td('自然人', ' rowspan="2"'), td('法人或其他组织', ' colspan="5"'), td('总计', ' rowspan="2"'))}
${row(td('商业企业'), td('科研机构'), td('社会公益组织'), td('法律服务机构'), td('其他'))}
${t3(td('一、本年新收政府信息公开申请数量', ' colspan="3"'), ['90', '6', '', '', '1', '', '97'])}
${t3(td('二、上年结转政府信息公开申请数量', ' colspan="3"'), ['3', '', '', '', '', '', '3'])}
${t3(td('三、本年度办理结果', ' rowspan="20"') + td('（一）予以公开', ' colspan="2"'), ['40', '4', '', '', '1', '', ''])}
${t3(td('（二）部分公开（区分处理的，只计这一情形，不计其他情形）', ' colspan="2"'), ['5', '', '', '', '', '', ''])}
${GROUPS.flatMap(([group, , leaves]) => leaves.map(([label, , figures], i) => t3((i === 0 ? td(group, ` rowspan="${leaves.length}"`) : '') + td(label), figures))).join('\n')}
${t3(td('（六）其他处理', ' colspan="2"'), EMPTY)}
${t3(td('（七）总计', ' colspan="2"'), ['79', '6', '', '', '1', '', '86'])}
${t3(td('四、结转下年度继续办理', ' colspan="3"'), ['14', '', '', '', '', '', '14'])}
</tbody></table>`;

const TABLE_4 = `<table><tbody>
${row(td('行政复议', ' colspan="5"'), td('行政诉讼', ' colspan="10"'))}
${row(...['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'].map((l) => td(l, ' rowspan="2"')), td('未经复议直接起诉', ' colspan="5"'), td('复议后起诉', ' colspan="5"'))}
${row(...['结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '结果维持', '结果纠正', '其他结果', '尚未审结', '总计'].map((l) => td(l)))}
${row(...['3', '', '', '1', '4', '2', '', '', '', '2', '', '', '', '', ''].map((f) => td(f)))}
</tbody></table>`;

const PAGE = `<!doctype html><html><head><meta charset="utf-8"></head><body>
<p>示范市人民政府办公室2019年政府信息公开工作年度报告</p>
<p>一、总体情况</p><p>2019年，本机关共收到政府信息公开申请97件。予以公开及部分公开50件，不予公开7件，无法提供31件。</p>
<p>二、主动公开政府信息情况</p>${TABLE_2}
<p>三、收到和处理政府信息公开申请情况</p>${TABLE_3}
<p>四、政府信息公开行政复议、行政诉讼情况</p>${TABLE_4}
<p>五、政府信息公开工作存在的主要问题及改进情况</p><p>无。</p><p>六、其他需要报告的事项</p><p>无。</p>
</body></html>`;

const COLUMNS = ['natural_person', 'legal.business', 'legal.research', 'legal.nonprofit', 'legal.legal_service', 'legal.other', 'total'];
const t3Row = (id: string, figures: string[]) => Object.fromEntries(COLUMNS.map((c, i) => [`${id}/${c}`, figures[i] === '' ? null : Number(figures[i])]));

describe("a 2019-format report as the template's Word export puts it on a web page", () => {
  it('reads every figure of tables 二, 三 and 四: merged grid columns are one figure, an empty cell is not reported', async () => {
    const report = await parseFile(new TextEncoder().encode(PAGE), 'template.html');
    assert.equal(report.format, 'fmt2019');
    const expected: Record<string, number | null> = {
      't2.art20_1.rules/new_made': 4, 't2.art20_1.rules/new_published': 4, 't2.art20_1.rules/published_total': 120,
      't2.art20_1.normative_docs/new_made': 31, 't2.art20_1.normative_docs/new_published': 30, 't2.art20_1.normative_docs/published_total': 406,
      't2.art20_5.licensing/items_prev_year': 12, 't2.art20_5.licensing/items_change': -2, 't2.art20_5.licensing/decisions': 3051,
      't2.art20_5.other_services/items_prev_year': 0, 't2.art20_5.other_services/items_change': 0, 't2.art20_5.other_services/decisions': 0,
      't2.art20_6.penalty/items_prev_year': 7, 't2.art20_6.penalty/items_change': 1, 't2.art20_6.penalty/decisions': 88,
      't2.art20_6.coercion/items_prev_year': null, 't2.art20_6.coercion/items_change': null, 't2.art20_6.coercion/decisions': null,
      't2.art20_8.fees/items_prev_year': 2, 't2.art20_8.fees/items_change': 0,
      't2.art20_9.central_procurement/projects': 6, 't2.art20_9.central_procurement/amount': 35.5,
      ...t3Row('t3.new', ['90', '6', '', '', '1', '', '97']),
      ...t3Row('t3.carried_over', ['3', '', '', '', '', '', '3']),
      ...t3Row('t3.results.disclosed', ['40', '4', '', '', '1', '', '']),
      ...t3Row('t3.results.partially_disclosed', ['5', '', '', '', '', '', '']),
      ...Object.assign({}, ...GROUPS.flatMap(([, group, leaves]) => leaves.map(([, id, figures]) => t3Row(`t3.results.${group}.${id}`, figures)))),
      ...t3Row('t3.results.other', EMPTY),
      ...t3Row('t3.results.total', ['79', '6', '', '', '1', '', '86']),
      ...t3Row('t3.carry_forward', ['14', '', '', '', '', '', '14']),
      't4.cases/review.upheld': 3, 't4.cases/review.corrected': null, 't4.cases/review.other': null, 't4.cases/review.pending': 1, 't4.cases/review.total': 4,
      't4.cases/litigation_direct.upheld': 2, 't4.cases/litigation_direct.corrected': null, 't4.cases/litigation_direct.other': null,
      't4.cases/litigation_direct.pending': null, 't4.cases/litigation_direct.total': 2,
      't4.cases/litigation_after_review.upheld': null, 't4.cases/litigation_after_review.corrected': null, 't4.cases/litigation_after_review.other': null,
      't4.cases/litigation_after_review.pending': null, 't4.cases/litigation_after_review.total': null,
      // From the prose: the totals of two groups (a group row has no cells in the table); 予以公开及部分公开50件 is two
      // figures in one and fills none.
      't3.results.withheld/total': 7,
      't3.results.unable/total': 31,
    };
    assert.deepEqual(report.cells, expected);
    assert.deepEqual(report.warnings, []);
  });
});
