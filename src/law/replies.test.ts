import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatById, type FormatId, type Row } from '../reports/formats.ts';
import {
  checkReply,
  isReplyTypeId,
  isValidReply,
  replyType,
  replyTypes,
  reportRow,
  statuteOf,
  type ReplyTypeId,
  type ReplyTypeId2019,
} from './replies.ts';

function rowsOf(formatId: FormatId): Row[] {
  return formatById(formatId).tables.flatMap((t) => [...(t.rows ?? []), ...(t.subtables ?? []).flatMap((s) => s.rows)]);
}

/** Rows below `root` that carry numbers and have no rows below them. */
function leavesUnder(formatId: FormatId, root: string): Row[] {
  const rows = rowsOf(formatId);
  const below = (r: Row): boolean => r.parent === root || (r.parent !== undefined && below(rows.find((p) => p.id === r.parent)!));
  return rows.filter((r) => below(r) && r.kind === 'value' && !rows.some((c) => c.parent === r.id));
}

/** The label without its numbering: （三）不予公开 → 不予公开, 1.属于国家秘密 → 属于国家秘密, 其中：涉及国家秘密 → 涉及国家秘密. */
const bare = (label: string) => label.replace(/^(?:（[一二三四五六七八九十]+）|\d+\.|其中：)/, '');

const replies2019 = replyTypes('2019');
const replies2008 = replyTypes('2008');

test('条例2019: one reply type per leaf row of 三、本年度办理结果, and art. 36(1) and 36(5) on their own', () => {
  const leafIds = leavesUnder('fmt2021', 't3.results').map((r) => r.id.slice('t3.results.'.length));
  assert.equal(leafIds.length, 21);
  assert.deepEqual(
    replies2019.map((t) => t.id),
    [...leafIds.slice(0, 1), 'disclosed.already_public', ...leafIds.slice(1, 11), 'unable.not_this_agency', ...leafIds.slice(11)],
  );
});

for (const formatId of ['fmt2019', 'fmt2021'] as const) {
  test(`${formatId}: every 条例2019 reply counts in a leaf row of t3.results, and every leaf row is reachable`, () => {
    const leaves = leavesUnder(formatId, 't3.results').map((r) => r.id);
    for (const t of replies2019) assert.ok(leaves.includes(reportRow(t.id, formatId) ?? ''), `${t.id} → ${reportRow(t.id, formatId)}`);
    assert.deepEqual(new Set(replies2019.map((t) => reportRow(t.id, formatId))), new Set(leaves));
  });

  test(`${formatId}: applications under 条例2008 closed in its years count in a leaf row too`, () => {
    const leaves = leavesUnder(formatId, 't3.results').map((r) => r.id);
    for (const t of replies2008) assert.ok(leaves.includes(reportRow(t.id, formatId) ?? ''), `${t.id} → ${reportRow(t.id, formatId)}`);
  });
}

test('legacy: every 条例2008 reply counts in a leaf row of （三）申请答复数, and every leaf row is reachable', () => {
  const leaves = leavesUnder('legacy', 'legacy.requests.answered').map((r) => r.id);
  assert.equal(leaves.length, 13); // 8 answers, 不同意公开 split into its six 其中 rows
  assert.deepEqual(
    replies2008.map((t) => reportRow(t.id, 'legacy')),
    leaves,
  );
});

test('条例2019 replies have no row in the legacy table', () => {
  for (const t of replies2019) assert.equal(reportRow(t.id, 'legacy'), null, t.id);
});

test('the format-specific rows of （六）其他处理 and the interpreted rows', () => {
  const rows = (id: ReplyTypeId) => [reportRow(id, 'legacy'), reportRow(id, 'fmt2019'), reportRow(id, 'fmt2021')];
  assert.deepEqual(rows('other.no_correction'), [null, 't3.results.other', 't3.results.other.no_correction']);
  assert.deepEqual(rows('other.fee_unpaid'), [null, 't3.results.other', 't3.results.other.fee_unpaid']);
  assert.deepEqual(rows('other.other'), [null, 't3.results.other', 't3.results.other.other']);
  assert.deepEqual(rows('disclosed.already_public'), [null, 't3.results.disclosed', 't3.results.disclosed']);
  assert.deepEqual(rows('unable.not_this_agency'), [null, 't3.results.unable.not_held', 't3.results.unable.not_held']);
  assert.deepEqual(rows('2008.refused.privacy'), [
    'legacy.requests.answered.refused.privacy',
    't3.results.withheld.third_party_rights',
    't3.results.withheld.third_party_rights',
  ]);
  assert.deepEqual(rows('2008.correction_requested'), ['legacy.requests.answered.correction_requested', 't3.results.other', 't3.results.other.other']);
});

test('each reply sits in its class: the class is the group row its report row belongs to, with that row’s label', () => {
  // 条例2008 replies against the legacy table only: their 2019-format rows are interpretations across classes.
  const cases = [
    { replies: replies2019, formatId: 'fmt2021', root: 't3.results' },
    { replies: replies2019, formatId: 'fmt2019', root: 't3.results' },
    { replies: replies2008, formatId: 'legacy', root: 'legacy.requests.answered' },
  ] as const;
  for (const { replies, formatId, root } of cases) {
    const rows = rowsOf(formatId);
    for (const t of replies) {
      assert.ok(t.id.replace(/^2008\./, '').split('.')[0] === t.class, t.id);
      const classRow = rows.find((r) => r.id === `${root}.${t.class}`);
      assert.ok(classRow, `${formatId}: ${root}.${t.class}`);
      const row = reportRow(t.id, formatId)!;
      assert.ok(row === classRow.id || row.startsWith(`${classRow.id}.`), `${t.id} → ${row}`);
      assert.equal(bare(classRow.label).replace(/（.*|(?:答复)?数$/, ''), t.classLabel);
    }
  }
});

test('labels are the report rows’ own words wherever a reply type is a row', () => {
  const rows2021 = rowsOf('fmt2021');
  for (const t of replies2019) {
    if (reportRow(t.id, 'fmt2021') !== `t3.results.${t.id}`) continue;
    const row = rows2021.find((r) => r.id === `t3.results.${t.id}`)!;
    assert.ok(bare(row.label).startsWith(t.label), `${row.label} / ${t.label}`);
  }
  const legacy = rowsOf('legacy');
  for (const t of replies2008) {
    const row = legacy.find((r) => r.id === reportRow(t.id, 'legacy'))!;
    assert.equal(bare(row.label).replace(/(?:答复)?数$/, ''), t.label);
  }
  assert.equal(replyType('withheld.three_securities_one_stability').title, '不予公开（危及“三安全一稳定”）');
  assert.equal(replyType('disclosed').title, '予以公开');
  assert.equal(replyType('2008.refused.security_stability').title, '不同意公开（危及国家安全、公共安全、经济安全和社会稳定）');
});

test('legal basis: the article of 条例2019 for each reply (rules.md §4, §5.7)', () => {
  const basis = Object.fromEntries(replies2019.map((t) => [t.id, t.basis]));
  assert.deepEqual(basis, {
    disclosed: '条例2019第三十六条第（二）项',
    'disclosed.already_public': '条例2019第三十六条第（一）项',
    partially_disclosed: '条例2019第三十七条',
    'withheld.state_secret': '条例2019第三十六条第（三）项、第十四条',
    'withheld.prohibited_by_law': '条例2019第三十六条第（三）项、第十四条',
    'withheld.three_securities_one_stability': '条例2019第三十六条第（三）项、第十四条',
    'withheld.third_party_rights': '条例2019第三十六条第（三）项、第十五条',
    'withheld.internal_affairs': '条例2019第三十六条第（三）项、第十六条第一款',
    'withheld.process_info': '条例2019第三十六条第（三）项、第十六条第二款',
    'withheld.enforcement_files': '条例2019第三十六条第（三）项、第十六条第二款',
    'withheld.administrative_inquiry': '条例2019第三十六条第（七）项',
    'unable.not_held': '条例2019第三十六条第（四）项',
    'unable.not_this_agency': '条例2019第三十六条第（五）项',
    'unable.needs_creation': '条例2019第三十八条',
    'unable.still_unclear_after_correction': '条例2019第三十条',
    'not_processed.petition_complaint': '条例2019第三十九条第一款',
    'not_processed.duplicate': '条例2019第三十六条第（六）项',
    'not_processed.publications': '条例2019第三十九条第二款',
    'not_processed.mass_repetitive': '条例2019第三十五条',
    'not_processed.confirm_or_reissue': null,
    'other.no_correction': '条例2019第三十条',
    'other.fee_unpaid': '条例2019第四十二条；《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）',
    'other.other': null,
  });
  for (const t of replies2008) assert.ok(t.basis === null || t.basis.startsWith('条例2008第'), t.id);
  for (const t of [...replies2019, ...replies2008]) if (t.basis === null) assert.equal(t.confidence, 'D', t.id);
});

test('reasons: where the article says 说明理由 (arts. 36(3), 36(5), 37; 条例2008 art. 21(2))', () => {
  const withReasons = [...replies2019, ...replies2008].filter((t) => t.reasonRequired).map((t) => t.id);
  assert.deepEqual(withReasons, [
    'partially_disclosed',
    'withheld.state_secret',
    'withheld.prohibited_by_law',
    'withheld.three_securities_one_stability',
    'withheld.third_party_rights',
    'withheld.internal_affairs',
    'withheld.process_info',
    'withheld.enforcement_files',
    'unable.not_this_agency',
    '2008.refused.state_secret',
    '2008.refused.commercial_secret',
    '2008.refused.privacy',
    '2008.refused.security_stability',
    '2008.refused.not_gov_info',
    '2008.refused.other_law',
  ]);
});

test('remedy notice in every letter but the ones that give the information in full', () => {
  const without = [...replies2019, ...replies2008].filter((t) => !t.remedyNotice).map((t) => t.id);
  assert.deepEqual(without, ['disclosed', 'disclosed.already_public', '2008.already_public', '2008.disclosed']);
  assert.deepEqual(statuteOf('2019'), { statute: '条例2019', remedyBasis: '条例2019第五十一条' });
});

test('validity per regime, with the message for a reply of the other regime', () => {
  assert.ok(isValidReply('2019', 'withheld.state_secret'));
  assert.ok(isValidReply('2008', '2008.refused.state_secret'));
  assert.equal(isValidReply('2008', 'withheld.state_secret'), false);
  assert.equal(isValidReply('2019', '2008.disclosed'), false);
  assert.equal(isValidReply('2019', 't3.results.disclosed'), false);
  assert.deepEqual(checkReply('2019', '2008.disclosed', '2024-09-27'), {
    ok: false,
    message: '答复类型「同意公开」属于条例2008，不适用于条例2019（本申请于 2024-09-27 收到）',
  });
  assert.deepEqual(checkReply('2008', 'other.fee_unpaid', '2019-05-14'), {
    ok: false,
    message: '答复类型「其他处理（申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请）」属于条例2019，不适用于条例2008（本申请于 2019-05-14 收到）',
  });
  assert.deepEqual(checkReply('2008', 'unable.not_held'), {
    ok: false,
    message: '答复类型「无法提供（本机关不掌握相关政府信息）」属于条例2019，不适用于条例2008',
  });
  assert.deepEqual(checkReply('2019', 'refused'), { ok: false, message: '未知的答复类型「refused」' });
  const ok = checkReply('2019', 'unable.needs_creation');
  assert.ok(ok.ok && ok.value.classLabel === '无法提供');
});

test('ids are unique across regimes and the guard accepts them only', () => {
  const all = [...replies2019, ...replies2008].map((t) => t.id);
  assert.equal(new Set(all).size, all.length);
  for (const id of all) assert.ok(isReplyTypeId(id) && replyType(id).id === id);
  for (const v of ['withheld', '2008', 'legacy.requests.answered.disclosed', 'toString', '', 1]) assert.equal(isReplyTypeId(v), false, String(v));
  const id: ReplyTypeId2019 = 'other.no_correction';
  // @ts-expect-error a 条例2008 reply is not a 条例2019 one
  const wrong: ReplyTypeId2019 = '2008.disclosed';
  assert.notEqual(id, wrong);
});
