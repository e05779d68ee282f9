import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { inflateRawSync } from 'node:zlib';
import mammoth from 'mammoth';
import { zipEntries } from '../../reader/inputs/zip.ts';
import { letterDocx } from './docx.ts';
import { renderLetter } from './render.ts';
import { sampleData } from './testing.ts';

/** The text of word/document.xml, unpacked by mammoth. */
async function rawText(bytes: Uint8Array): Promise<string> {
  return (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value;
}

/** One file of a ZIP, found through the central directory and inflated (DOCX parts are deflated or stored). */
function zipFile(bytes: Uint8Array, name: string): string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = bytes.length - 22;
  while (end >= 0 && view.getUint32(end, true) !== 0x06054b50) end -= 1;
  let at = view.getUint32(end + 16, true);
  for (let i = 0; i < view.getUint16(end + 10, true); i += 1) {
    const method = view.getUint16(at + 10, true);
    const size = view.getUint32(at + 20, true);
    const nameLength = view.getUint16(at + 28, true);
    const local = view.getUint32(at + 42, true);
    if (new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength)) === name) {
      const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
      const data = bytes.subarray(start, start + size);
      return new TextDecoder().decode(method === 8 ? inflateRawSync(data) : data);
    }
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  throw new Error(`${name} not in the ZIP`);
}

describe('letterDocx', () => {
  it('writes a valid Word document whose text has the title, the applicant and every paragraph', async () => {
    const letter = renderLetter('reply', sampleData({ replyClass: 'withheld', replyReason: 'third_party' }));
    const bytes = await letterDocx(letter);
    assert.deepEqual([...bytes.subarray(0, 2)], [0x50, 0x4b], 'a ZIP file');
    const names = (zipEntries(bytes) ?? []).map((e) => e.name);
    assert.ok(names.includes('word/document.xml'), names.join(', '));
    const text = await rawText(bytes);
    assert.ok(text.includes('政府信息不予公开告知书'));
    assert.ok(text.includes('张三：'));
    for (const p of letter.paragraphs) assert.ok(text.includes(p), `missing paragraph: ${p}`);
    assert.ok(text.includes('某市生态环境局'));
    assert.ok(text.includes('2026年11月25日'));
  });

  it('lays the page out as an official letter: A4, 仿宋 三号, 黑体 title, two-character indent', async () => {
    const bytes = await letterDocx(renderLetter('extension', sampleData()));
    const documentXml = zipFile(bytes, 'word/document.xml');
    const styles = zipFile(bytes, 'word/styles.xml');
    assert.match(documentXml, /<w:pgSz w:w="11906" w:h="16838"/);
    assert.match(documentXml, /w:firstLineChars="200"/);
    assert.match(documentXml, /w:eastAsia="SimHei"/);
    assert.match(documentXml, /<w:sz w:val="44"\/>/);
    assert.match(documentXml, /<w:jc w:val="center"\/>/);
    assert.match(documentXml, /<w:jc w:val="right"\/>/);
    assert.match(styles, /w:eastAsia="FangSong"/);
    assert.match(styles, /<w:sz w:val="32"\/>/);
  });

  it('keeps the lines of a list of corrections as line breaks', async () => {
    const documentXml = zipFile(await letterDocx(renderLetter('correction', sampleData())), 'word/document.xml');
    assert.match(documentXml, /请写明文件名称或者文号<\/w:t><\/w:r><w:r>(<w:rPr>.*?<\/w:rPr>)?<w:br\/><w:t[^>]*>2\. 请写明/);
  });

  it('writes the 文号 only when the letter has one', async () => {
    const without = await rawText(await letterDocx(renderLetter('fee', sampleData({ letterNumber: undefined }))));
    assert.ok(!without.includes('〔2026〕第12号'));
    const withNumber = await rawText(await letterDocx(renderLetter('fee', sampleData())));
    assert.ok(withNumber.includes('某环信〔2026〕第12号'));
  });
});
