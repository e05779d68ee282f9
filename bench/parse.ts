// The report reader on one core: the five corpus reports (test/fixtures/reports) parsed again and again — as text
// with parseText, and as HTML pages (built here from the same texts: pipe rows as <table> rows, other lines as
// paragraphs) with parseFile, which detects and decodes the input first. The baseline, measured in the same run on the
// same texts, is normalisation alone (normalizeText: line split, width folding, traditional→simplified test, furniture
// marking) — the floor under any reading of the text. Then where a report's time goes, stage by stage.
//
// Each figure is the median of several rounds after a warm-up (the compiler has done its work by then; a busy machine
// spoils some rounds, not the median). Target: ≥ 1,000 text reports per second on one core.
import { readdirSync, readFileSync } from 'node:fs';
import { runChecks } from '../src/reader/checks.ts';
import { readMeta } from '../src/reader/meta.ts';
import type { Line } from '../src/reader/model.ts';
import { normalizeText } from '../src/reader/normalize.ts';
import { parseFile, parseText } from '../src/reader/parse.ts';
import { readProse } from '../src/reader/prose.ts';
import { readLegacyTable } from '../src/reader/tables/legacy.ts';
import { readModernTables } from '../src/reader/tables/modern.ts';

const DIR = new URL('../test/fixtures/reports/', import.meta.url);
const TARGET_PER_SECOND = 1_000;
const WARM_UP_MS = 2_000;

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

type Work = (i: number) => unknown;

/** Reports per second in one round of about `ms` milliseconds (work that returns a promise is awaited). */
async function round(ms: number, work: Work): Promise<number> {
  const start = performance.now();
  const end = start + ms;
  let count = 0;
  while (performance.now() < end) {
    for (let i = 0; i < corpus.length; i++) {
      const done = work(count + i);
      if (done instanceof Promise) await done;
    }
    count += corpus.length;
  }
  return count / ((performance.now() - start) / 1000);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** The median and the best of `rounds` rounds, after a warm-up. */
async function measure(rounds: number, ms: number, work: Work): Promise<{ median: number; best: number }> {
  await round(WARM_UP_MS, work);
  const rates: number[] = [];
  for (let r = 0; r < rounds; r++) rates.push(await round(ms, work));
  return { median: median(rates), best: Math.max(...rates) };
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const us = (perSecond: number) => (1e6 / perSecond).toFixed(0);

/** Microseconds per report of each stage on its own, as parseText runs it (fresh lines each time: what a stage
 *  caches on a line is not reused). Tables, prose and checks are timed with the lines' normalisation subtracted. */
async function stages(): Promise<void> {
  const lines = corpus.map((c) => normalizeText(c.text));
  const metas = lines.map((l) => readMeta(l));
  const reports = corpus.map((c) => parseText(c.text, c.name));
  const fresh = (i: number): Line[] => normalizeText(corpus[i % corpus.length]!.text);
  const pick = <T>(xs: T[], i: number): T => xs[i % xs.length]!;
  const table = (l: Line[], i: number) => {
    const meta = pick(metas, i);
    return meta.format === 'legacy' ? readLegacyTable(l, meta.variant) : meta.format ? readModernTables(l, meta.format) : null;
  };
  const perReport = async (work: Work) => 1e6 / (await measure(5, 200, work)).median;
  const normalize = await perReport((i) => fresh(i));
  const rows: [string, Work][] = [
    ['meta', (i) => readMeta(fresh(i))],
    ['tables', (i) => table(fresh(i), i)],
    ['prose', (i) => readProse(fresh(i), pick(metas, i))],
    ['checks', (i) => runChecks(pick(reports, i), fresh(i))],
  ];
  const parts = [`normalize ${normalize.toFixed(0)}`];
  for (const [name, work] of rows) parts.push(`${name} ${Math.max(0, (await perReport(work)) - normalize).toFixed(0)}`);
  console.log(`各阶段（微秒/份，单独计时）：${parts.join('，')}`);
}

export async function run(): Promise<void> {
  const kb = corpus.reduce((s, c) => s + Buffer.byteLength(c.text), 0) / corpus.length / 1024;
  console.log(`语料：${corpus.length} 份报告（平均 ${kb.toFixed(1)} KB），单核，串行；每项为预热 ${WARM_UP_MS / 1000} 秒后多轮测量的中位数`);
  const pick = (i: number) => corpus[i % corpus.length]!;

  const normalize = await measure(5, 400, (i) => normalizeText(pick(i).text).length);
  const text = await measure(10, 500, (i) => parseText(pick(i).text, pick(i).name));
  const pages = corpus.map((c) => ({ name: c.name.replace(/\.txt$/, '.html'), bytes: asHtml(c.text) }));
  const html = await measure(5, 400, (i) => parseFile(pages[i % pages.length]!.bytes, pages[i % pages.length]!.name));

  console.log(`基线（normalizeText 规范化）：${fmt(normalize.median)} 份/秒`);
  console.log(`文本 parseText：              ${fmt(text.median)} 份/秒（最好一轮 ${fmt(text.best)}），每份 ${us(text.median)} 微秒，为规范化基线的 ${(text.median / normalize.median).toFixed(3)} 倍速度`);
  console.log(`HTML parseFile：              ${fmt(html.median)} 份/秒，为文本的 ${(html.median / text.median).toFixed(2)} 倍速度`);
  await stages();
  const met = text.median >= TARGET_PER_SECOND;
  console.log(`目标：单核每秒读取文本报告 ≥ ${fmt(TARGET_PER_SECOND)} 份 —— ${met ? '达到' : '未达到'}（${fmt(text.median)} 份/秒）`);
}
