import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { corpusText, report001, toDocx, toHtml } from '../../../test/fixtures/inputs/corpus.ts';
import { refusal } from '../../../test/fixtures/inputs/expect.ts';
import { onePagePdf, randomBytes, storedZip } from '../../../test/fixtures/inputs/files.ts';
import { readInput } from './index.ts';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('readInput: the kind comes from the content, not the file name', () => {
  it('reads a text file as text, line breaks normalised', async () => {
    const input = await readInput(utf8('二〇二二年\r\n规章 | 0 | 0 | 0\r\n'), 'report.pdf');
    assert.deepEqual(input, { kind: 'text', text: '二〇二二年\n规章 | 0 | 0 | 0\n', warnings: [] });
  });

  it('reads HTML named .txt as HTML, also in UTF-16 with a BOM', async () => {
    const html = '<!DOCTYPE html><html><body><p>第一段</p><table><tr><td>规章</td><td>0</td></tr></table></body></html>';
    assert.deepEqual(await readInput(utf8(html), 'a.txt'), { kind: 'html', text: '第一段\n规章 | 0 |', warnings: [] });
    const le = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Uint16Array.from(html, (_, i) => html.charCodeAt(i)).buffer)]);
    assert.equal((await readInput(le, 'a.txt')).text, '第一段\n规章 | 0 |');
  });

  it('reads a DOCX named .pdf as DOCX', async () => {
    assert.equal((await readInput(await toDocx(report001().blocks), 'x.pdf')).kind, 'docx');
  });

  it('reads a web page that is not a report without complaint (the parser says later that it found none)', async () => {
    const page = '<html><head><title>首页</title></head><body><div class="nav">首页 | 新闻</div><p>欢迎访问本网站。</p></body></html>';
    assert.deepEqual(await readInput(utf8(page), 'index.html'), { kind: 'html', text: '首页 | 新闻\n欢迎访问本网站。', warnings: [] });
  });
});

describe('readInput refuses hostile and unreadable files with a precise message', () => {
  it('an empty file', async () => {
    assert.equal(await refusal(new Uint8Array(0)), '文件为空');
  });

  it('a 50 MB file, at once and without parsing it', async () => {
    const started = Date.now();
    const huge = new Uint8Array(50 * 1024 * 1024);
    huge.set(utf8('%PDF-1.7\n'));
    assert.equal(await refusal(huge), '文件过大（52.4 MB），上限 20 MB');
    assert.ok(Date.now() - started < 1000);
  });

  it('64 KiB of random bytes', async () => {
    assert.equal(await refusal(randomBytes(65536)), '无法识别的文件格式：既不是文本、HTML、DOCX，也不是 PDF');
  });

  it('binary data that happens to be valid UTF-8 (control characters)', async () => {
    assert.equal(await refusal(utf8(`\x7fELF\x02\x01\x01${'\0'.repeat(500)}`)), '无法识别的文件格式：既不是文本、HTML、DOCX，也不是 PDF');
  });

  it('a ZIP that is not a DOCX, an XLSX, an OFD, a damaged ZIP', async () => {
    assert.equal(await refusal(storedZip({ 'report.txt': '报告' })), '这是 ZIP 压缩包，不是 DOCX 文档：请解压后分别读取其中的报告文件');
    assert.match(await refusal(storedZip({ 'xl/workbook.xml': '<workbook/>' })), /^这是 Excel 表格（XLSX）/);
    assert.equal(await refusal(storedZip({ 'OFD.xml': '<ofd:OFD/>' })), '这是 OFD 版式文件，暂不支持：请另存为 PDF');
    const docx = await toDocx(report001().blocks);
    assert.equal(await refusal(docx.subarray(0, docx.length >> 1)), '文件是 ZIP/DOCX 格式，但已损坏或不完整（找不到文件目录），无法读取');
  });

  it('a DOCX whose directory declares more than 200 MB unpacked (a ZIP bomb), before unpacking', async () => {
    const bytes = storedZip({ 'word/document.xml': '<w:document/>' });
    const view = new DataView(bytes.buffer);
    const central = bytes.findIndex((_, i) => view.getUint32(i, true) === 0x02014b50);
    view.setUint32(central + 24, 300_000_000, true);
    assert.equal(await refusal(bytes), 'DOCX 解压后过大（300 MB），上限 200 MB');
  });

  it('old Office files and pictures', async () => {
    assert.match(await refusal(Uint8Array.of(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0)), /^这是旧版 Office\/WPS 文件/);
    assert.match(await refusal(Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)), /^这是图片文件（PNG），没有文字层/);
  });

  it('a truncated PDF, before loading the PDF library (damaged, encrypted and scanned PDFs: pdf.test.ts)', async () => {
    const pdf = onePagePdf('BT /F1 12 Tf 72 720 Td (text) Tj ET');
    assert.equal(await refusal(pdf.subarray(0, pdf.length - 200)), 'PDF 文件不完整：缺少文件结尾标记（%%EOF），可能下载中断或文件被截断');
  });

  it('HTML nested 200,000 levels deep: refused before parsing, at once', async () => {
    const started = Date.now();
    const deep = `<html><body>${'<div>'.repeat(200_000)}深</body></html>`;
    assert.equal(await refusal(utf8(deep)), 'HTML 标签嵌套过深（超过 1000 层），无法读取');
    assert.ok(Date.now() - started < 2000);
  });
});

describe('readInput keeps the corpus text as it is', () => {
  it('returns corpus 001 unchanged (UTF-8 text)', async () => {
    const text = corpusText('001_e66a2b34805dc888');
    assert.equal((await readInput(utf8(text), '001.txt')).text, text);
  });

  it('the HTML page of 001 is read as HTML', async () => {
    assert.equal((await readInput(utf8(toHtml(report001().blocks)), '001.html')).kind, 'html');
  });
});
