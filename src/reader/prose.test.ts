import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { FormatId } from '../reports/formats.ts';
import type { Found, ReportMeta, VariantId } from './model.ts';
import { normalizeText } from './normalize.ts';
import { readProse } from './prose.ts';
import { readLegacyTable } from './tables/legacy.ts';

function meta(format: FormatId | null, year: number | null, variant: VariantId | null = null): ReportMeta {
  return { agency: null, years: { title: year, period: null, template: null }, year, format, variant, sections: { announced: [], present: [] } };
}

const LEGACY = meta('legacy', 2017);
const FMT2021 = meta('fmt2021', 2022);
const FUJIAN = meta('legacy', 2017, 'fujian_cumulative');

const prose = (text: string, m: ReportMeta = LEGACY) => readProse(normalizeText(text), m);
const cells = (found: Found) => Object.fromEntries(found.figures.map((f) => [f.id, f.value]));

const APPLICATIONS = '三、依申请公开政府信息情况';

describe('readProse: figures stated in sentences', () => {
  it('applications received and their channels (legacy)', () => {
    const found = prose(`${APPLICATIONS}\n2017年，我局共收到政府信息公开申请112件，其中当面申请5件，网络申请5件，信函申请5件，以传真形式申请0件。`);
    assert.deepEqual(cells(found), {
      'legacy.requests.received/value': 112,
      'legacy.requests.received.in_person/value': 5,
      'legacy.requests.received.online/value': 5,
      'legacy.requests.received.letter/value': 5,
      'legacy.requests.received.fax/value': 0,
    });
    assert.deepEqual(found.warnings, []);
  });

  it('the same sentence in a 2021-format report: new applications only (the table has no channel cells)', () => {
    const found = prose(`${APPLICATIONS}\n2022年，我局共收到政府信息公开申请112件，其中当面申请5件，网络申请5件。`, FMT2021);
    assert.deepEqual(cells(found), { 't3.new/total': 112 });
  });

  it('a figure of two outcomes joined (予以公开及部分公开258件) is neither, a list of figures is each (2019 Shanghai report)', () => {
    const text = `${APPLICATIONS}\n共受理政府信息公开申请859件。予以公开及部分公开258件，占33.9%；不予公开35件，占4.34%；不予处理158件。当面申请5件、网络申请100件。`;
    assert.deepEqual(cells(prose(text, meta('fmt2019', 2019))), {
      't3.new/total': 859,
      't3.results.withheld/total': 35,
      't3.results.not_processed/total': 158,
    });
    assert.deepEqual(cells(prose(text)), {
      'legacy.requests.received/value': 859,
      'legacy.requests.received.in_person/value': 5,
      'legacy.requests.received.online/value': 100,
      'legacy.requests.answered.refused/value': 35,
    });
  });

  it('keeps the sentence as text and the line of the number', () => {
    const found = prose(`${APPLICATIONS}\n全年共受理依申请公开申请总数200件，已全部答复完毕。另有说明。`);
    assert.deepEqual(found.figures, [
      { id: 'legacy.requests.received/value', value: 200, from: 'prose', line: 2, text: '全年共受理依申请公开申请总数200件,已全部答复完毕。' },
    ]);
  });

  it('a sentence broken over two lines is read as one', () => {
    const found = prose(`${APPLICATIONS}\n2017年，本机关共收到公开政府信息的申请\n112件，已全部按时办结。`);
    assert.equal(found.figures[0]?.id, 'legacy.requests.received/value');
    assert.equal(found.figures[0]?.value, 112);
    assert.equal(found.figures[0]?.line, 3);
  });

  it('the answers of the legacy table', () => {
    const text = `${APPLICATIONS}\n其中，属于已主动公开的信息6件，同意公开答复50件，同意部分公开答复1件，不同意公开答复3件，所申请的内容不是《条例》所指政府信息5件，不属于本行政机关公开数3件，所申请的信息不存在1件，告知作出更改补充2件，告知通过其他途径办理4件。本年度已答复65件，按时办结60件，延期办结5件。`;
    assert.deepEqual(cells(prose(text)), {
      'legacy.requests.answered.already_public/value': 6,
      'legacy.requests.answered.disclosed/value': 50,
      'legacy.requests.answered.partial/value': 1,
      'legacy.requests.answered.refused/value': 3,
      'legacy.requests.answered.refused.not_gov_info/value': 5,
      'legacy.requests.answered.not_this_agency/value': 3,
      'legacy.requests.answered.not_exist/value': 1,
      'legacy.requests.answered.correction_requested/value': 2,
      'legacy.requests.answered.other_channel/value': 4,
      'legacy.requests.answered/value': 65,
      'legacy.requests.closed.on_time/value': 60,
      'legacy.requests.closed.extended/value': 5,
    });
  });

  it('results of a 2021-format report; a group total stated in prose goes on the group row', () => {
    const text = '三、收到和处理政府信息公开申请情况\n本年度予以公开60件，部分公开10件，不予公开8件，无法提供20件，不予处理5件，其他处理2件；上年结转4件，结转下年度继续办理3件。';
    assert.deepEqual(cells(prose(text, FMT2021)), {
      't3.results.disclosed/total': 60,
      't3.results.partially_disclosed/total': 10,
      't3.results.withheld/total': 8,
      't3.results.unable/total': 20,
      't3.results.not_processed/total': 5,
      't3.results.other/total': 2,
      't3.carried_over/total': 4,
      't3.carry_forward/total': 3,
    });
  });

  it('review and litigation: legacy cells; in the 2019/2021 formats the review total only', () => {
    const text = '六、行政复议、行政诉讼情况\n本年度因政府信息公开引发的行政复议7件，全部予以维持；行政诉讼2件。';
    assert.deepEqual(cells(prose(text)), { 'legacy.review/value': 7, 'legacy.litigation/value': 2 });
    assert.deepEqual(cells(prose(text, FMT2021)), { 't4.cases/review.total': 7 });
    assert.deepEqual(cells(prose('2017年，因政府信息公开工作被申请行政复议1件，行政诉讼1件。')), { 'legacy.review/value': 1, 'legacy.litigation/value': 1 });
  });

  it('no review and no litigation, said in words', () => {
    const text = '2017年，未发生因政府信息公开申请提起行政复议、行政诉讼的情况。';
    assert.deepEqual(cells(prose(text)), { 'legacy.review/value': 0, 'legacy.litigation/value': 0 });
    assert.deepEqual(cells(prose('2017年，未出现因政府信息公开引发的行政复议被纠错的情况。')), {});
  });

  it('fees: an amount in 元 becomes 万元; 0 only when the sentence says so', () => {
    const heading = '五、政府信息公开的收费及减免情况';
    assert.deepEqual(cells(prose(`${heading}\n本年度收取检索、复制费用共计120元。`)), { 'legacy.fees/value': 0.012 });
    assert.deepEqual(cells(prose(`${heading}\n收取费用0元。`)), { 'legacy.fees/value': 0 });
    assert.deepEqual(cells(prose(`${heading}\n本年度未向申请人收取任何依申请公开政府信息费用。`)), { 'legacy.fees/value': 0 });
    assert.deepEqual(cells(prose(`${heading}\n2018年未发生收费。`, meta('legacy', 2018))), { 'legacy.fees/value': 0 });
    assert.deepEqual(cells(prose(`${heading}\n严格执行收费标准，依法减免。`)), {});
    assert.deepEqual(cells(prose('六、其他需要报告的事项\n2022年度未发出信息处理费收费通知，未收取信息处理费。', FMT2021)), {});
  });

  it('proactive disclosure: the legacy total, in either word order; none in the 2021 format', () => {
    assert.deepEqual(cells(prose('全年，共主动公开290条政府信息，均在信息形成的20个工作日内公布。')), { 'legacy.proactive.total/value': 290 });
    assert.deepEqual(cells(prose('2017年，我局主动公开政府信息共计1,486条。')), { 'legacy.proactive.total/value': 1486 });
    assert.deepEqual(cells(prose('全年共主动公开237条政府信息，确保应公开、尽公开。', FMT2021)), {});
  });

  it('proactive channels and responses of the legacy table', () => {
    const text = '2018年我厅主动公开政府信息3959条，通过门户网站发布消息3597条。通过政务微博发布信息19条，通过政务微信发布信息343条，通过其他方式公开政府信息4条。举办新闻发布会2次，其中，主要负责同志参加新闻发布会1次。发布政策解读稿件8篇，微博微信回应事件数301次。';
    assert.deepEqual(cells(prose(text, meta('legacy', 2018))), {
      'legacy.proactive.total/value': 3959,
      'legacy.proactive.channels.website/value': 3597,
      'legacy.proactive.channels.weibo/value': 19,
      'legacy.proactive.channels.weixin/value': 343,
      'legacy.proactive.channels.other/value': 4,
      'legacy.response.press_conferences/value': 2,
      'legacy.response.press_conferences.principal/value': 1,
      'legacy.response.interpretations/value': 8,
      'legacy.response.weibo_weixin/value': 301,
    });
  });

  it('other wordings of the same statistics', () => {
    const y2015 = meta('legacy', 2015);
    const cases: [string, Record<string, number>][] = [
      [`${APPLICATIONS}\n今年共收到申请12件，已办结11件，1件正在办理中。`, { 'legacy.requests.received/value': 12, 'legacy.requests.closed/value': 11 }],
      ['全年没有收到政府信息公开申请。', { 'legacy.requests.received/value': 0 }],
      ['全年未发生针对本机关政府信息公开事务的行政复议和行政诉讼案件。', { 'legacy.review/value': 0, 'legacy.litigation/value': 0 }],
      ['2015年，因政府信息公开申请提起行政复议0件、行政诉讼0件。', { 'legacy.review/value': 0, 'legacy.litigation/value': 0 }],
      [
        '2015年度，本机关共主动公开政府信息1,234条，其中通过政府网站公开1200条，通过政府公报公开34条。',
        { 'legacy.proactive.total/value': 1234, 'legacy.proactive.channels.website/value': 1200, 'legacy.proactive.channels.gazette/value': 34 },
      ],
      [
        `${APPLICATIONS}\n我局共受理政府信息公开申请15件，其中网上申请10件。已全部按时答复，其中同意公开12件，不属于本机关公开范围2件。`,
        { 'legacy.requests.received/value': 15, 'legacy.requests.received.online/value': 10, 'legacy.requests.answered.disclosed/value': 12, 'legacy.requests.answered.not_this_agency/value': 2 },
      ],
    ];
    for (const [text, want] of cases) assert.deepEqual(cells(prose(text, y2015)), want, text);
  });

  it('福建累计: the annual figure after a cumulative one in the same sentence', () => {
    const text = '截至2017年12月31日，我局历年累计主动公开政府信息118条，其中2017年主动公开政府信息12条。\n2017年，我局未收到政府信息公开申请。';
    assert.deepEqual(cells(prose(text, FUJIAN)), { 'fj.proactive/value': 12, 'fj.received/value': 0 });
  });

  it('the table of the report year when the format is unknown; nothing when the year is unknown too', () => {
    const text = `${APPLICATIONS}\n共收到政府信息公开申请12件。`;
    assert.deepEqual(cells(prose(text, meta(null, 2020))), { 't3.new/total': 12 });
    assert.deepEqual(cells(prose(text, meta(null, null))), {});
  });
});

describe('readProse: not figures', () => {
  const none: [string, string][] = [
    ['cumulative (累计)', '截至2017年底，累计收到政府信息公开申请120件。'],
    ['cumulative (以来)', '《条例》实施以来，我局共收到政府信息公开申请50件，未发生行政复议。'],
    ['cumulative (历年累计)', '我局历年累计主动公开政府信息118条。'],
    ['cumulative (截至)', '截至目前，主动公开政府信息1000条。'],
    ['another year', '2016年，我局共收到政府信息公开申请50件。'],
    ['another year earlier in the paragraph', '2016年，我局工作有序推进。共收到政府信息公开申请50件。'],
    ['a series of years', '五年来，依申请公开政府信息条数分别为3条、11条、17条、19条和65条。'],
    ['the previous year', '全年工作有序开展，上年共收到政府信息公开申请50件。'],
    ['percentages', '按时答复率100%，同意公开的占50%。'],
    ['other subjects', '《吉林人社》微信公众服务平台累计关注人数135072人，在线实时咨询人数15909人，微信推送367条。'],
    ['other subjects', '共收到网站《在线咨询》栏目问题13188个，都及时进行了回复。“劳动保障世界”微信公众号今年共发布信息数量为1440条。'],
    ['other applications', '全年共受理行政许可申请5730件，办结5730件。'],
    ['all channels with duplicates', '从不同渠道和方式共公开信息7153条（信息有重复）。'],
    ['approximate', '全年共收到政府信息公开申请100件以上。'],
    ['a total that includes last year', `${APPLICATIONS}\n共收到政府信息公开申请112件（含上年结转5件）。`],
    ['review outside information disclosure', '二、法治政府建设\n推进政府信息公开，全年共办理劳动人事行政复议案件58件。'],
    ['services applied for online', `${APPLICATIONS}\n依申请公开工作有序开展。通过网上办事大厅受理申请5000件。`],
    ['other fees', '五、收费及减免情况\n全年收取失业保险费3000万元。'],
    ['answers outside applications', '二、互动交流\n网站留言已答复1200件，办结1180件。'],
    ['letter and fax together in the national table', `${APPLICATIONS}\n其中信函、传真申请5件。`],
    ['items sent to the archives', '同时一式三份向市档案馆、市图书馆报送，全年共报送870份。'],
    ['a table row', '（一）收到申请数 | 件 | 200'],
  ];
  for (const [why, text] of none) {
    it(why, () => {
      const found = prose(text);
      assert.deepEqual(cells(found), {}, text);
    });
  }

  it('不同意公开 is not 同意公开; 按时办结 is not 办结', () => {
    const found = prose(`${APPLICATIONS}\n不同意公开答复3件，按时办结190件。`);
    assert.deepEqual(cells(found), { 'legacy.requests.answered.refused/value': 3, 'legacy.requests.closed.on_time/value': 190 });
  });
});

describe('readProse: disagreements', () => {
  it('a cell given two numbers keeps both figures (the pipeline and the checks decide)', () => {
    const found = prose(`${APPLICATIONS}\n全年共收到政府信息公开申请65件。\n本年度受理政府信息公开申请60件。`);
    assert.deepEqual(
      found.figures.map((f) => [f.id, f.value, f.line]),
      [
        ['legacy.requests.received/value', 65, 2],
        ['legacy.requests.received/value', 60, 3],
      ],
    );
  });
});

describe('readProse and readLegacyTable on the corpus: the expected cells', () => {
  const FIXTURES = new URL('../../test/fixtures/reports/', import.meta.url);
  const files: Record<string, string> = { '000': '000_98e2bdf78905cace.txt', '002': '002_5a27d940390b8862.txt', '003': '003_e7508649c8de68c7.txt', '004': '004_041b7631d5c88209.txt' };
  for (const [n, file] of Object.entries(files)) {
    it(`${n}: table cells, then prose cells where the table has none; prose repeating the table agrees with it`, () => {
      const want = JSON.parse(readFileSync(new URL(`${n}.expected.json`, FIXTURES), 'utf8'));
      const lines = normalizeText(readFileSync(new URL(file, FIXTURES), 'utf8'));
      const table = readLegacyTable(lines, want.variant);
      const text = readProse(lines, meta(want.format, want.year, want.variant));
      const got: Record<string, number | null> = cells(table);
      for (const f of text.figures) {
        if (f.id in got && n !== '004') assert.equal(f.value, got[f.id], `${f.id}: ${f.text}`);
        if (!(f.id in got)) got[f.id] = f.value;
      }
      assert.deepEqual(got, want.cells);
      assert.deepEqual(text.warnings, []);
    });
  }

  it('001: the narrative figures of a 2021-format report (已办理206件 is the narrative total the checks compare)', () => {
    const lines = normalizeText(readFileSync(new URL('001_e66a2b34805dc888.txt', FIXTURES), 'utf8'));
    assert.deepEqual(cells(readProse(lines, meta('fmt2021', 2022))), { 't3.new/total': 212, 't3.results.total/total': 206, 't3.carry_forward/total': 6 });
  });
});

describe('readProse: numbers in Chinese numerals and in ten thousands', () => {
  it('reads a count in Chinese numerals (一件, 十二件)', () => {
    const found = prose(`${APPLICATIONS}\n2017年，我局共收到政府信息公开申请十二件，其中当面申请一件。`);
    assert.deepEqual(cells(found), { 'legacy.requests.received/value': 12, 'legacy.requests.received.in_person/value': 1 });
  });

  it('reads 万 counts (1.2万条) and 万 amounts of money', () => {
    assert.deepEqual(cells(prose('2017年，我局主动公开政府信息1.2万条。')), { 'legacy.proactive.total/value': 12_000 });
    const fees = prose(`${APPLICATIONS}\n2017年，因依申请公开检索、复制、邮寄收取费用0.5万元。`);
    assert.deepEqual(cells(fees), { 'legacy.fees/value': 0.5 });
  });

  it('leaves out approximate Chinese numerals (十余件, 数十件, 几件)', () => {
    for (const n of ['十余', '数十', '几']) {
      const found = prose(`${APPLICATIONS}\n2017年，我局共收到政府信息公开申请${n}件。`);
      assert.deepEqual(cells(found), {}, n);
    }
  });

  it('does not take a numeral inside a word (一是, 一次性, 十三五)', () => {
    const found = prose(`${APPLICATIONS}\n2017年，一是收到申请后一次性告知；二是落实“十三五”规划。`);
    assert.deepEqual(cells(found), {});
  });
});
