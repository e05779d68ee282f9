// `gongkai parse` as a user runs it: the real command in a child process, on the corpus and on files made here.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const reports = path.join(root, 'test/fixtures/reports');
const corpus = (prefix: string) => path.join(reports, readdirSync(reports).find((f) => f.startsWith(prefix) && f.endsWith('.txt'))!);

const tmp = mkdtempSync(path.join(os.tmpdir(), 'gongkai-parse-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function gongkai(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [path.join(root, 'bin/gongkai.js'), 'parse', ...args], { cwd: root, maxBuffer: 32 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

interface Parsed {
  file: string;
  agency: string | null;
  year: number | null;
  format: string | null;
  variant: string | null;
  cells: Record<string, number | null>;
  sources: Record<string, { line: number; text: string; from: string }>;
  checks: { id: string; status: string; severity: string; message: string }[];
  warnings: string[];
  error?: string;
}

// The files, then every command started at once (each pays for a Node start-up); the tests await their run.
const missing = path.join(tmp, 'no-such-report.txt');
const original = readFileSync(corpus('001'), 'utf8');
const blank = path.join(tmp, 'blank-cells.txt');
writeFileSync(blank, original.replace('规章 | 0 | 0 | 0 |', '规章 | - | / | — |'));
const noise = path.join(tmp, 'noise.bin');
writeFileSync(noise, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)));
const runs = {
  json: gongkai(corpus('001'), missing, '--json'),
  summary: gongkai(blank, corpus('002')),
  noise: gongkai(noise),
  none: gongkai(),
  unknown: gongkai('--xml', corpus('000')),
  help: gongkai('--help'),
};

test('--json: one object per file; a missing file gets its own error and the others are still read (exit 1)', async () => {
  const run = await runs.json;
  assert.equal(run.code, 1);
  assert.equal(run.stderr, '');
  const [first, second] = JSON.parse(run.stdout) as Parsed[];
  assert.deepEqual(Object.keys(first!).sort(), ['agency', 'cells', 'checks', 'file', 'format', 'sources', 'variant', 'warnings', 'year', 'years'].sort());
  assert.equal(first!.agency, '天津市人力资源和社会保障局');
  assert.equal(first!.year, 2022);
  assert.equal(first!.format, 'fmt2021');
  assert.equal(first!.cells['t3.results.total/total'], 213);
  assert.equal(first!.sources['t3.results.total/total']?.from, 'table');
  const narrative = first!.checks.find((c) => c.id === 'narrative_vs_table' && c.status === 'fails');
  assert.match(narrative!.message, /为 206，而表中为 213/);
  assert.equal(second!.file, missing);
  assert.equal(second!.error, '无法读取文件：文件不存在');
  assert.deepEqual([second!.cells, second!.checks], [{}, []]);
});

test('the summary: metadata, the table as found with — for not reported, warnings and failed checks (exit 0)', async () => {
  assert.notEqual(readFileSync(blank, 'utf8'), original);
  const run = await runs.summary;
  assert.equal(run.code, 0, run.stderr);
  const [one, two] = run.stdout.split(/^== /m).filter(Boolean);
  assert.match(one!, /^.*blank-cells\.txt ==\n机关：天津市人力资源和社会保障局\n年度：2022（标题 2022）\n格式：中华人民共和国政府信息公开工作年度报告格式（2021修订）\n/);
  assert.match(one!, /表二 二、主动公开政府信息情况 第二十条第（一）项\n {2}列：本年制发件数 \| 本年废止件数 \| 现行有效件数\n {2}规章：— \| — \| —\n {2}行政规范性文件：12 \| 3 \| 67\n/);
  assert.match(one!, / {4}（七）总计：201 \| 12 \| 0 \| 0 \| 0 \| 0 \| 213\n/);
  assert.match(one!, /\[警告\] narrative_vs_table：正文第 \d+ 行.*为 206，而表中为 213/);
  assert.match(two!, /格式：政府信息公开情况统计表（山东省统计表样式）/);
  assert.match(two!, /2\.政府网站公开政府信息数：1587\n/);
  assert.match(two!, /\[警告\] legacy\.channel_le_total：统计表「2\.政府网站公开政府信息数」：1587，大于/);
  assert.match(two!, /\[提示\] percent_vs_counts：.*4\/6 = 66\.7%/);
});

test('a file that is not a report at all is refused with a Chinese reason (exit 1)', async () => {
  const run = await runs.noise;
  assert.equal(run.code, 1);
  assert.match(run.stdout, /noise\.bin ==\n错误：.+/);
  assert.doesNotMatch(run.stdout + run.stderr, /\bat .+:\d+:\d+|Error:/);
});

test('bad usage: no file, an unknown option (exit 2); --help (exit 0)', async () => {
  const none = await runs.none;
  assert.equal(none.code, 2);
  assert.match(none.stderr, /请指定至少一个报告文件。\n\n用法：gongkai parse 文件… \[--json\]/);
  const unknown = await runs.unknown;
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /^未知选项：--xml/);
  const help = await runs.help;
  assert.equal(help.code, 0);
  assert.match(help.stdout, /^用法：gongkai parse/);
});
