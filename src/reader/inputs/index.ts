// Any input file → text for the reader: the kind is detected from the content (never the file name), the size
// is checked before anything is parsed, and whatever cannot be read faithfully is refused with a ReaderError
// whose message says why in Chinese. Tables come out as one line per row with cells joined by ` | `.
import { ReaderError } from '../model.ts';
import { cleanGlyphs } from './chars.ts';
import { declaredCharset, decodeText, looksBinary } from './decode.ts';
import { zipEntries, type ZipEntry } from './zip.ts';

export type InputKind = 'text' | 'html' | 'docx' | 'pdf';

export interface InputText {
  kind: InputKind;
  text: string;
  /** What the reader should know about how the text was obtained (OCR layer, a table cell it could not split). */
  warnings: string[];
}

export interface InputLimits {
  /** Largest file accepted, in bytes. */
  maxBytes: number;
  /** Largest total the entries of a DOCX may unpack to, in bytes (a ZIP bomb is refused before unpacking). */
  maxUnpacked: number;
}

export const INPUT_LIMITS: InputLimits = { maxBytes: 20_000_000, maxUnpacked: 200_000_000 };

function megabytes(bytes: number): string {
  return (bytes / 1_000_000).toFixed(1).replace(/\.0$/, '');
}

function startsWith(bytes: Uint8Array, signature: readonly number[], at = 0): boolean {
  return signature.every((b, i) => bytes[at + i] === b);
}

function ascii(bytes: Uint8Array, from: number, to: number): string {
  return new TextDecoder('latin1').decode(bytes.subarray(from, to));
}

const SUPPORTED = '请提供报告的文字版（HTML、DOCX、PDF 或文本文件）';

/** Formats recognised by their first bytes that this reader does not read, with the reason. */
const UNSUPPORTED: readonly { signature: readonly number[]; message: string }[] = [
  { signature: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], message: '这是旧版 Office/WPS 文件（.doc、.xls、.wps），暂不支持：请另存为 DOCX 或 PDF' },
  { signature: [0x89, 0x50, 0x4e, 0x47], message: `这是图片文件（PNG），没有文字层：${SUPPORTED}` },
  { signature: [0xff, 0xd8, 0xff], message: `这是图片文件（JPEG），没有文字层：${SUPPORTED}` },
  { signature: [0x47, 0x49, 0x46, 0x38], message: `这是图片文件（GIF），没有文字层：${SUPPORTED}` },
  { signature: [0x49, 0x49, 0x2a, 0x00], message: `这是图片文件（TIFF），没有文字层：${SUPPORTED}` },
  { signature: [0x4d, 0x4d, 0x00, 0x2a], message: `这是图片文件（TIFF），没有文字层：${SUPPORTED}` },
  { signature: [0x52, 0x61, 0x72, 0x21], message: '这是 RAR 压缩包，不是报告：请解压后分别读取其中的文件' },
  { signature: [0x37, 0x7a, 0xbc, 0xaf], message: '这是 7z 压缩包，不是报告：请解压后分别读取其中的文件' },
  { signature: [0x7b, 0x5c, 0x72, 0x74, 0x66], message: '这是 RTF 文档，暂不支持：请另存为 DOCX 或 PDF' },
];

const GARBAGE = '无法识别的文件格式：既不是文本、HTML、DOCX，也不是 PDF';

/** The first bytes say PDF: %PDF- within the first KiB (junk before the header is allowed). */
function isPdf(bytes: Uint8Array): boolean {
  return ascii(bytes, 0, 1024).includes('%PDF-');
}

/** A PDF ends with %%EOF (trailing whitespace or a little junk allowed): without it the file was cut short. */
function isCompletePdf(bytes: Uint8Array): boolean {
  return ascii(bytes, Math.max(0, bytes.length - 4096), bytes.length).includes('%%EOF');
}

/** Why a ZIP file is not read, naming what it is instead; null for a DOCX. */
function zipRefusal(entries: readonly ZipEntry[]): string | null {
  const names = entries.map((e) => e.name);
  if (names.some((n) => /^word\/[^/]*document[^/]*\.xml$/i.test(n))) return null;
  if (names.some((n) => n.startsWith('xl/'))) return `这是 Excel 表格（XLSX），不是报告全文：${SUPPORTED}`;
  if (names.some((n) => n.startsWith('ppt/'))) return `这是 PowerPoint 演示文稿（PPTX），不是报告全文：${SUPPORTED}`;
  if (names.some((n) => /(^|\/)OFD\.xml$/i.test(n))) return '这是 OFD 版式文件，暂不支持：请另存为 PDF';
  if (names.includes('mimetype') && names.some((n) => n.startsWith('META-INF/'))) return '这是 ODF/EPUB 文档，暂不支持：请另存为 DOCX 或 PDF';
  return `这是 ZIP 压缩包，不是 DOCX 文档：请解压后分别读取其中的报告文件`;
}

/** HTML: markup with html/head/body/table/p/div tags, after an optional BOM and whitespace. */
function isHtml(text: string): boolean {
  const start = text.replace(/^\ufeff/, '').trimStart().slice(0, 65536);
  return start.startsWith('<') && /<(?:!doctype\s+html|html|head|body|table|p|div|meta|title|span|br)\b/i.test(start);
}

async function readZip(bytes: Uint8Array, limits: InputLimits): Promise<InputText> {
  const entries = zipEntries(bytes);
  if (entries === null) throw new ReaderError('文件是 ZIP/DOCX 格式，但已损坏或不完整（找不到文件目录），无法读取');
  const refusal = zipRefusal(entries);
  if (refusal !== null) throw new ReaderError(refusal);
  const unpacked = entries.reduce((sum, e) => sum + e.size, 0);
  if (unpacked > limits.maxUnpacked) {
    throw new ReaderError(`DOCX 解压后过大（${megabytes(unpacked)} MB），上限 ${megabytes(limits.maxUnpacked)} MB`);
  }
  const { readDocx } = await import('./docx.ts');
  return { kind: 'docx', text: await readDocx(bytes), warnings: [] };
}

async function readMarkupOrText(bytes: Uint8Array): Promise<InputText> {
  const decoded = decodeText(bytes, declaredCharset(bytes));
  if (decoded === null || looksBinary(decoded.text)) throw new ReaderError(GARBAGE);
  if (isHtml(decoded.text)) {
    const { htmlToText } = await import('./html.ts');
    return { kind: 'html', text: htmlToText(decoded.text), warnings: [] };
  }
  return { kind: 'text', text: decoded.text.replace(/\r\n?/g, '\n'), warnings: [] };
}

async function read(bytes: Uint8Array, limits: InputLimits): Promise<InputText> {
  if (bytes.length === 0) throw new ReaderError('文件为空');
  if (bytes.length > limits.maxBytes) {
    throw new ReaderError(`文件过大（${megabytes(bytes.length)} MB），上限 ${megabytes(limits.maxBytes)} MB`);
  }
  if (isPdf(bytes)) {
    if (!isCompletePdf(bytes)) throw new ReaderError('PDF 文件不完整：缺少文件结尾标记（%%EOF），可能下载中断或文件被截断');
    const { readPdf } = await import('./pdf.ts');
    return { kind: 'pdf', ...(await readPdf(bytes)) };
  }
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return readZip(bytes, limits);
  const unsupported = UNSUPPORTED.find((u) => startsWith(bytes, u.signature));
  if (unsupported !== undefined) throw new ReaderError(unsupported.message);
  return readMarkupOrText(bytes);
}

/**
 * Reads an input file into text. `file` is only the name shown to the user; the kind comes from the content.
 * Throws ReaderError (never anything else) when the file cannot be read.
 */
export async function readInput(bytes: Uint8Array, file: string, limits: InputLimits = INPUT_LIMITS): Promise<InputText> {
  try {
    const input = await read(bytes, limits);
    return { ...input, text: cleanGlyphs(input.text) };
  } catch (err) {
    if (err instanceof ReaderError) throw err;
    const reason = err instanceof RangeError ? '结构过深或过大' : '内部错误';
    throw new ReaderError(`文件无法读取（${reason}）：${file}`);
  }
}
