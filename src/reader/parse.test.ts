// The pipeline on other inputs than plain text: corpus 001 rewritten as an HTML page and as a DOCX document (tables
// as real tables) must give the cells typed by hand in 001.expected.json.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import { parseFile, parseText } from './parse.ts';

const DIR = new URL('../../test/fixtures/reports/', import.meta.url);
const SOURCE = readFileSync(new URL('001_e66a2b34805dc888.txt', DIR), 'utf8');
const EXPECTED = JSON.parse(readFileSync(new URL('001.expected.json', DIR), 'utf8')) as { cells: Record<string, number | null> };

/** 001's lines as blocks: a run of lines with pipes is one table (its cells without the padding), others paragraphs. */
function blocks(): ({ table: string[][] } | { paragraph: string })[] {
  const out: ({ table: string[][] } | { paragraph: string })[] = [];
  for (const line of SOURCE.split('\n')) {
    if (!line.includes('|')) {
      out.push({ paragraph: line });
      continue;
    }
    const cells = line.split('|').map((c) => c.trim()).filter((c) => c !== '');
    const last = out[out.length - 1];
    if (last && 'table' in last) last.table.push(cells);
    else out.push({ table: [cells] });
  }
  return out;
}

const escape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

function asHtml(): string {
  const body = blocks()
    .map((b) => ('paragraph' in b ? `<p>${escape(b.paragraph)}</p>` : `<table>${b.table.map((r) => `<tr>${r.map((c) => `<td>${escape(c)}</td>`).join('')}</tr>`).join('')}</table>`))
    .join('\n');
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>年度报告</title><script>var x = 1;</script></head><body>${body}</body></html>`;
}

async function asDocx(): Promise<Uint8Array> {
  const children = blocks().map((b) =>
    'paragraph' in b
      ? new Paragraph(b.paragraph)
      : new Table({ rows: b.table.map((r) => new TableRow({ children: r.map((c) => new TableCell({ children: [new Paragraph(c)] })) })) }),
  );
  return new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children }] })));
}

describe('parseFile', () => {
  it('reads 001 as an HTML page', async () => {
    const report = await parseFile(new TextEncoder().encode(asHtml()), '001.html');
    assert.equal(report.error, undefined);
    assert.equal(report.format, 'fmt2021');
    assert.equal(report.agency, '天津市人力资源和社会保障局');
    assert.deepEqual(report.cells, EXPECTED.cells);
  });

  it('reads 001 as a DOCX document', async () => {
    const report = await parseFile(await asDocx(), '001.docx');
    assert.equal(report.error, undefined);
    assert.equal(report.year, 2022);
    assert.deepEqual(report.cells, EXPECTED.cells);
  });
});

describe('parseText', () => {
  it('puts table figures first and fills from prose only cells no table gave', () => {
    const report = parseText(SOURCE, '001.txt');
    for (const [id, source] of Object.entries(report.sources)) assert.equal(source.from, 'table', id);
    assert.equal(report.figures.filter((f) => f.from === 'table').length, 200);
    assert.equal(report.sources['t3.new/total']?.line, 28);
    assert.deepEqual(report.years, { title: 2022, period: null, template: 2021 });
  });

  it('gives empty results, not an exception, for text that is no report', () => {
    const report = parseText('', 'empty.txt');
    assert.deepEqual([report.agency, report.year, report.format, report.cells], [null, null, null, {}]);
  });
});
