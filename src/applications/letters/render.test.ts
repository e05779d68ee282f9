import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  LETTER_KINDS,
  LetterError,
  PLACEHOLDER_FIELDS,
  REPLY_CLASSES,
  chineseDate,
  placeholders,
  renderLetter,
  replyReasons,
  type Letter,
  type LetterData,
  type LetterKind,
  type ReplyClass,
} from './render.ts';
import templates from './templates.json' with { type: 'json' };
import { sampleData } from './testing.ts';

function text(letter: Letter): string {
  return [letter.title, letter.number ?? '', letter.salutation, ...letter.paragraphs, letter.signature.agency, letter.signature.date].join('\n');
}

/** The message of the LetterError `fn` throws. */
function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof LetterError, `expected a LetterError, got ${String(e)}`);
    return e.message;
  }
  assert.fail('expected a LetterError');
}

/** Every reply class with each of its reasons (a class without reasons once, with none). */
function replyCases(): { replyClass: ReplyClass; replyReason?: string }[] {
  return REPLY_CLASSES.flatMap((replyClass) => {
    const reasons = replyReasons(replyClass);
    return reasons.length === 0 ? [{ replyClass }] : reasons.map((r) => ({ replyClass, replyReason: r.id }));
  });
}

const REMEDY_EITHER =
  '如对本答复不服，可以自收到本答复之日起60日内向某市人民政府申请行政复议，或者自收到本答复之日起6个月内向某市某区人民法院提起行政诉讼。';
const REMEDY_REVIEW_FIRST =
  '如对本答复不服，可以自收到本答复之日起60日内向某市人民政府申请行政复议；对行政复议决定不服的，可以自收到行政复议决定书之日起15日内向某市某区人民法院提起行政诉讼。';

describe('renderLetter: every kind with a full data set', () => {
  const expected: Record<Exclude<LetterKind, 'reply'>, { title: string; values: string[] }> = {
    acknowledgement: {
      title: '政府信息公开申请登记回执',
      values: ['张三：', '2026年10月8日', 'GK-2026-0012', '2025年度某化工厂环境影响评价审批文件', '申请方式：互联网。', '2026年12月8日', 'QX7K-93PD', '20个工作日'],
    },
    correction: {
      title: '政府信息公开申请补正通知书',
      values: ['张三：', '第三十条', '一次性告知', '1. 请写明文件名称或者文号\n2. 请写明文件的大致形成时间', '补正说明：可参考本局政府信息公开指南。', '请您于2026年12月8日前', '视为放弃申请'],
    },
    extension: {
      title: '政府信息公开申请延期答复告知书',
      values: ['因该文件含有企业工艺参数，本机关不能在法定期限内作出答复', '第三十三条第二款', '政府信息公开工作机构负责人同意', '延长20个工作日', '2026年12月8日前作出答复'],
    },
    fee: {
      title: '政府信息公开信息处理费收费通知书',
      values: ['国办函〔2020〕109号', '第四十二条', '按件计收，本月第11件至第30件每件100元', '人民币5500元', '次日起20个工作日内（即2026年12月8日前）', '向本局账户转账（账号 1234 5678）', '不计算在政府信息公开申请答复期限内', '视为放弃申请'],
    },
    third_party: {
      title: '政府信息公开征求第三方意见函',
      values: ['某化工有限公司：', '第三十二条', '15个工作日内', '可能涉及您合法权益的内容：该文件含有企业工艺参数。', '逾期未提出意见的，由本机关依照', '公共利益造成重大影响'],
    },
  };

  for (const kind of LETTER_KINDS) {
    if (kind === 'reply') continue;
    it(`${kind}: title, salutation, values and signature`, () => {
      const letter = renderLetter(kind, sampleData());
      const all = text(letter);
      assert.equal(letter.kind, kind);
      assert.equal(letter.title, expected[kind].title);
      assert.equal(letter.number, '某环信〔2026〕第12号');
      for (const value of expected[kind].values) assert.ok(all.includes(value), `${kind} lacks ${value}:\n${all}`);
      assert.deepEqual(letter.signature, { agency: '某市生态环境局', date: '2026年11月25日', seal: '（印章）' });
      assert.ok(letter.paragraphs.includes('如有疑问，请与本机关联系。联系方式：公开办 王五 0571-87654321。'));
      assert.equal(letter.paragraphs.at(-1), '附件：审批决定书（公开部分）');
      assert.ok(!/[{}]/.test(all), `unfilled placeholder in ${kind}`);
    });
  }

  it('the consultation letter does not name the applicant', () => {
    assert.ok(!text(renderLetter('third_party', sampleData())).includes('张三'));
  });

  it('the acknowledgement states the receipt date and the case number in one sentence', () => {
    const letter = renderLetter('acknowledgement', sampleData());
    assert.equal(letter.paragraphs[0], '本机关已于2026年10月8日收到您提出的政府信息公开申请，现予登记，申请编号为GK-2026-0012。');
  });
});

describe('renderLetter: replies of every class and reason', () => {
  for (const c of replyCases()) {
    it(`${c.replyClass}${c.replyReason ? ` / ${c.replyReason}` : ''}`, () => {
      const letter = renderLetter('reply', sampleData(c));
      const all = text(letter);
      assert.equal(letter.kind, 'reply');
      assert.equal(letter.salutation, '张三：');
      assert.equal(
        letter.paragraphs[0],
        '本机关于2026年10月8日收到您提出的政府信息公开申请（申请编号：GK-2026-0012），申请获取“2025年度某化工厂环境影响评价审批文件”。',
      );
      assert.equal(letter.paragraphs[1], '本机关于2026年10月20日收到您补正后的申请。');
      assert.ok(all.includes('《中华人民共和国政府信息公开条例》') || all.includes('国办函〔2020〕109号'), all);
      assert.ok(!/[{}]/.test(all), `unfilled placeholder:\n${all}`);
    });
  }

  it('予以公开: how it is provided', () => {
    const letter = renderLetter('reply', sampleData({ replyClass: 'disclosed', replyReason: 'provided' }));
    assert.equal(letter.title, '政府信息予以公开告知书');
    assert.ok(letter.paragraphs.includes('提供方式：随本告知书附送电子文档。'));
    assert.ok(text(letter).includes('第三十六条第二项'));
  });

  it('已主动公开: where to find it (art. 36 item 1)', () => {
    const all = text(renderLetter('reply', sampleData({ replyClass: 'disclosed', replyReason: 'already_public' })));
    assert.ok(all.includes('第三十六条第一项的规定，现告知您获取该政府信息的方式和途径：本局门户网站“环评审批”栏目。'));
  });

  it('部分公开: what is given, what is withheld, why and on what basis (art. 37)', () => {
    const letter = renderLetter('reply', sampleData({ replyClass: 'partially_disclosed' }));
    assert.equal(letter.title, '政府信息部分公开告知书');
    const all = text(letter);
    assert.ok(all.includes('第三十七条'));
    assert.ok(all.includes('可以公开的政府信息内容：审批决定书正文。'));
    assert.ok(all.includes('对附件三工艺参数表，因该文件含有企业工艺参数，根据《中华人民共和国政府信息公开条例》第十五条的规定，本机关不予公开。'));
  });

  it('不予公开: the reason and the legal basis; the basis defaults to the article of the chosen ground', () => {
    const data = sampleData({ replyClass: 'withheld', replyReason: 'process_info', legalBasis: undefined });
    const letter = renderLetter('reply', data);
    assert.equal(letter.title, '政府信息不予公开告知书');
    assert.ok(
      letter.paragraphs.includes(
        '经审查，您申请获取的政府信息属于行政机关在履行行政管理职能过程中形成的讨论记录、过程稿、磋商信函、请示报告等过程性信息，理由如下：该文件含有企业工艺参数。根据《中华人民共和国政府信息公开条例》第十六条第二款、第三十六条第三项的规定，本机关不予公开。',
      ),
      text(letter),
    );
    const own = renderLetter('reply', { ...data, legalBasis: '《中华人民共和国保守国家秘密法》第二条' });
    assert.ok(text(own).includes('根据《中华人民共和国保守国家秘密法》第二条的规定，本机关不予公开。'));
  });

  it('无法提供, not ours: names the responsible agency and its contact when known (art. 36 item 5)', () => {
    const known = text(renderLetter('reply', sampleData({ replyClass: 'unable', replyReason: 'not_ours' })));
    assert.ok(known.includes('负责公开该政府信息的行政机关为某市行政审批局，您可以向该机关提出申请。'));
    assert.ok(known.includes('某市行政审批局的联系方式：0571-12345678。'));
    assert.ok(!known.includes('无法确定'));

    const unknown = text(
      renderLetter('reply', sampleData({ replyClass: 'unable', replyReason: 'not_ours', otherAgency: undefined, otherAgencyContact: undefined })),
    );
    assert.ok(unknown.includes('本机关无法确定负责公开该政府信息的行政机关。根据《中华人民共和国政府信息公开条例》第三十六条第五项的规定，特此告知。'));
    assert.ok(!unknown.includes('联系方式：0571'));
  });

  it('无法提供: not held (item 4), needs creation (art. 38), still unclear after correction (art. 30)', () => {
    const reply = (replyReason: string) => text(renderLetter('reply', sampleData({ replyClass: 'unable', replyReason })));
    assert.ok(reply('not_exist').includes('第三十六条第四项的规定，告知您该政府信息不存在'));
    assert.ok(reply('needs_creation').includes('加工、分析或者另行制作。根据《中华人民共和国政府信息公开条例》第三十八条'));
    const unclear = reply('unclear_after_correction');
    assert.ok(unclear.includes('本机关已于2026年10月10日向您发出补正通知'));
    assert.ok(unclear.includes('补正后的申请内容仍不明确'));
  });

  it('不予处理: petition, duplicate, publication, mass repetition, confirm or reissue', () => {
    const reply = (replyReason: string) => text(renderLetter('reply', sampleData({ replyClass: 'not_processed', replyReason })));
    assert.ok(reply('petition').includes('第三十九条第一款'));
    assert.ok(reply('petition').includes('您可以通过12345政务服务便民热线提出相关诉求。'));
    assert.ok(reply('duplicate').includes('第三十六条第六项的规定，本机关不予重复处理'));
    assert.ok(reply('duplicate').includes('2026年9月1日某环信〔2026〕第8号'));
    assert.ok(reply('publication').includes('第三十九条第二款'));
    assert.ok(reply('excessive').includes('第三十五条的规定，本机关不予处理'));
    assert.ok(reply('confirm_or_reissue').includes('确认或者重新出具'));
  });

  it('其他处理: no correction and fee unpaid are deemed abandoned', () => {
    const lapsed = renderLetter('reply', sampleData({ replyClass: 'other', replyReason: 'no_correction' }));
    assert.equal(lapsed.title, '政府信息公开申请视为放弃告知书');
    assert.ok(text(lapsed).includes('本机关于2026年10月10日向您发出补正通知，要求您于2026年12月8日前补正申请。'));
    assert.ok(text(lapsed).includes('视为您放弃申请'));
    const unpaid = text(renderLetter('reply', sampleData({ replyClass: 'other', replyReason: 'fee_unpaid' })));
    assert.ok(unpaid.includes('国办函〔2020〕109号'));
    assert.ok(unpaid.includes('视为您放弃申请'));
  });
});

describe('renderLetter: the remedy paragraph', () => {
  for (const c of replyCases()) {
    const adverse = c.replyClass !== 'disclosed';
    it(`${c.replyClass}${c.replyReason ? ` / ${c.replyReason}` : ''}: ${adverse ? 'carries' : 'has no'} remedy`, () => {
      const letter = renderLetter('reply', sampleData(c));
      const remedies = letter.paragraphs.filter((p) => p.startsWith('如对本答复不服'));
      if (!adverse) return assert.deepEqual(remedies, []);
      assert.equal(remedies.length, 1);
      const reviewFirst = (c.replyClass === 'withheld' && c.replyReason !== 'administrative_query') || c.replyClass === 'partially_disclosed';
      assert.equal(remedies[0], reviewFirst ? REMEDY_REVIEW_FIRST : REMEDY_EITHER);
    });
  }

  it('refusals signed before the revised 行政复议法 (2024-01-01) give both routes', () => {
    const letter = renderLetter('reply', sampleData({ replyClass: 'withheld', replyReason: 'state_secret', signedOn: '2023-12-29' }));
    assert.ok(letter.paragraphs.includes(REMEDY_EITHER));
    const from = renderLetter('reply', sampleData({ replyClass: 'withheld', replyReason: 'state_secret', signedOn: '2024-01-01' }));
    assert.ok(from.paragraphs.includes(REMEDY_REVIEW_FIRST));
  });

  it('without a review body or court: 有管辖权的 … fallbacks', () => {
    const letter = renderLetter('reply', sampleData({ replyClass: 'unable', replyReason: 'not_exist', reviewBody: ' ', court: undefined }));
    assert.ok(
      letter.paragraphs.includes(
        '如对本答复不服，可以自收到本答复之日起60日内向有管辖权的行政复议机关申请行政复议，或者自收到本答复之日起6个月内向有管辖权的人民法院提起行政诉讼。',
      ),
    );
  });

  it('no letter other than a reply carries a remedy paragraph', () => {
    for (const kind of LETTER_KINDS) {
      if (kind === 'reply') continue;
      assert.ok(!text(renderLetter(kind, sampleData())).includes('行政复议'), kind);
    }
  });
});

describe('renderLetter: refusals', () => {
  /** Only what a 不予公开 reply needs. */
  const minimalWithheld: LetterData = {
    agency: '某市生态环境局',
    signedOn: '2026-11-25',
    applicant: '张三',
    caseNumber: 'GK-2026-0012',
    receivedOn: '2026-10-08',
    description: '某文件',
    replyClass: 'withheld',
    replyReason: 'state_secret',
    reason: '经定密',
  };

  it('a 不予公开 reply without its reason', () => {
    assert.equal(refusal(() => renderLetter('reply', { ...minimalWithheld, reason: undefined })), '生成「不予公开告知书」缺少：不予公开的理由');
    assert.equal(refusal(() => renderLetter('reply', { ...minimalWithheld, reason: '   ' })), '生成「不予公开告知书」缺少：不予公开的理由');
  });

  it('the minimal data of a reply is enough; optional paragraphs drop out', () => {
    const letter = renderLetter('reply', minimalWithheld);
    assert.equal(letter.number, undefined);
    assert.equal(letter.paragraphs.length, 3);
    assert.ok(!text(letter).includes('补正后的申请'));
  });

  it('every missing field named once, in the order the letter needs them', () => {
    const e = (() => {
      try {
        renderLetter('correction', { agency: '', signedOn: '2026-11-25', applicant: '张三' });
      } catch (error) {
        return error as LetterError;
      }
      return assert.fail('expected a LetterError');
    })();
    assert.equal(
      e.message,
      '生成「补正通知书」缺少：收到申请日期、申请编号、所申请政府信息的内容描述、需要补正的事项、补正期限、行政机关名称',
    );
    assert.deepEqual(e.fields, ['receivedOn', 'caseNumber', 'description', 'corrections', 'dueOn', 'agency']);
  });

  it('labels follow the letter: a reason is 延期答复的理由 in an extension', () => {
    assert.equal(refusal(() => renderLetter('extension', sampleData({ reason: undefined }))), '生成「延期答复告知书」缺少：延期答复的理由');
    assert.equal(refusal(() => renderLetter('fee', sampleData({ dueOn: undefined }))), '生成「收费通知书」缺少：缴费期限');
    assert.equal(refusal(() => renderLetter('third_party', sampleData({ thirdParty: undefined }))), '生成「征求意见函」缺少：第三方名称');
    assert.equal(
      refusal(() => renderLetter('reply', sampleData({ replyClass: 'partially_disclosed', withheldPart: undefined, legalBasis: undefined }))),
      '生成「部分公开告知书」缺少：不予公开的内容、不予公开部分的法律依据',
    );
    assert.equal(
      refusal(() => renderLetter('reply', sampleData({ replyClass: 'other', replyReason: 'fee_unpaid', noticeOn: undefined }))),
      '生成「视为放弃申请告知书」缺少：收费通知日期',
    );
  });

  it('a reply without a class, without a reason, or with one the class does not have', () => {
    assert.equal(refusal(() => renderLetter('reply', sampleData())), '生成「答复告知书」缺少：答复类别');
    assert.equal(refusal(() => renderLetter('reply', sampleData({ replyClass: 'withheld' }))), '生成「不予公开告知书」缺少：不予公开的情形');
    assert.equal(
      refusal(() => renderLetter('reply', sampleData({ replyClass: 'withheld', replyReason: 'duplicate' }))),
      '「不予公开告知书」没有“duplicate”这一答复情形',
    );
    assert.equal(refusal(() => renderLetter('reply', sampleData({ replyClass: 'granted' as ReplyClass }))), '未知的答复类别：granted');
    assert.equal(refusal(() => renderLetter('letter' as LetterKind, sampleData())), '未知的文书种类：letter');
  });

  it('an invalid date, an extension over 20 working days, a fee of nothing', () => {
    assert.equal(
      refusal(() => renderLetter('acknowledgement', sampleData({ receivedOn: '2026-02-30' }))),
      '生成「登记回执」时收到申请日期不是有效日期（应为 YYYY-MM-DD）：2026-02-30',
    );
    assert.equal(
      refusal(() => renderLetter('extension', sampleData({ extensionDays: 25 }))),
      '生成「延期答复告知书」时延长的工作日数应为 1 至 20 的整数（延长的期限最长不得超过20个工作日）：25',
    );
    assert.equal(refusal(() => renderLetter('fee', sampleData({ amount: 0 }))), '生成「收费通知书」时应缴金额应为大于 0 的金额：0');
  });
});

describe('renderLetter: plain text', () => {
  it('writes dates the Chinese way', () => {
    assert.equal(chineseDate('2026-11-25'), '2026年11月25日');
    assert.equal(chineseDate('2024-01-08'), '2024年1月8日');
  });

  it('a value is not read as a template: braces in it stay as they are', () => {
    const letter = renderLetter('acknowledgement', sampleData({ description: '关于{applicant}的<b>文件</b>' }));
    assert.equal(letter.paragraphs[1], '您申请获取的政府信息：关于{applicant}的<b>文件</b>。');
  });

  it('a value ending in 。 inside a sentence does not double it; one ending a paragraph keeps it', () => {
    const letter = renderLetter('extension', sampleData({ reason: '档案数量较大。' }));
    assert.ok(letter.paragraphs[1]!.startsWith('因档案数量较大，本机关不能'));
    const corr = renderLetter('correction', sampleData({ corrections: '请写明文号。' }));
    assert.equal(corr.paragraphs[1], '请写明文号。');
  });

  it('a fee with cents keeps them', () => {
    assert.ok(text(renderLetter('fee', sampleData({ amount: 12.5 }))).includes('人民币12.50元'));
  });
});

describe('templates.json', () => {
  const all: { where: string; text: string }[] = [];
  const collect = (where: string, value: unknown): void => {
    if (typeof value === 'string') all.push({ where, text: value });
    else if (Array.isArray(value)) value.forEach((v, i) => collect(`${where}[${i}]`, v));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) collect(`${where}.${k}`, v);
  };
  collect('templates', { letters: templates.letters, reply: templates.reply, remedy: templates.remedy, trailer: templates.trailer });

  it('names only known fields, each with a label', () => {
    for (const { where, text: t } of all) {
      for (const field of placeholders(t)) {
        assert.ok(PLACEHOLDER_FIELDS.includes(field), `${where}: unknown placeholder {${field}}`);
        if (field !== 'statement') assert.ok(field in templates.fields, `${where}: {${field}} has no label`);
      }
    }
  });

  it('a reason that brings {statement} is used by a class text that needs it, and vice versa', () => {
    for (const [id, cls] of Object.entries(templates.reply.classes) as [string, { paragraphs?: unknown; reasons?: Record<string, { statement?: string; paragraphs?: unknown }> }][]) {
      const classNeeds = JSON.stringify(cls.paragraphs ?? []).includes('{statement}');
      for (const [rid, r] of Object.entries(cls.reasons ?? {})) {
        if (r.paragraphs === undefined && classNeeds) assert.ok(r.statement, `${id}/${rid} has no statement`);
      }
    }
  });
});
