import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { corpusText } from '../../../test/fixtures/inputs/corpus.ts';
import { gbkEncode, randomBytes } from '../../../test/fixtures/inputs/files.ts';
import { declaredCharset, decodeText, looksBinary } from './decode.ts';

const REPORT = corpusText('001_e66a2b34805dc888');
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

function utf16(text: string, bigEndian: boolean, bom: boolean): Uint8Array {
  const out = new Uint8Array((text.length + (bom ? 1 : 0)) * 2);
  const view = new DataView(out.buffer);
  const units = bom ? [0xfeff, ...Array.from(text, (_, i) => text.charCodeAt(i))] : Array.from(text, (_, i) => text.charCodeAt(i));
  for (const [i, unit] of units.entries()) view.setUint16(i * 2, unit, !bigEndian);
  return out;
}

describe('decodeText', () => {
  it('reads UTF-8 with and without a BOM', () => {
    assert.deepEqual(decodeText(utf8(REPORT)), { text: REPORT, encoding: 'utf-8' });
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(REPORT)]);
    assert.deepEqual(decodeText(withBom), { text: REPORT, encoding: 'utf-8' });
  });

  it('reads UTF-16 with a BOM in both byte orders, and ASCII-range UTF-16 without one', () => {
    assert.equal(decodeText(utf16(REPORT, false, true))?.text, REPORT);
    assert.equal(decodeText(utf16(REPORT, true, true))?.text, REPORT);
    const ascii = 'Annual report 2022: 212 requests, 213 closed.\n';
    assert.deepEqual(decodeText(utf16(ascii, false, false)), { text: ascii, encoding: 'utf-16le' });
  });

  it('reads a GBK file (not UTF-8, clean Chinese as GB18030)', () => {
    assert.deepEqual(decodeText(gbkEncode(REPORT)), { text: REPORT, encoding: 'gb18030' });
  });

  it('uses the charset an HTML page declares, and GB18030 when a page wrongly declares UTF-8', () => {
    const page = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body><p>${REPORT}</p></body></html>`;
    const bytes = gbkEncode(page);
    assert.equal(declaredCharset(bytes), 'gb2312');
    assert.deepEqual(decodeText(bytes, declaredCharset(bytes)), { text: page, encoding: 'gbk' });
    const lying = gbkEncode(page.replace('gb2312', 'utf-8'));
    assert.equal(decodeText(lying, declaredCharset(lying))?.encoding, 'gb18030');
  });

  it('keeps a UTF-8 file with one broken byte as UTF-8 rather than reading it as GBK mojibake', () => {
    const bytes = utf8(REPORT);
    bytes[100] = 0xff;
    const decoded = decodeText(bytes);
    assert.equal(decoded?.encoding, 'utf-8');
    assert.ok(decoded?.text.includes('全年共受理政府信息公开申请212件'));
  });

  it('gives null for random bytes', () => {
    assert.equal(decodeText(randomBytes(65536)), null);
  });
});

describe('looksBinary', () => {
  it('flags text full of control characters, not ordinary text', () => {
    assert.equal(looksBinary(`ELF\0\0\0\x01\x02${'\0'.repeat(200)}abc`), true);
    assert.equal(looksBinary(REPORT), false);
    assert.equal(looksBinary('\t\n\r 表格\f'), false);
  });
});
