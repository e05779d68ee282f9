// The whole reader on the corpus reports rebuilt as a web page (UTF-8 and GBK) and as a Word document: the cells
// parsed from each must equal those parsed from the corpus text. (The printed PDFs: pdf.chromium.test.ts.)
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { corpusText, report000, report001, toDocx, toHtml } from '../../../test/fixtures/inputs/corpus.ts';
import { gbkEncode } from '../../../test/fixtures/inputs/files.ts';
import { parseFile, parseText } from '../parse.ts';

const REPORTS = [
  { n: '001', name: '001_e66a2b34805dc888', build: report001 },
  { n: '000', name: '000_98e2bdf78905cace', build: report000 },
] as const;

describe('parseFile on HTML and DOCX made from the corpus gives the cells of the corpus text', () => {
  for (const { n, name, build } of REPORTS) {
    const fromText = parseText(corpusText(name), `${n}.txt`);
    const blocks = build().blocks;

    it(`report ${n}: the text itself has the cells (${Object.keys(fromText.cells).length})`, () => {
      assert.ok(Object.keys(fromText.cells).length > 50);
    });

    it(`report ${n} as an HTML page, UTF-8 and GBK`, async () => {
      for (const bytes of [new TextEncoder().encode(toHtml(blocks)), gbkEncode(toHtml(blocks, { charset: 'gbk' }))]) {
        const fromHtml = await parseFile(bytes, `${n}.html`);
        assert.deepEqual(fromHtml.cells, fromText.cells);
        assert.deepEqual(fromHtml.warnings, fromText.warnings);
      }
    });

    it(`report ${n} as a DOCX`, async () => {
      const fromDocx = await parseFile(await toDocx(blocks), `${n}.docx`);
      assert.deepEqual(fromDocx.cells, fromText.cells);
      assert.deepEqual(fromDocx.warnings, fromText.warnings);
    });
  }
});
