import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import * as OpenCC from 'opencc-js/cn2t';
import type { Found, Line } from '../model.ts';
import { normalizeText } from '../normalize.ts';
import { detectLegacyVariant, readLegacyTable } from './legacy.ts';

const FIXTURES = new URL('../../../test/fixtures/reports/', import.meta.url);
const corpus = (name: string) => readFileSync(new URL(name, FIXTURES), 'utf8');
const expected = (n: string): Record<string, number | null> => JSON.parse(corpus(`${n}.expected.json`)).cells;

const T000 = corpus('000_98e2bdf78905cace.txt');
const T001 = corpus('001_e66a2b34805dc888.txt');
const T002 = corpus('002_5a27d940390b8862.txt');
const T003 = corpus('003_e7508649c8de68c7.txt');
const T004 = corpus('004_041b7631d5c88209.txt');

const cells = (found: Found) => Object.fromEntries(found.figures.map((f) => [f.id, f.value]));
const read = (text: string) => {
  const lines = normalizeText(text);
  return readLegacyTable(lines, detectLegacyVariant(lines));
};

/** A corpus statistics table as rows of cells, rebuilt from its one-cell-per-line text: `size` lines per row from line
 *  `first` to `last` — label, unit, value(s), each followed by a blank line in 003, the row by one in 000 and 002 (a
 *  line that does not start with a tab or space continues the label above: 000's note, 002's wrapped label). */
function tableRows(text: string, first: number, last: number, size: number): string[][] {
  const lines: string[] = [];
  for (const line of text.split('\n').slice(first - 1, last)) {
    if (lines.length > 0 && line.trim() !== '' && !/^[\t ]/.test(line)) lines[lines.length - 1] += line.trim();
    else lines.push(line);
  }
  const rows: string[][] = [];
  for (let i = 0; i < lines.length; i += size) rows.push(lines.slice(i, i + size - 1).map((c) => c.trim()).filter((_, j) => j % (size / 4) === 0));
  return rows;
}

const TABLES = [
  { n: '000', rows: tableRows(T000, 41, 302, 4), header: '统计指标 | 单位 | 统计数' },
  { n: '002', rows: tableRows(T002, 104, 391, 4), header: '统计指标 | 单位 | 统计数' },
  { n: '003', rows: tableRows(T003, 133, 252, 8), header: '指标名称 | 单位 | 2017 | 历年累计' },
];

describe('detectLegacyVariant', () => {
  it('knows the corpus variants', () => {
    assert.equal(detectLegacyVariant(normalizeText(T000)), null);
    assert.equal(detectLegacyVariant(normalizeText(T001)), null);
    assert.equal(detectLegacyVariant(normalizeText(T002)), 'shandong');
    assert.equal(detectLegacyVariant(normalizeText(T003)), 'fujian_cumulative');
    assert.equal(detectLegacyVariant(normalizeText(T004)), null);
  });

  it('does not take the cumulative wording of the narrative for the 福建 table', () => {
    const text = '截至2017年12月31日，我局历年累计主动公开政府信息118条。\n受理政府信息公开申请总数为0件。';
    assert.equal(detectLegacyVariant(normalizeText(text)), null);
  });
});

describe('readLegacyTable: the corpus tables', () => {
  it('000 national table, one cell per line: every cell, no warning', () => {
    const found = read(T000);
    assert.deepEqual(cells(found), expected('000'));
    assert.deepEqual(found.warnings, []);
  });

  it('002 山东 variant: 5.其他形式 with a blank unit, 被举报投诉数量 and its children, 报送信息数', () => {
    const found = read(T002);
    assert.deepEqual(cells(found), expected('002'));
    assert.deepEqual(found.warnings, []);
  });

  it('003 福建累计: the year column and 历年累计 apart, never the cumulative figure as the annual one', () => {
    const found = read(T003);
    assert.deepEqual(cells(found), expected('003'));
    assert.equal(cells(found)['fj.proactive/value'], 12);
    assert.equal(cells(found)['fj.proactive/cumulative'], 118);
  });

  it('004 (narrative only) and 001 (2021 format) give no legacy figure', () => {
    assert.deepEqual(read(T004).figures, []);
    assert.deepEqual(read(T001).figures, []);
  });

  it('keeps the row as its source text and the label line as its line', () => {
    const figure = read(T000).figures.find((f) => f.id === 'legacy.proactive.total/value');
    assert.equal(figure?.line, 45);
    assert.equal(figure?.from, 'table');
    assert.equal(figure?.text, '(一)主动公开政府信息数 | (不同渠道和方式公开相同信息计1条) | 条 | 290');
  });
});

describe('readLegacyTable: layouts', () => {
  const layouts: Record<string, (row: string[]) => string> = {
    pipes: (row) => row.join(' | '),
    tabs: (row) => row.join('\t'),
    spaces: (row) => row.filter((c) => c !== '').join(' '),
    'run together': (row) => row.join(''),
    'label wrapped over two lines': (row) => {
      const [label = '', ...rest] = row;
      const cut = Math.ceil(label.length / 2);
      return [label.slice(0, cut), [label.slice(cut), ...rest].join(' | ')].join('\n');
    },
    'values on the next line': (row) => [row[0], row.slice(1).join(' | ')].join('\n'),
  };
  it('rebuilds the corpus tables row by row', () => {
    // 58 + 7 group rows; 山东 7 more; 福建 15.
    assert.deepEqual(TABLES.map((t) => t.rows.length), [65, 72, 15]);
    assert.deepEqual(TABLES[0]!.rows[1], ['（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）', '条', '290']);
    assert.deepEqual(TABLES[2]!.rows[0], ['主动公开文件数', '', '12', '118']);
  });
  for (const { n, rows, header } of TABLES) {
    for (const [name, layout] of Object.entries(layouts)) {
      it(`${n} table with ${name}`, () => {
        const found = read(['附表：政府信息公开情况统计表', header, ...rows.map(layout)].join('\n'));
        // 福建累计 run together (12118) cannot be split into the year and 历年累计: nothing, never a wrong number.
        if (n === '003' && name === 'run together') {
          assert.deepEqual(found.figures, []);
          assert.equal(found.warnings.length, rows.length);
          return;
        }
        assert.deepEqual(cells(found), expected(n));
        assert.deepEqual(found.warnings, []);
      });
    }
  }

  it('traditional characters and full-width digits', () => {
    const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
    const fullWidth = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    for (const [text, n] of [[T000, '000'], [T002, '002'], [T003, '003']] as const) {
      const converted = fullWidth(toTraditional(text));
      assert.notEqual(converted, text);
      assert.deepEqual(cells(read(converted)), expected(n), n);
    }
  });

  it('a page number between two rows is not a value', () => {
    const text = ['（一）收到申请数 | 件 | 200', '1.当面申请数 | 件 | 72', '- 3 -', '2.传真申请数 | 件 | 0', '3.网络申请数 | 件 | 106'].join('\n');
    assert.deepEqual(cells(read(text)), {
      'legacy.requests.received/value': 200,
      'legacy.requests.received.in_person/value': 72,
      'legacy.requests.received.fax/value': 0,
      'legacy.requests.received.online/value': 106,
    });
  });
});

describe('readLegacyTable: never a wrong number', () => {
  const layouts: ((row: string[]) => string)[] = [
    (row) => row.join(' | '),
    (row) => row.filter((c) => c !== '').join(' '),
    (row) => row.join('\n'),
    (row) => row.join(''),
    (row) => [row[0]!.slice(0, 6), [row[0]!.slice(6), ...row.slice(1)].join(' | ')].join('\n'),
  ];
  // Sentences of the corpus narratives, with numbers, between table rows.
  const noise = [
    '2017年，我局收到公开政府信息申请6件，其中局政务公开办公室收到6件，各科室收到0件。',
    '全年共报送870份，方便群众及时查阅人力社保政策信息。',
    '（注：各子栏目数总数要等于总栏目数量）',
    '- 2 -',
    '统计指标 | 单位 | 统计数',
  ];
  // The corpus tables with a different number in every cell, the cells named in table order by the expected files.
  const unique = TABLES.map(({ n, rows, header }) => {
    const ids = Object.keys(expected(n));
    const want: Record<string, number> = {};
    const numbered = rows.map((row) => {
      if (row[2] === '') return row;
      return [row[0]!, row[1]!, ...row.slice(2).map(() => {
        const value = 1001 + Object.keys(want).length;
        want[ids[Object.keys(want).length]!] = value;
        return String(value);
      })];
    });
    return { rows: numbered, header, want, ids };
  });

  it('numbers every cell of the corpus tables', () => {
    for (const { want, ids } of unique) assert.deepEqual(Object.keys(want), ids);
    assert.deepEqual(unique[2]!.rows[0], ['主动公开文件数', '', '1001', '1002']);
  });

  it('labels of other wording, layouts mixed, other lines between rows: each figure is its own row\'s number', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...unique),
        fc.array(fc.record({ known: fc.integer({ min: 0, max: 9 }), layout: fc.nat(layouts.length - 1), noise: fc.integer({ min: -20, max: noise.length - 1 }) }), { minLength: 72, maxLength: 72 }),
        ({ rows, header, want }, choices) => {
          const text = [header];
          rows.forEach((row, i) => {
            const choice = choices[i]!;
            // A label in a wording the reader does not know: its row is read as text, its numbers belong to nothing.
            const label = choice.known < 2 ? `（${i}）本地增列的统计项目数` : row[0]!;
            text.push(layouts[choice.layout]!([label, ...row.slice(1)]));
            if (choice.noise >= 0) text.push(noise[choice.noise]!);
          });
          for (const f of read(text.join('\n')).figures) assert.equal(f.value, want[f.id] ?? null, `${f.id} from ${f.text}`);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('readLegacyTable: blanks and doubts', () => {
  const table = (...rows: string[]) => readLegacyTable(normalizeText(rows.join('\n')), null);
  const head = ['三、依申请公开情况 | — |', '（一）收到申请数 | 件 | 200', '1.当面申请数 | 件 | 72'];

  it('a blank, -, — or / cell is null, never 0', () => {
    const found = table(...head, '2.传真申请数 | 件 | /', '3.网络申请数 | 件 | -', '4.信函申请数 | 件 | —', '（二）申请办结数 | 件 |', '1.按时办结数 | 件 | 190');
    assert.deepEqual(cells(found), {
      'legacy.requests.received/value': 200,
      'legacy.requests.received.in_person/value': 72,
      'legacy.requests.received.fax/value': null,
      'legacy.requests.received.online/value': null,
      'legacy.requests.received.letter/value': null,
      'legacy.requests.closed/value': null,
      'legacy.requests.closed.on_time/value': 190,
    });
  });

  it('one cell per line: a blank value cell between two labels is null', () => {
    const found = table('（一）收到申请数', '件', '200', '', '1.当面申请数', '件', '', '2.传真申请数', '件', '0', '', '3.网络申请数', '件', '106');
    assert.equal(cells(found)['legacy.requests.received.in_person/value'], null);
    assert.equal(cells(found)['legacy.requests.received.fax/value'], 0);
  });

  it('a row with two numbers in the one-column table is left out with a warning', () => {
    const found = table(...head, '2.传真申请数 | 件 | 3 | 5', '3.网络申请数 | 件 | 106');
    assert.equal('legacy.requests.received.fax/value' in cells(found), false);
    assert.match(found.warnings.join('\n'), /2\.传真申请数」有2个数字/);
    assert.equal(cells(found)['legacy.requests.received.online/value'], 106);
  });

  it('a count that is not a whole number is left out with a warning', () => {
    const found = table(...head, '2.传真申请数 | 件 | 1.5');
    assert.equal('legacy.requests.received.fax/value' in cells(found), false);
    assert.match(found.warnings.join('\n'), /不是整数/);
  });

  it('万元 amounts may be decimals; an amount in 元 is converted to 万元', () => {
    const rows = ['六、举报投诉数量 | 件 | 0', '七、依申请公开信息收取的费用 | 元 | 500', '八、机构建设和保障经费情况 | — |', '（一）政府信息公开工作专门机构数 | 个 | 3', '（四）政府信息公开专项经费 | 2.35万元'];
    assert.deepEqual(cells(table(...rows)), {
      'legacy.complaints/value': 0,
      'legacy.fees/value': 0.05,
      'legacy.org.units/value': 3,
      'legacy.org.budget/value': 2.35,
    });
    const wrongUnit = table(...rows.slice(0, 3), '（一）政府信息公开工作专门机构数 | 万元 | 3');
    assert.match(wrongUnit.warnings.join('\n'), /单位「万元」与统计表的「个」不符/);
  });

  it('(二)被依法纠错数 belongs to the part above it; alone it is left out', () => {
    const review = ['四、行政复议数量 | 件 | 2', '（一）维持具体行政行为数 | 件 | 2', '（二）被依法纠错数 | 件 | 0', '五、行政诉讼数量 | 件 | 6', '（一）维持具体行政行为或者驳回原告诉讼请求数 | 件 | 5', '（二）被依法纠错数 | 件 | 1'];
    const found = cells(table(...review));
    assert.equal(found['legacy.review.corrected/value'], 0);
    assert.equal(found['legacy.litigation.corrected/value'], 1);
    const alone = table('（一）收到申请数 | 件 | 200', '1.当面申请数 | 件 | 72', '（二）被依法纠错数 | 件 | 1', '2.传真申请数 | 件 | 0');
    assert.equal(alone.figures.some((f) => f.id.includes('corrected')), false);
    assert.match(alone.warnings.join('\n'), /被依法纠错数」可能属于统计表的不同部分/);
  });

  it('a heading of the narrative that reads like a label is not a table row', () => {
    const text = ['四、行政复议数量', '本年度因政府信息公开引发的行政复议2件，全部予以维持。', '五、行政诉讼数量', '行政诉讼6件。'];
    assert.deepEqual(table(...text).figures, []);
  });

  it('labels printed one after the other, then the values, give no figure (not nulls)', () => {
    const labels = ['（一）收到申请数', '1.当面申请数', '2.传真申请数', '3.网络申请数', '4.信函申请数'];
    const found = table(...labels, '200', '72', '0', '106', '22');
    assert.equal(found.figures.length, 0);
  });

  it('a cell printed twice with different values is left out; the same value is kept once', () => {
    const rows = ['（一）收到申请数 | 件 | 200', '1.当面申请数 | 件 | 72', '2.传真申请数 | 件 | 0'];
    const twice = table(...rows, '', '附表', ...rows.slice(0, 2), '2.传真申请数 | 件 | 5');
    assert.deepEqual(cells(twice), { 'legacy.requests.received/value': 200, 'legacy.requests.received.in_person/value': 72 });
    assert.match(twice.warnings.join('\n'), /「2\.传真申请数」出现2次且数值不同/);
  });
});

describe('readLegacyTable: 福建累计 columns', () => {
  const fujian = (...rows: string[]) => readLegacyTable(normalizeText(rows.join('\n')), 'fujian_cumulative');
  const body = ['主动公开文件数 | | 12 | 118', '其中:1.政府网站公开数 | | 12 | 118', '2.政府公报公开数 | | 0 | 0', '受理政府信息公开申请总数 | | 3 | 40'];

  it('the header decides which column is the year and which is 历年累计', () => {
    const normal = cells(fujian('指标名称 | 单位 | 2017 | 历年累计', ...body));
    assert.equal(normal['fj.received/value'], 3);
    assert.equal(normal['fj.received/cumulative'], 40);
    const reversed = cells(fujian('指标名称 | 单位 | 历年累计 | 2017', ...body));
    assert.equal(reversed['fj.received/value'], 40);
    assert.equal(reversed['fj.received/cumulative'], 3);
  });

  it('a row with one number cannot say which column it is: left out with a warning', () => {
    const found = fujian('指标名称 | 单位 | 2017 | 历年累计', ...body, '对申请的答复总数 | | 3 |');
    assert.equal(Object.keys(cells(found)).some((id) => id.startsWith('fj.answered/')), false);
    assert.match(found.warnings.join('\n'), /对申请的答复总数」有1个数字，无法确定哪个是本年数、哪个是历年累计数/);
  });

  it('the national rows do not apply', () => {
    const found = fujian('指标名称 | 单位 | 2017 | 历年累计', ...body, '（一）收到申请数 | 件 | 200 | 300');
    assert.equal(Object.keys(cells(found)).some((id) => id.startsWith('legacy.')), false);
  });
});

describe('readLegacyTable: speed', () => {
  it('reads a long report quickly', () => {
    const lines: Line[] = normalizeText([T000, T002, T004].join('\n').repeat(10));
    const t0 = performance.now();
    readLegacyTable(lines, null);
    assert.ok(performance.now() - t0 < 1000);
  });
});
