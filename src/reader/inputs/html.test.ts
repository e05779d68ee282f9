import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { report000, report001, toHtml } from '../../../test/fixtures/inputs/corpus.ts';
import { missingLines } from '../../../test/fixtures/inputs/expect.ts';
import { gbkEncode } from '../../../test/fixtures/inputs/files.ts';
import { htmlToText } from './html.ts';
import { readInput } from './index.ts';

const R001 = report001();
const R000 = report000();

function assertHasLines(text: string, expected: readonly string[]): void {
  assert.deepEqual(missingLines(text, expected), [], `lines missing from:\n${text}`);
}

describe('htmlToText: the tables of corpus report 001 as real HTML tables with rowspan and colspan', () => {
  const text = htmlToText(toHtml(R001.blocks));

  it('gives every data row of tables 二, 三 and 四 as one line: its labels, then its numbers in order', () => {
    assert.equal(R001.rowLines.length, 6 + 25 + 1);
    assertHasLines(text, R001.rowLines);
  });

  it('repeats the spanning group labels left of each leaf row of table 三', () => {
    const withheld = text.split('\n').filter((l) => l.startsWith('三、本年度办理结果 | (三)不予公开 | '));
    assert.equal(withheld.length, 8);
    assert.equal(withheld[0], '三、本年度办理结果 | (三)不予公开 | 1.属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |');
  });

  it('writes the spanning column headers once per header row', () => {
    assertHasLines(text, ['自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计'].map((h) => `（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | ${h} |`));
  });

  it('keeps the prose paragraphs whole, one per line, in document order', () => {
    const lines = text.split('\n');
    assert.equal(lines[0], '天津市人力资源和社会保障局');
    assert.ok(lines.includes('2022年度未发出信息处理费收费通知,未收取信息处理费。'));
    assert.ok(lines.indexOf('二、主动公开政府信息情况') < lines.indexOf('规章 | 0 | 0 | 0 |'));
  });
});

describe('htmlToText: corpus report 000 legacy statistics table (统计指标 | 单位 | 统计数)', () => {
  it('gives label | unit | value for every row, a label wrapped inside its cell joined again', () => {
    const text = htmlToText(toHtml(R000.blocks));
    assert.equal(R000.rowLines.length, 65);
    assertHasLines(text, R000.rowLines);
    assertHasLines(text, ['（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条） | 条 | 290 |']);
  });
});

describe('readInput on HTML pages in other encodings', () => {
  it('reads the same page encoded as GBK with <meta charset="gbk">', async () => {
    const utf8 = await readInput(new TextEncoder().encode(toHtml(R001.blocks)), 'r.html');
    const gbk = await readInput(gbkEncode(toHtml(R001.blocks, { charset: 'gbk' })), 'r.html');
    assert.equal(gbk.kind, 'html');
    assert.equal(gbk.text, utf8.text);
    assertHasLines(gbk.text, R001.rowLines);
  });
});

describe('htmlToText: what a published page contains besides the report', () => {
  it('drops head, scripts, styles, navigation and hidden elements; <br> and blocks end lines', () => {
    const html = `<html><head><title>标题不读</title><style>p{}</style></head><body>
      <nav>首页 > 政务公开</nav><script>var x = "<p>脚本</p>";</script>
      <div style="display:none">隐藏</div><div hidden>也隐藏</div>
      <h1>2022年政府信息公开工作年度报告</h1>
      <p>第一行<br>第二行</p><ul><li>甲</li><li>乙</li></ul>
      <pre>行一
行二</pre><noscript>请启用脚本</noscript></body></html>`;
    assert.equal(htmlToText(html), ['2022年政府信息公开工作年度报告', '第一行', '第二行', '甲', '乙', '行一', '行二'].join('\n'));
  });

  it('reads Word-exported cells: numbers split over spans joined, &nbsp; cells empty', () => {
    const html = `<table><tr><td><p class=MsoNormal><span lang=EN-US>（一）</span><span>予以公开</span></p></td>
      <td><p class=MsoNormal align=center><span>9</span><span>4<o:p></o:p></span></p></td><td>&nbsp;</td><td><p>结果</p><p>维持</p></td></tr></table>`;
    assert.equal(htmlToText(html), '（一）予以公开 | 94 |  | 结果维持 |');
  });

  it('reads a page laid out in a table (navigation cell, content cell holding the report table) as blocks', () => {
    const paragraphs = Array.from({ length: 6 }, (_, i) => `<p>${'正文'.repeat(60)}第${i + 1}段。</p>`).join('');
    const html = `<table><tr><td><a href="/">首页</a></td><td>${paragraphs}
      <table border=1><tr><td rowspan=2>三、本年度办理结果</td><td>（一）予以公开</td><td>94</td></tr>
      <tr><td>（二）部分公开</td><td>16</td></tr></table></td></tr></table>`;
    const lines = htmlToText(html).split('\n');
    assert.equal(lines[0], '首页');
    assert.equal(lines.length, 1 + 6 + 2);
    assert.deepEqual(lines.slice(-2), ['三、本年度办理结果 | （一）予以公开 | 94 |', '三、本年度办理结果 | （二）部分公开 | 16 |']);
  });

  it('puts thead rows first and tfoot rows last, and reads a caption before its table', () => {
    const html = '<table><caption>表三</caption><tfoot><tr><td>注</td></tr></tfoot><tbody><tr><td>b</td></tr></tbody><thead><tr><td>a</td></tr></thead></table>';
    assert.equal(htmlToText(html), ['表三', 'a', 'b', '注'].join('\n'));
  });

  it('ignores the spans of a table whose spans would make an enormous grid, quickly', () => {
    const rows = Array.from({ length: 2000 }, (_, i) => `<tr><td colspan="5000" rowspan="0">行${i}</td><td>${i}</td></tr>`).join('');
    const started = Date.now();
    const lines = htmlToText(`<table>${rows}</table>`).split('\n');
    assert.equal(lines.length, 2000);
    assert.equal(lines[1], '行1 | 1 |');
    assert.ok(Date.now() - started < 5000);
  });
});
