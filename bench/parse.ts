// The report reader on one core: the five corpus reports (test/fixtures/reports) parsed again and again —
// as text with parseText, and as HTML pages (built here from the same texts: pipe rows as <table> rows,
// other lines as paragraphs) with parseFile, which detects and decodes the input first. The baseline,
// measured in the same run on the same texts, is normalisation alone (normalizeText: line split, width
// folding, traditional→simplified test, furniture marking) — the floor under any reading of the text; a
// plain line split is printed too. Target: ≥ 1,000 text reports per second on one core.
import { readdirSync, readFileSync } from 'node:fs';
import { normalizeText } from '../src/reader/normalize.ts';
import { parseFile, parseText } from '../src/reader/parse.ts';

const DIR = new URL('../test/fixtures/reports/', import.meta.url);
const TEXT_SECONDS = 5;
const OTHER_SECONDS = 2;
const TARGET_PER_SECOND = 1_000;

const corpus = readdirSync(DIR)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((name) => ({ name, text: readFileSync(new URL(name, DIR), 'utf8') }));

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A report as a web page: runs of pipe-separated lines become a <table>, every other line a <p>. */
function asHtml(text: string): Uint8Array {
  const out: string[] = ['<!doctype html><html><head><meta charset="utf-8"><title>年度报告</title></head><body>'];
  let inTable = false;
  for (const line of text.split(/\r?\n/)) {
    const isRow = line.includes('|');
    if (isRow !== inTable) out.push(isRow ? '<table>' : '</table>');
    inTable = isRow;
    if (isRow) out.push(`<tr>${line.split('|').map((c) => `<td>${escape(c.trim())}</td>`).join('')}</tr>`);
    else out.push(`<p>${escape(line)}</p>`);
  }
  if (inTable) out.push('</table>');
  out.push('</body></html>');
  return new TextEncoder().encode(out.join('\n'));
}

/** Runs `work` over the corpus for about `seconds`; reports per second. */
async function measure(seconds: number, work: (i: number) => unknown | Promise<unknown>): Promise<{ perSecond: number; count: number }> {
  for (let i = 0; i < corpus.length * 3; i++) await work(i); // warm-up
  const start = performance.now();
  const end = start + seconds * 1000;
  let count = 0;
  while (performance.now() < end) {
    for (let i = 0; i < corpus.length; i++) await work(count + i);
    count += corpus.length;
  }
  return { perSecond: count / ((performance.now() - start) / 1000), count };
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

export async function run(): Promise<void> {
  const kb = corpus.reduce((s, c) => s + Buffer.byteLength(c.text), 0) / corpus.length / 1024;
  console.log(`语料：${corpus.length} 份报告（平均 ${kb.toFixed(1)} KB），单核，串行`);
  const pick = (i: number) => corpus[i % corpus.length]!;

  const split = await measure(OTHER_SECONDS, (i) => pick(i).text.split(/\r\n|\r|\n/).length);
  const normalize = await measure(OTHER_SECONDS, (i) => normalizeText(pick(i).text).length);
  const text = await measure(TEXT_SECONDS, (i) => parseText(pick(i).text, pick(i).name));
  const pages = corpus.map((c) => ({ name: c.name.replace(/\.txt$/, '.html'), bytes: asHtml(c.text) }));
  const html = await measure(OTHER_SECONDS, (i) => parseFile(pages[i % pages.length]!.bytes, pages[i % pages.length]!.name));

  console.log(`基线（纯按行切分）：        ${fmt(split.perSecond)} 份/秒`);
  console.log(`基线（normalizeText 规范化）：${fmt(normalize.perSecond)} 份/秒`);
  console.log(`文本 parseText：              ${fmt(text.perSecond)} 份/秒（${text.count} 份），为规范化基线的 ${(text.perSecond / normalize.perSecond).toFixed(2)} 倍速度，每份 ${(1000 / text.perSecond).toFixed(2)} ms`);
  console.log(`HTML parseFile：              ${fmt(html.perSecond)} 份/秒（${html.count} 份），为文本的 ${(html.perSecond / text.perSecond).toFixed(2)} 倍速度`);
  const met = text.perSecond >= TARGET_PER_SECOND;
  console.log(`目标：单核每秒读取文本报告 ≥ ${fmt(TARGET_PER_SECOND)} 份 —— ${met ? '达到' : '未达到'}（${fmt(text.perSecond)} 份/秒）`);
}
