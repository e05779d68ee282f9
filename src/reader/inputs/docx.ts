// DOCX → HTML (mammoth) → the HTML reader, so Word tables come out exactly as HTML tables do (mammoth turns
// merged cells into rowspan/colspan). Images are not converted (no data URIs), linked files are not read.
import mammoth from 'mammoth';
import { ReaderError } from '../model.ts';
import { htmlToText } from './html.ts';

const dropImages = mammoth.images.imgElement(async () => ({ src: '' }));

export async function readDocx(bytes: Uint8Array): Promise<string> {
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      { convertImage: dropImages, externalFileAccess: false },
    );
    html = result.value;
  } catch {
    throw new ReaderError('DOCX 文件无法读取：文件已损坏，或不是 Word 文档（word/document.xml 缺失或格式错误）');
  }
  const text = htmlToText(html);
  if (text.replace(/\s/g, '').length === 0) {
    throw new ReaderError('DOCX 文件里没有文字（可能只有图片或扫描件），无法读取');
  }
  return text;
}
