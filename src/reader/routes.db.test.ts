// The supervisor's report reader through the whole app (app.inject): the form, a pasted report, an uploaded
// HTML page, and the refusals — nothing sent, too large, unreadable, not a report — on the form again.
import { after, before, test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import type { OpenedDb } from '../db/database.ts';
import { openTestDatabase } from '../db/testing.ts';
import { OWN_ORIGIN, testApp } from '../http/testing.ts';
import { MAX_UPLOAD_BYTES } from './routes.ts';

let opened: OpenedDb;
before(async () => {
  opened = await openTestDatabase();
});
after(() => opened.close());

const reports = new URL('../../test/fixtures/reports/', import.meta.url);
const corpus = (prefix: string) => readFileSync(new URL(readdirSync(reports).find((f) => f.startsWith(prefix) && f.endsWith('.txt'))!, reports), 'utf8');
const report001 = corpus('001');

interface Part {
  name: string;
  value: string | Buffer;
  filename?: string;
  type?: string;
}

/** A multipart/form-data body as a browser sends the form. */
function multipart(parts: Part[]): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----gongkaiTestBoundary7MA4YWxkTrZu0gW';
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const disposition = `form-data; name="${p.name}"${p.filename !== undefined ? `; filename="${p.filename}"` : ''}`;
    const type = p.filename !== undefined ? `\r\nContent-Type: ${p.type ?? 'application/octet-stream'}` : '';
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}${type}\r\n\r\n`), Buffer.from(p.value), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, origin: OWN_ORIGIN } };
}

async function post(t: TestContext, parts: Part[]) {
  const app = await testApp(t, opened);
  return app.inject({ method: 'POST', url: '/reader', ...multipart(parts) });
}

/** No script element, no inline style, no event handler attribute in any tag. */
const noScript = (html: string) => assert.ok(!/<script|<[^>]+\sstyle=|<[^>]+\son[a-z]+=/i.test(html), 'the page has a script, an inline style or a handler');

/** assert.match without printing the whole page when it fails. */
function has(html: string, pattern: RegExp): void {
  assert.ok(pattern.test(html), `the page lacks ${pattern}`);
}

/** A table cell's text in the rendered page: the number inside its link. */
const cellPattern = (n: number) => String.raw`<td class="num[^"]*"[^>]*><a href="#L\d+" title="[^"]*">${n}</a></td>`;

test('GET /reader: the form (file or pasted text), with its own stylesheet, no script', async (t) => {
  const app = await testApp(t, opened);
  const res = await app.inject('/reader');
  assert.equal(res.statusCode, 200);
  has(res.body, /<form method="post" action="\/reader" enctype="multipart\/form-data"/);
  has(res.body, /<input id="file" name="file" type="file"/);
  has(res.body, /<textarea id="text" name="text"/);
  has(res.body, /<link rel="stylesheet" href="\/static\/reader.css"\/>/);
  noScript(res.body);
  const css = await app.inject('/static/reader.css');
  assert.equal(css.statusCode, 200);
  assert.match(String(css.headers['content-type']), /^text\/css/);
  assert.match(css.body, /\.report-table/);
  assert.equal((await app.inject('/static/site.css')).statusCode, 200);
});

test('pasted corpus 001: table 三 in the national layout with its values linked to the source, beside the failed checks', async (t) => {
  const res = await post(t, [{ name: 'text', value: report001 }]);
  assert.equal(res.statusCode, 200);
  const html = res.body;
  noScript(html);
  has(html, /<span class="agency-name">天津市人力资源和社会保障局<\/span>2022 年度政府信息公开工作年度报告 · 读取结果/);
  has(html, /中华人民共和国政府信息公开工作年度报告格式（2021修订）/);
  // Table 三: grouped header (法人或其他组织 over five columns), every row labelled, 7 values per row.
  has(html, /<caption>表三 收到和处理政府信息公开申请情况<\/caption>/);
  has(html, /（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）<\/th><th scope="col" rowspan="2">自然人<\/th><th scope="col" colspan="5">法人或其他组织<\/th><th scope="col" rowspan="2">总计<\/th><\/tr><tr><th scope="col">商业企业<\/th><th scope="col">科研机构<\/th><th scope="col">社会公益组织<\/th><th scope="col">法律服务机构<\/th><th scope="col">其他<\/th>/);
  const row = (label: string, values: number[]) => new RegExp(`<th scope="row" class="label depth-\\d">${label}</th>${values.map(cellPattern).join('')}</tr>`);
  has(html, row('一、本年新收政府信息公开申请数量', [200, 12, 0, 0, 0, 0, 212]));
  has(html, row('（七）总计', [201, 12, 0, 0, 0, 0, 213]));
  has(html, row('8.属于行政查询事项', [2, 0, 0, 0, 0, 0, 2]));
  has(html, /<th scope="row" class="label depth-1">（三）不予公开<\/th><td colspan="7"><\/td>/);
  // Table 四: 行政复议 | 行政诉讼 › 未经复议直接起诉 / 复议后起诉.
  has(html, /<th scope="col" colspan="5">行政复议<\/th><th scope="col" colspan="10">行政诉讼<\/th>/);
  // The failed check, its source line linked, and the source with line anchors.
  has(html, /未通过的校验（1）/);
  has(html, /<span class="tag">警告<\/span> <code>narrative_vs_table<\/code><p>正文第 6 行“已办理206件,结转下年度继续办理6件。”：表三「三、本年度办理结果（七）总计」「总计」列为 206，而表中为 213/);
  has(html, /<a href="#L6">第 6 行<\/a>/);
  has(html, /<li id="L6" class="cited"><a class="source__no" href="#L6">6<\/a><span class="source__text">\(二\)依申请公开信息情况。/);
  // The cell a failed check names is marked.
  has(html, /<td class="num flagged"><a href="#L\d+" title="[^"]*">213<\/a><\/td><\/tr>/);
});

test('an uploaded HTML page is read by its content (tables as <table>)', async (t) => {
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const body = report001
    .split('\n')
    .map((line) => (line.includes('|') ? `<table><tr>${line.split('|').map((c) => `<td>${escape(c.trim())}</td>`).join('')}</tr></table>` : `<p>${escape(line)}</p>`))
    .join('\n');
  const page = `<!doctype html><html><head><meta charset="utf-8"><title>年度报告</title><script>var x = 1;</script></head><body>${body}</body></html>`;
  const res = await post(t, [
    { name: 'file', value: Buffer.from(page), filename: 'report.html', type: 'text/html' },
    { name: 'text', value: '' },
  ]);
  assert.equal(res.statusCode, 200);
  noScript(res.body);
  has(res.body, /<dt>文件<\/dt><dd>report\.html<\/dd>/);
  has(res.body, new RegExp(`<th scope="row" class="label depth-\\d">（七）总计</th>${[201, 12, 0, 0, 0, 0, 213].map(cellPattern).join('')}</tr>`));
});

test('nothing sent: 400 on the form with the message', async (t) => {
  const res = await post(t, [
    { name: 'file', value: Buffer.alloc(0), filename: '' },
    { name: 'text', value: '   \n ' },
  ]);
  assert.equal(res.statusCode, 400);
  has(res.body, /<p class="alert" role="alert" id="reader-error">请上传报告文件，或粘贴报告全文<\/p>/);
  has(res.body, /<form method="post" action="\/reader"/);
});

test('a file over the limit: 413 on the form', async (t) => {
  const res = await post(t, [{ name: 'file', value: Buffer.alloc(MAX_UPLOAD_BYTES + 1, 0x61), filename: 'big.txt', type: 'text/plain' }]);
  assert.equal(res.statusCode, 413);
  has(res.body, /role="alert" id="reader-error">文件过大，上限 20 MB<\/p>/);
});

test('unreadable bytes and text that is no report: 422 on the form, the pasted text kept', async (t) => {
  const noise = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256));
  const unreadable = await post(t, [{ name: 'file', value: noise, filename: 'scan.bin' }]);
  assert.equal(unreadable.statusCode, 422);
  has(unreadable.body, /role="alert" id="reader-error">[^<]+<\/p>/);
  const prose = await post(t, [{ name: 'text', value: '今天天气很好。我们去公园散步。' }]);
  assert.equal(prose.statusCode, 422);
  has(prose.body, /未能在其中找到政府信息公开工作年度报告的表格或统计数字/);
  has(prose.body, /<textarea id="text" name="text" rows="12" class="reader-paste">今天天气很好。我们去公园散步。<\/textarea>/);
});

test('markup in the pasted text is shown as text, never run', async (t) => {
  const res = await post(t, [{ name: 'text', value: `${report001}\n<script>alert("x")</script><img src=x onerror=alert(1)>` }]);
  assert.equal(res.statusCode, 200);
  noScript(res.body);
  has(res.body, /&lt;script>alert\(&quot;x&quot;\)&lt;\/script>&lt;img src=x onerror=alert\(1\)>/);
});

test('a form post from another site is refused', async (t) => {
  const app = await testApp(t, opened);
  const res = await app.inject({ method: 'POST', url: '/reader', ...multipart([{ name: 'text', value: report001 }]), headers: { ...multipart([]).headers, origin: 'https://evil.example' } });
  assert.equal(res.statusCode, 403);
});
