// PDF → text lines with pdf.js (legacy build, no worker thread in Node): pages in order, tables rebuilt from their
// ruling lines (pdf-layout.ts), page furniture dropped and wrapped paragraphs joined (pdf-flow.ts). Refuses, with
// a Chinese message, what cannot be read faithfully: a damaged or password-protected file, a scan without a text
// layer, a text layer whose fonts have no Unicode mapping (a truncated file is refused before, in index.ts).
import { createRequire } from 'node:module';
import path from 'node:path';
import { getDocument, VerbosityLevel } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { ReaderError } from '../model.ts';
import { flowPages, type Page } from './pdf-flow.ts';
import { layoutPage } from './pdf-layout.ts';
import { readPage } from './pdf-page.ts';

export interface PdfText {
  text: string;
  warnings: string[];
}

export interface PdfLimits {
  maxPages: number;
  /** Milliseconds for the whole document. */
  timeout: number;
}

export const PDF_LIMITS: PdfLimits = { maxPages: 500, timeout: 120_000 };

const PDFJS_DIR = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

function openError(err: unknown): ReaderError {
  const name = err instanceof Error ? err.name : '';
  if (name === 'PasswordException') return new ReaderError('PDF 文件已加密，需要密码才能打开，无法读取');
  return new ReaderError('PDF 文件已损坏，无法打开');
}

/** Characters a font without a Unicode mapping produces: private use, controls, replacement characters. */
const UNMAPPED = /[\ue000-\uf8ff\x00-\x08\x0e-\x1f\ufffd]/g;

function pageRanges(pages: readonly number[]): string {
  const ranges: string[] = [];
  for (const [i, n] of pages.entries()) {
    if (i > 0 && pages[i - 1] === n - 1) ranges[ranges.length - 1] = `${ranges.at(-1)!.split('–')[0]}–${n}`;
    else ranges.push(String(n));
  }
  return ranges.join('、');
}

async function readPages(doc: PDFDocumentProxy, warnings: string[]): Promise<string> {
  const pages: Page[] = [];
  const hidden: number[] = [];
  let chars = 0;
  let unmapped = 0;
  for (let n = 1; n <= doc.numPages; n += 1) {
    const page = await doc.getPage(n);
    const { content, hiddenText } = await readPage(page);
    page.cleanup();
    for (const piece of content.pieces) {
      chars += piece.text.replace(/\s/g, '').length;
      unmapped += piece.text.match(UNMAPPED)?.length ?? 0;
    }
    if (hiddenText) hidden.push(n);
    const blocks = layoutPage(content, (message) => warnings.push(`PDF 第 ${n} 页：${message}`));
    pages.push({ height: content.height, blocks });
  }
  if (chars < 10 * doc.numPages) {
    throw new ReaderError(`PDF 是扫描件，无文字层：${doc.numPages} 页中没有可读取的文字，需要先做文字识别（OCR）或提供文字版`);
  }
  if (unmapped > chars * 0.2) {
    throw new ReaderError('PDF 的文字无法解码：所用字体没有 Unicode 对照表，读出的是乱码；请提供原始文档（DOCX）或重新导出的 PDF');
  }
  if (hidden.length > 0) {
    warnings.push(`PDF 第 ${pageRanges(hidden)} 页是扫描图像上的隐藏识别文字（OCR），数字可能识别有误，请对照原件核对`);
  }
  return flowPages(pages).join('\n');
}

export async function readPdf(bytes: Uint8Array, limits: PdfLimits = PDF_LIMITS): Promise<PdfText> {
  const task = getDocument({
    // pdf.js takes ownership of (detaches) the buffer it is given: give it a copy.
    data: new Uint8Array(bytes),
    disableFontFace: true,
    useSystemFonts: false,
    isEvalSupported: false,
    cMapUrl: `${PDFJS_DIR}/cmaps/`,
    cMapPacked: true,
    standardFontDataUrl: `${PDFJS_DIR}/standard_fonts/`,
    verbosity: VerbosityLevel.ERRORS,
  });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ReaderError(`PDF 读取超时（超过 ${limits.timeout / 1000} 秒），文件可能过于复杂或已损坏`)), limits.timeout);
  });
  const work = (async (): Promise<PdfText> => {
    const doc = await task.promise.catch((err: unknown) => {
      throw openError(err);
    });
    if (doc.numPages > limits.maxPages) {
      throw new ReaderError(`PDF 页数过多（${doc.numPages} 页），上限 ${limits.maxPages} 页`);
    }
    const warnings: string[] = [];
    const text = await readPages(doc, warnings).catch((err: unknown) => {
      throw err instanceof ReaderError ? err : new ReaderError('PDF 文件已损坏：页面内容无法读取');
    });
    return { text, warnings };
  })();
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
    work.catch(() => undefined);
    await task.destroy();
  }
}
