// PDFs written byte by byte (no browser): fonts that need CMaps, Word-style stroked tables, rotated content, OCR
// layers, and the PDFs readInput must refuse. The browser-printed reports are in pdf.chromium.test.ts.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { refusal } from '../../../test/fixtures/inputs/expect.ts';
import { cjkText, onePagePdf, passwordPdf, strokedTable } from '../../../test/fixtures/inputs/files.ts';
import { readInput } from './index.ts';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('readInput on PDFs', () => {
  it('reads a PDF named .docx as PDF (the kind comes from the content)', async () => {
    const pdf = onePagePdf('BT /F1 12 Tf 72 720 Td (Annual report 2022: 212 requests) Tj ET');
    assert.deepEqual(await readInput(pdf, 'x.docx'), { kind: 'pdf', text: 'Annual report 2022: 212 requests', warnings: [] });
  });

  it('reads Chinese in a non-embedded CID font (STSong-Light, UniGB-UCS2-H: needs pdf.js CMaps)', async () => {
    const pdf = onePagePdf([cjkText(72, 720, '全年共受理政府信息公开申请212件。'), cjkText(72, 700, '二、主动公开政府信息情况')].join('\n'));
    assert.equal((await readInput(pdf, 'cid.pdf')).text, '全年共受理政府信息公开申请212件。\n二、主动公开政府信息情况');
  });

  it('reads a Word-style table: each cell stroked, labels top-aligned and wrapped, numbers on the first line', async () => {
    const table = strokedTable([50, 250, 300, 350, 400], 700, [
      { label: ['（二）部分公开（区分处理的，只计这', '一情形，不计其他情形）'], numbers: ['16', '0', '16'] },
      { label: ['（三）不予公开'], numbers: ['1234', '5', '1239'] },
      { label: ['1.属于国家秘密'], numbers: ['-', '/', '0'] },
    ]);
    const input = await readInput(onePagePdf(table), 'word.pdf');
    assert.equal(
      input.text,
      ['（二）部分公开（区分处理的，只计这一情形，不计其他情形） | 16 | 0 | 16 |', '（三）不予公开 | 1234 | 5 | 1239 |', '1.属于国家秘密 | - | / | 0 |'].join('\n'),
    );
  });

  it('reads content drawn turned by a quarter (a landscape table on a portrait page) in reading order', async () => {
    const content = `q 0 1 -1 0 595 0 cm\n${cjkText(72, 500, '四、政府信息公开行政复议情况')}\n${cjkText(72, 480, '结果维持 1')}\nQ`;
    assert.equal((await readInput(onePagePdf(content), 'turned.pdf')).text, '四、政府信息公开行政复议情况\n结果维持 1');
  });

  it('reads an invisible OCR text layer, with a warning that its figures may be misread', async () => {
    const content = `3 Tr ${cjkText(72, 720, '全年共受理政府信息公开申请212件。')}`;
    const input = await readInput(onePagePdf(content), 'ocr.pdf');
    assert.equal(input.text, '全年共受理政府信息公开申请212件。');
    assert.deepEqual(input.warnings, ['PDF 第 1 页是扫描图像上的隐藏识别文字（OCR），数字可能识别有误，请对照原件核对']);
  });
});

describe('readInput refuses PDFs it cannot read faithfully', () => {
  it('a damaged PDF', async () => {
    assert.equal(await refusal(utf8('%PDF-1.4\n1 0 obj garbage endobj\ntrailer << >>\n%%EOF\n')), 'PDF 文件已损坏，无法打开');
  });

  it('a password-protected PDF', async () => {
    assert.equal(await refusal(passwordPdf()), 'PDF 文件已加密，需要密码才能打开，无法读取');
  });

  it('a PDF without a text layer (a scan)', async () => {
    const scan = onePagePdf('0.5 g 50 50 495 742 re f');
    assert.equal(await refusal(scan), 'PDF 是扫描件，无文字层：1 页中没有可读取的文字，需要先做文字识别（OCR）或提供文字版');
  });

  it('a PDF whose text comes out as private-use characters (a font without a Unicode mapping)', async () => {
    const garbled = onePagePdf(`BT /F2 12 Tf 72 720 Td <${'e001e002e003e004'.repeat(5)}> Tj ET`);
    assert.equal(await refusal(garbled), 'PDF 的文字无法解码：所用字体没有 Unicode 对照表，读出的是乱码；请提供原始文档（DOCX）或重新导出的 PDF');
  });
});
