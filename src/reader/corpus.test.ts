// The whole reader on the corpus: for each report test/fixtures/reports/NNN_*.txt, the cells and metadata equal
// those typed by hand in NNN.expected.json — no cell missing, none extra, none wrong.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parseFile, parseText } from './parse.ts';

const DIR = new URL('../../test/fixtures/reports/', import.meta.url);

interface Expected {
  agency: string;
  year: number;
  format: string;
  variant: string | null;
  cells: Record<string, number | null>;
}

const reports = readdirSync(DIR).filter((name) => /^\d{3}_.*\.txt$/.test(name)).sort();

describe('corpus reports', () => {
  it('has the five reports', () => assert.equal(reports.length, 5));

  for (const name of reports) {
    it(name, () => {
      const expected = JSON.parse(readFileSync(new URL(`${name.slice(0, 3)}.expected.json`, DIR), 'utf8')) as Expected;
      const report = parseText(readFileSync(new URL(name, DIR), 'utf8'), name);
      assert.equal(report.error, undefined);
      assert.deepEqual(
        { agency: report.agency, year: report.year, format: report.format, variant: report.variant },
        { agency: expected.agency, year: expected.year, format: expected.format, variant: expected.variant },
      );
      const missing = Object.keys(expected.cells).filter((id) => !(id in report.cells));
      const extra = Object.keys(report.cells).filter((id) => !(id in expected.cells));
      const wrong = Object.keys(expected.cells).filter((id) => id in report.cells && report.cells[id] !== expected.cells[id]);
      assert.deepEqual({ missing, extra, wrong: wrong.map((id) => `${id}: ${report.cells[id]} ≠ ${expected.cells[id]}`) }, { missing: [], extra: [], wrong: [] });
      for (const [id, source] of Object.entries(report.sources)) {
        assert.ok(source.line >= 1 && source.text !== '', `${id} has a source`);
        const value = report.cells[id];
        if (source.from === 'table' && typeof value === 'number') {
          assert.ok(source.text.replace(/[,，]/g, '').includes(String(value)), `${id} = ${value} is in its source row: ${source.text}`);
        }
      }
    });
  }

  it('parseFile reads the bytes of a text report the same way', async () => {
    const name = reports.find((n) => n.startsWith('001_'))!;
    const bytes = readFileSync(new URL(name, DIR));
    const fromFile = await parseFile(new Uint8Array(bytes), name);
    const fromText = parseText(bytes.toString('utf8'), name);
    assert.deepEqual(fromFile.cells, fromText.cells);
    assert.equal(fromFile.format, 'fmt2021');
  });

  it('parseFile gives an error report, not an exception, for a file it cannot read', async () => {
    const report = await parseFile(new Uint8Array(0), 'empty.txt');
    assert.equal(report.file, 'empty.txt');
    assert.match(report.error ?? '', /文件为空/);
    assert.deepEqual([report.cells, report.figures, report.checks, report.format], [{}, [], [], null]);
  });
});
