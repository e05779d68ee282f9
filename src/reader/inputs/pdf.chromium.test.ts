// PDFs printed by Chromium from the corpus reports (one browser launch for the file): the tables must come back
// row by row with their numbers, the page furniture must go, and the parsed cells must equal those of the text.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser } from 'playwright-core';
import { corpusText, report000, report001, toHtml, type BuiltReport } from '../../../test/fixtures/inputs/corpus.ts';
import { missingLines, refusal } from '../../../test/fixtures/inputs/expect.ts';
import { parseFile, parseText } from '../parse.ts';
import { readInput, type InputText } from './index.ts';

const RUNNING_HEADER = '天津市人力资源和社会保障局政府信息公开工作年度报告';
const CSS = 'body{font-size:14px} table{border-collapse:collapse;width:100%} td{border:1px solid #000;padding:2px 4px;text-align:center} h2{font-size:16px}';

let browser: Browser | undefined;
const printed = new Map<string, Uint8Array>();
const reads = new Map<string, Promise<InputText>>();

/** readInput on a printed PDF, once per PDF for the whole file. */
function read(n: string): Promise<InputText> {
  if (!reads.has(n)) reads.set(n, readInput(printed.get(n)!, `${n}.pdf`));
  return reads.get(n)!;
}

async function print(html: string, furniture = true): Promise<Uint8Array> {
  const page = await browser!.newPage();
  try {
    await page.setContent(html);
    return new Uint8Array(
      await page.pdf({
        format: 'A4',
        displayHeaderFooter: furniture,
        headerTemplate: `<div style="font-size:9px;width:100%;text-align:center">${RUNNING_HEADER}</div>`,
        footerTemplate: '<div style="font-size:10px;width:100%;text-align:center">- <span class="pageNumber"></span> -</div>',
        margin: { top: '60px', bottom: '60px', left: '50px', right: '50px' },
      }),
    );
  } finally {
    await page.close();
  }
}

before(async () => {
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu'] });
  printed.set('001', await print(toHtml(report001().blocks, { css: CSS })));
  printed.set('000', await print(toHtml(report000().blocks, { css: CSS })));
  printed.set('blank', await print('<html><body><div style="width:300px;height:300px;background:#888"></div></body></html>', false));
});

after(async () => {
  await browser?.close();
});

/** Lines compared without spaces (a wrapped label may be joined with one) and without empty trailing cells. */
const same = (line: string): string => line.replace(/\s/g, '').replace(/\|+$/, '');

function assertRows(text: string, report: BuiltReport): void {
  assert.deepEqual(missingLines(text, report.rowLines, same), [], `rows missing from:\n${text}`);
}

describe('readInput on PDFs printed by Chromium', () => {
  it('report 001: every row of tables 二, 三 and 四 with its labels and numbers in order; header and page numbers gone', async () => {
    const input = await read('001');
    assert.equal(input.kind, 'pdf');
    assert.deepEqual(input.warnings, []);
    assertRows(input.text, report001());
    const lines = input.text.split('\n');
    assert.ok(!lines.includes(RUNNING_HEADER));
    assert.ok(!lines.some((l) => /^-\s*\d+\s*-$/.test(l)));
    assert.doesNotMatch(input.text, /[\u2e80-\u2fdf]/u, 'radical code points left in the text');
  });

  it('report 001: a paragraph wrapped over many lines comes back as one line', async () => {
    const { text } = await read('001');
    const paragraph = corpusText('001_e66a2b34805dc888').split('\n').find((l) => l.startsWith('(二)依申请公开信息情况'))!;
    assert.ok(text.split('\n').includes(paragraph), text);
  });

  it('report 000: every row of the legacy table as label | unit | value', async () => {
    assertRows((await read('000')).text, report000());
  });

  it('a printed page with no text at all is refused as a scan', async () => {
    assert.match(await refusal(printed.get('blank')!), /^PDF 是扫描件，无文字层/);
  });
});

describe('parseFile on the printed PDFs gives the cells of the corpus text', () => {
  for (const [n, name] of [['001', '001_e66a2b34805dc888'], ['000', '000_98e2bdf78905cace']] as const) {
    it(`report ${n}`, async () => {
      const fromText = parseText(corpusText(name), `${n}.txt`);
      const fromPdf = await parseFile(printed.get(n)!, `${n}.pdf`);
      assert.equal(fromPdf.error, undefined);
      assert.ok(Object.keys(fromText.cells).length > 50);
      assert.deepEqual(fromPdf.cells, fromText.cells);
      assert.deepEqual(fromPdf.warnings, fromText.warnings);
    });
  }
});
