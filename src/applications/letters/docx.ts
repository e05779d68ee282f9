// A letter as a Word document laid out like an official letter (GB/T 9704 proportions): A4, body in 仿宋
// 三号 on a fixed 28 pt line, title in 黑体 centred, paragraphs indented two characters, signature on the right.
import { AlignmentType, Document, LineRuleType, Packer, Paragraph, TextRun, type IRunOptions } from 'docx';
import type { Letter } from './render.ts';

/** A4 and the GB/T 9704 margins (天头 37 mm, 订口 28 mm, 版心 156 × 225 mm), in twips. */
const PAGE = {
  size: { width: 11906, height: 16838 },
  margin: { top: 2098, bottom: 1984, left: 1587, right: 1474 },
};

/** 三号 = 16 pt; docx counts half-points. */
const BODY_SIZE = 32;
/** The title: 22 pt. */
const TITLE_SIZE = 44;
/** One character of body text (16 pt) in twips. */
const CHAR = 320;
/** The fixed line: 28 pt. */
const LINE = { line: 560, lineRule: LineRuleType.EXACT };

function font(name: string): IRunOptions['font'] {
  return { ascii: name, hAnsi: name, eastAsia: name, cs: name };
}

const BODY_FONT = font('FangSong');
const TITLE_FONT = font('SimHei');

/** Runs of one paragraph; a line break inside the text (a list of items to correct) stays a line break. */
function runs(text: string, options: IRunOptions = {}): TextRun[] {
  return text.split('\n').map((line, i) => new TextRun({ ...options, text: line, break: i > 0 ? 1 : undefined }));
}

export async function letterDocx(letter: Letter): Promise<Uint8Array> {
  const children: Paragraph[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 560, line: 720, lineRule: LineRuleType.AT_LEAST },
      children: runs(letter.title, { font: TITLE_FONT, size: TITLE_SIZE }),
    }),
  ];
  if (letter.number) children.push(new Paragraph({ alignment: AlignmentType.RIGHT, children: runs(letter.number) }));
  children.push(new Paragraph({ children: runs(letter.salutation) }));
  for (const text of letter.paragraphs) {
    children.push(new Paragraph({ indent: { firstLineChars: 200, firstLine: 2 * CHAR }, children: runs(text) }));
  }
  const signature = { alignment: AlignmentType.RIGHT, indent: { right: 4 * CHAR } };
  children.push(
    new Paragraph({ children: [] }),
    new Paragraph({ ...signature, children: runs(letter.signature.seal) }),
    new Paragraph({ ...signature, children: runs(letter.signature.agency) }),
    new Paragraph({ ...signature, children: runs(letter.signature.date) }),
  );

  const doc = new Document({
    title: letter.title,
    creator: letter.signature.agency,
    styles: {
      default: {
        document: {
          run: { font: BODY_FONT, size: BODY_SIZE, language: { value: 'zh-CN', eastAsia: 'zh-CN' } },
          paragraph: { spacing: LINE },
        },
      },
    },
    sections: [{ properties: { page: PAGE }, children }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
