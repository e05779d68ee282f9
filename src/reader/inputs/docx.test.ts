import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Document, ImageRun, Packer, Paragraph } from 'docx';
import { report000, report001, toDocx, toHtml } from '../../../test/fixtures/inputs/corpus.ts';
import { missingLines, refusal } from '../../../test/fixtures/inputs/expect.ts';
import { storedZip } from '../../../test/fixtures/inputs/files.ts';
import { htmlToText } from './html.ts';
import { readInput } from './index.ts';

/** A 1×1 PNG. */
const PNG = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg=='),
  (ch) => ch.charCodeAt(0),
);

describe('readInput on DOCX files generated from the corpus', () => {
  it('reads report 001 (merged cells as Word merges) into the same lines as the HTML page', async () => {
    const r = report001();
    const input = await readInput(await toDocx(r.blocks), 'report.docx');
    assert.equal(input.kind, 'docx');
    assert.equal(input.text, htmlToText(toHtml(r.blocks)));
    assert.deepEqual(missingLines(input.text, r.rowLines), []);
  });

  it('reads report 000 legacy table, a label of two paragraphs in one cell joined again', async () => {
    const r = report000();
    const input = await readInput(await toDocx(r.blocks), 'report.docx');
    assert.deepEqual(missingLines(input.text, r.rowLines), []);
  });
});

describe('readInput refuses DOCX files it cannot read', () => {
  it('a document with only a picture (a pasted scan): no text', async () => {
    const doc = new Document({
      sections: [{ children: [new Paragraph({ children: [new ImageRun({ type: 'png', data: PNG, transformation: { width: 10, height: 10 } })] })] }],
    });
    const bytes = new Uint8Array(await Packer.toBuffer(doc));
    assert.equal(await refusal(bytes), 'DOCX 文件里没有文字（可能只有图片或扫描件），无法读取');
  });

  it('a DOCX whose document part is not XML', async () => {
    const bytes = storedZip({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document><<<不是XML' });
    assert.equal(await refusal(bytes), 'DOCX 文件无法读取：文件已损坏，或不是 Word 文档（word/document.xml 缺失或格式错误）');
  });
});
