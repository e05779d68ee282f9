// `gongkai calendar`: the spawned command on a temporary data directory (GONGKAI_DATA_DIR), and runCalendar
// in-process for the argument errors.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Io } from '../cli/main.ts';
import { runCalendar } from './cli.ts';
import { serializeSchedule } from './format.ts';
import type { YearSchedule } from './model.ts';
import { importedDir, shippedDir, writeImportedSchedules } from './store.ts';

const bin = fileURLToPath(new URL('../../bin/gongkai.js', import.meta.url));
const temps: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gongkai-calendar-'));
  temps.push(dir);
  return dir;
};
after(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function gongkai(dataDir: string, ...args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    // The data directory's SQLite file, never a PostgreSQL server the environment names (an applied import opens it).
    const { DATABASE_URL: _, ...env } = process.env;
    const child = spawn(process.execPath, [bin, 'calendar', ...args], { env: { ...env, GONGKAI_DATA_DIR: dataDir } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (t: string) => (stdout += t));
    child.stderr.setEncoding('utf8').on('data', (t: string) => (stderr += t));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

const STACK = /at .*:\d+:\d+/;

const y2027: YearSchedule = {
  year: 2027,
  sources: [{ number: '国办发明电〔2026〕9号', title: '国务院办公厅关于2027年部分节假日安排的通知', issuedOn: '2026-11-20' }],
  holidays: [
    { date: '2027-02-05', name: '春节' },
    { date: '2027-02-06', name: '春节' },
    { date: '2027-02-07', name: '春节' },
  ],
  workdays: [{ date: '2027-01-30', name: '春节' }],
};

describe('gongkai calendar, spawned', { concurrency: true }, () => {
  test('show 2025 prints the notices and the holidays grouped by festival', async () => {
    const r = await gongkai(tempDir(), 'show', '2025');
    assert.equal(r.status, 0);
    assert.equal(r.stderr, '');
    assert.match(r.stdout, /^2025年节假日与调休安排\n数据来源：随系统提供\n/);
    assert.match(r.stdout, /国办发明电〔2024〕12号《国务院办公厅关于2025年部分节假日安排的通知》（2024-11-12）/);
    assert.match(r.stdout, /\n {2}国庆节、中秋节：10月1日至10月8日放假调休，共8天；9月28日（周日）、10月11日（周六）上班\n/);
  });

  test('show of a year with no schedule says Monday–Friday is assumed and results are provisional', async () => {
    const r = await gongkai(tempDir(), 'show', '2150');
    assert.equal(r.status, 0);
    assert.match(r.stdout, /^2150年没有节假日安排数据。/);
    assert.match(r.stdout, /按周一至周五为工作日/);
    assert.match(r.stdout, /临时结果（provisional）/);
  });

  test('import previews without writing; --yes writes; show then reflects the import', async () => {
    const dataDir = tempDir();
    const file = path.join(tempDir(), '2027.json');
    writeFileSync(file, serializeSchedule(y2027));

    const preview = await gongkai(dataDir, 'import', file);
    assert.equal(preview.status, 0);
    assert.match(preview.stdout, /2027年：新增年份（此前没有安排）/);
    assert.match(preview.stdout, /以上为预览，尚未写入任何文件。确认无误后加 --yes 重新运行即可导入/);
    assert.deepEqual(readdirSync(dataDir), []);

    const applied = await gongkai(dataDir, 'import', file, '--yes');
    assert.equal(applied.status, 0);
    assert.match(applied.stdout, /已导入 1 个年份/);
    const written = path.join(importedDir(dataDir), '2027.json');
    assert.equal(readFileSync(written, 'utf8'), serializeSchedule(y2027));
    assert.deepEqual(readdirSync(importedDir(dataDir)), ['2027.json'], 'no temporary file is left behind');

    const shown = await gongkai(dataDir, 'show', '2027');
    assert.equal(shown.status, 0);
    assert.match(shown.stdout, new RegExp(`数据来源：导入（${written.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}）`));
    assert.match(shown.stdout, /春节：2月5日至2月7日放假调休，共3天；1月30日（周六）上班/);
  });

  test('a malformed JSON file changes nothing and exits 2 with the reason', async () => {
    const dataDir = tempDir();
    writeImportedSchedules(dataDir, [y2027]);
    const before = readFileSync(path.join(importedDir(dataDir), '2027.json'), 'utf8');
    const file = path.join(tempDir(), 'bad.json');
    writeFileSync(file, '{"year": 2027,\n "holidays": [{"date": "2027-02-05", "name": "春节"}\n "workdays": []}');
    const r = await gongkai(dataDir, 'import', file, '--yes');
    assert.equal(r.status, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /未写入任何文件/);
    assert.match(r.stderr, /JSON 格式错误：第3行第2列不应出现「"」/);
    assert.doesNotMatch(r.stderr, STACK);
    assert.equal(readFileSync(path.join(importedDir(dataDir), '2027.json'), 'utf8'), before);
    assert.deepEqual(readdirSync(importedDir(dataDir)), ['2027.json']);
  });

  test('a malformed .ics file changes nothing and exits 2 naming the line', async () => {
    const dataDir = tempDir();
    const file = path.join(tempDir(), '2027.ics');
    writeFileSync(
      file,
      'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20270205\r\nDTEND;VALUE=DATE:20270208\r\nSUMMARY:春节(休)\r\nEND:VEVENT\r\n' +
        'BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20270201\r\nSUMMARY:春节(班)\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n',
    );
    const r = await gongkai(dataDir, 'import', file, '--yes');
    assert.equal(r.status, 2);
    assert.match(r.stderr, /第7行起的事件「春节\(班\)」：2027-02-01 是周一，调休上班日只能是周六或周日/);
    assert.doesNotMatch(r.stderr, STACK);
    assert.equal(existsSync(importedDir(dataDir)), false);
  });
});

describe('runCalendar in-process', () => {
  process.env.GONGKAI_DATA_DIR = tempDir();
  async function run(...args: string[]): Promise<Run> {
    let stdout = '';
    let stderr = '';
    const io: Io = { stdin: process.stdin, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) };
    const status = await runCalendar(args, io);
    return { status, stdout, stderr };
  }

  test('show --json prints the data file', async () => {
    const r = await run('show', '2025', '--json');
    assert.equal(r.status, 0);
    assert.equal(r.stdout, readFileSync(path.join(shippedDir, '2025.json'), 'utf8'));
    assert.equal((await run('show', '2150', '--json')).stdout, 'null\n');
  });

  test('bad arguments: a Chinese message on stderr and exit 2', async () => {
    const cases: [string[], RegExp][] = [
      [['show'], /请指定年份/],
      [['show', 'twenty'], /年份应为四位数字，例如 2025；收到的是「twenty」/],
      [['show', '1989'], /1989年超出日历范围（1990—2199年）/],
      [['show', '2025', '2026'], /多余的参数：2026/],
      [['show', '2025', '--yes'], /未知选项：--yes/],
      [['import'], /请指定要导入的文件/],
      [['import', '/nonexistent/2027.ics'], /找不到文件：\/nonexistent\/2027.ics/],
      [['import', os.tmpdir()], /不是文件/],
      [['frobnicate'], /未知的 calendar 子命令：frobnicate/],
      [[], /用法：/],
    ];
    for (const [args, message] of cases) {
      const r = await run(...args);
      assert.equal(r.status, 2, args.join(' '));
      assert.match(r.stderr, message, args.join(' '));
      assert.equal(r.stdout, '', args.join(' '));
    }
  });

  test('a file that is not UTF-8 text is refused', async () => {
    const file = path.join(tempDir(), 'latin1.json');
    writeFileSync(file, Buffer.from([0x7b, 0xff, 0xfe, 0x7d]));
    const r = await run('import', file);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /不是 UTF-8 编码的文本文件/);
  });

  test('--help prints the usage and exits 0', async () => {
    const r = await run('--help');
    assert.equal(r.status, 0);
    assert.match(r.stdout, /gongkai calendar show <年份> \[--json\]/);
  });
});
