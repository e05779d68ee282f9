// Bytes → text for text and HTML files: UTF-8 (with or without BOM), UTF-16 (BOM, or ASCII-range text without
// one), the charset an HTML page declares, and GB18030/GBK (the usual encoding of older Chinese pages and
// files) when the bytes are not UTF-8 but read cleanly as Chinese text. Pure.

export interface Decoded {
  text: string;
  /** The WHATWG name of the encoding used (utf-8, utf-16le, gb18030 …). */
  encoding: string;
}

function decoder(label: string, fatal = false): TextDecoder | null {
  try {
    return new TextDecoder(label, { fatal, ignoreBOM: false });
  } catch {
    return null;
  }
}

function strict(bytes: Uint8Array, label: string): string | null {
  try {
    return decoder(label, true)?.decode(bytes) ?? null;
  } catch {
    return null;
  }
}

function bomEncoding(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/** UTF-16 without a BOM, recognisable when most characters are ASCII: every other byte is zero. */
function utf16WithoutBom(bytes: Uint8Array): string | null {
  const sample = bytes.subarray(0, 4096 - (Math.min(bytes.length, 4096) % 2));
  if (sample.length < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < sample.length; i += 2) {
    if (sample[i] === 0) evenZero += 1;
    if (sample[i + 1] === 0) oddZero += 1;
  }
  const pairs = sample.length / 2;
  if (oddZero > pairs * 0.3 && evenZero < pairs * 0.05) return 'utf-16le';
  if (evenZero > pairs * 0.3 && oddZero < pairs * 0.05) return 'utf-16be';
  return null;
}

/** The charset an HTML page declares in its first 4 KiB (<meta charset> or http-equiv Content-Type). */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const match = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  return match?.[1]?.toLowerCase() ?? null;
}

const COMMON_CJK = /[\u3001-\u303f\u4e00-\u9fff\uff01-\uff5e]/g;
const NON_ASCII = /[^\x00-\x7f]/g;

/** Few replacement characters, and the non-ASCII characters are mostly common Chinese: the decoding is right. */
function readsAsChinese(text: string): boolean {
  const bad = text.match(/\ufffd/g)?.length ?? 0;
  const nonAscii = text.match(NON_ASCII)?.length ?? 0;
  const cjk = text.match(COMMON_CJK)?.length ?? 0;
  return bad <= Math.max(2, text.length / 1000) && cjk > 0 && cjk >= (nonAscii - bad) * 0.8;
}

/** Decodes a text or HTML file; null when no encoding gives readable text (binary data). */
export function decodeText(bytes: Uint8Array, declared: string | null = null): Decoded | null {
  const bom = bomEncoding(bytes);
  if (bom !== null) return { text: decoder(bom)!.decode(bytes), encoding: bom };
  const utf16 = utf16WithoutBom(bytes);
  if (utf16 !== null) return { text: decoder(utf16)!.decode(bytes), encoding: utf16 };
  const utf8 = strict(bytes, 'utf-8');
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8' };
  // A UTF-8 file with a broken byte or two (a truncated download) is still UTF-8, not GBK mojibake.
  const lenientUtf8 = decoder('utf-8')!.decode(bytes);
  if (readsAsChinese(lenientUtf8)) return { text: lenientUtf8, encoding: 'utf-8' };
  const named = declared === null || /^utf-?8$/.test(declared) ? null : decoder(declared);
  if (named !== null) return { text: named.decode(bytes), encoding: named.encoding };
  const gb = decoder('gb18030')!.decode(bytes);
  if (readsAsChinese(gb)) return { text: gb, encoding: 'gb18030' };
  return null;
}

/** Control characters (other than tab, line breaks, form feed) and replacement characters: binary data. */
const GARBAGE = /[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffd\ufffe\uffff]/g;

/** True when a decoded text is mostly binary data. */
export function looksBinary(text: string): boolean {
  const sample = text.slice(0, 65536);
  if (sample.trim() === '') return false;
  return (sample.match(GARBAGE)?.length ?? 0) > sample.length * 0.01;
}
