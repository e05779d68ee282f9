// `gongkai deadline` as users run it: the real command in a child process, with its own data directory.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { Readable } from 'node:stream';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { projectRoot } from '../config.ts';
import { runDeadline } from './cli.ts';

let dataDir = '';
let exampleFile = '';

before(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'gongkai-deadline-'));
  exampleFile = path.join(dataDir, 'timeline.json');
  writeFileSync(
    exampleFile,
    JSON.stringify({
      receivedOn: '2024-09-27',
      events: [
        { type: 'correction_requested', on: '2024-09-30' },
        { type: 'correction_received', on: '2024-10-09' },
        { type: 'consultation_started', on: '2024-10-10' },
        { type: 'consultation_ended', on: '2024-10-21' },
        { type: 'fee_notified', on: '2024-10-22' },
        { type: 'fee_paid', on: '2024-10-25' },
        { type: 'extended', on: '2024-11-05' },
        { type: 'custom_deadline', on: '2024-12-31', reason: '申请数量明显超过合理范围' },
        { type: 'answered', on: '2024-11-20' },
      ],
      asOf: '2024-11-01',
    }),
  );
});
after(() => rmSync(dataDir, { recursive: true, force: true }));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function gongkai(args: string[], stdin = '', env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/gongkai.js', 'deadline', ...args], {
      cwd: projectRoot,
      env: { ...process.env, GONGKAI_DATA_DIR: dataDir, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    child.stdin.on('error', () => {}); // the command may stop reading early (input too large)
    child.stdin.end(stdin);
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('gongkai deadline', { concurrency: 4 }, () => {
  test('the acceptance example from standard input', async () => {
    const r = await gongkai([], '{"receivedOn":"2024-09-27","asOf":"2024-10-20"}');
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, '');
    assert.ok(r.stdout.startsWith('{\n  "regime": "2019",\n'), 'two-space indented JSON');
    const out = JSON.parse(r.stdout);
    assert.equal(out.due, '2024-10-30');
    assert.equal(out.status, 'open');
    assert.equal(out.remainingWorkingDays, 8);
    assert.ok(out.steps.some((s: string) => s.includes('国庆节调休上班')));
  });

  test('the clock.md example from a file', async () => {
    const r = await gongkai([exampleFile]);
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.deepEqual([out.start, out.baseDue, out.due, out.status], ['2024-10-09', '2024-11-20', '2024-12-31', 'answered_on_time']);
  });

  test('--no-fee-pause: the fee interval counts', async () => {
    // start 10-09; only the consultation pauses (8 days): 10-10(1) 22..25(5) 28..31(9) 11-01(10) 04..08(15) 11..15(20)
    const r = await gongkai(['--no-fee-pause', exampleFile]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(JSON.parse(r.stdout).baseDue, '2024-11-15');
  });

  test('--cutover decides the regime', async () => {
    // 2019-05-14 under 条例2019 when the cut-over is 2019-05-01: 20 days → 2019-06-12 (see model.test.ts)
    const r = await gongkai(['--cutover', '2019-05-01'], '{"receivedOn":"2019-05-14"}');
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.deepEqual([out.regime, out.due], ['2019', '2019-06-12']);
  });

  test('an imported schedule in the data directory is used', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gongkai-deadline-cal-'));
    try {
      mkdirSync(path.join(dir, 'calendar'));
      writeFileSync(
        path.join(dir, 'calendar', '2027.json'),
        JSON.stringify({ year: 2027, sources: [], holidays: [{ date: '2027-01-01', name: '元旦' }], workdays: [] }),
      );
      // 2026-12-21..25(5) 28..31(9) [2027-01-01] 01-04..08(14) 11..15(19) 18(20)
      const r = await gongkai([], '{"receivedOn":"2026-12-20","asOf":"2026-12-20"}', { GONGKAI_DATA_DIR: dir });
      assert.equal(r.code, 0, r.stderr);
      const out = JSON.parse(r.stdout);
      assert.deepEqual([out.due, out.provisional], ['2027-01-18', false]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('--help', async () => {
    const r = await gongkai(['--help']);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /用法：gongkai deadline \[文件\] \[选项\]/);
  });

  const refused: { name: string; args?: string[]; stdin?: string; message: RegExp }[] = [
    { name: 'not JSON', stdin: '{"receivedOn": ', message: /输入不是有效的 JSON/ },
    { name: 'unknown field', stdin: '{"receivedOn":"2024-09-27","foo":1}', message: /输入：未知字段 "foo"/ },
    { name: 'missing receipt date', stdin: '{"events":[]}', message: /receivedOn：缺少收到申请之日/ },
    { name: 'malformed date', stdin: '{"receivedOn":"27.09.2024"}', message: /receivedOn：日期格式应为 YYYY-MM-DD/ },
    { name: 'impossible date', stdin: '{"receivedOn":"2023-02-29"}', message: /receivedOn：2023-02-29 不是实际存在的日期/ },
    {
      name: 'unknown event type',
      stdin: '{"receivedOn":"2024-09-27","events":[{"type":"answered","on":"2024-10-08"},{"type":"foo","on":"2024-10-09"}]}',
      message: /events\[1\]\.type：未知的事件类型 "foo"，可用：correction_requested、/,
    },
    {
      name: 'end without start',
      stdin: '{"receivedOn":"2024-09-27","events":[{"type":"fee_paid","on":"2024-10-08"}]}',
      message: /events\[0\]（fee_paid，2024-10-08）：此前没有对应的 fee_notified/,
    },
    {
      name: 'correction received before it was requested',
      stdin:
        '{"receivedOn":"2024-09-27","events":[{"type":"correction_requested","on":"2024-10-09"},{"type":"correction_received","on":"2024-10-08"}]}',
      message: /events\[1\]（correction_received，2024-10-08）：此前没有对应的 correction_requested/,
    },
    {
      name: 'event before the receipt',
      stdin: '{"receivedOn":"2024-09-27","events":[{"type":"answered","on":"2024-09-20"}]}',
      message: /events\[0\]\.on：2024-09-20 早于收到申请之日 2024-09-27/,
    },
    {
      name: 'custom deadline without reason',
      stdin: '{"receivedOn":"2024-09-27","events":[{"type":"custom_deadline","on":"2024-12-31"}]}',
      message: /events\[0\]\.reason：依第三十五条确定答复期限必须写明理由/,
    },
    {
      name: 'two answers',
      stdin: '{"receivedOn":"2024-09-27","events":[{"type":"answered","on":"2024-10-08"},{"type":"answered","on":"2024-10-09"}]}',
      message: /events\[1\]（answered，2024-10-09）：answered 只能有一个/,
    },
    { name: 'asOf before the receipt', stdin: '{"receivedOn":"2024-09-27","asOf":"2024-09-01"}', message: /asOf：计算基准日 2024-09-01 早于/ },
    { name: 'input too large', stdin: `{"receivedOn":"2024-09-27","x":"${'x'.repeat(1_100_000)}"}`, message: /标准输入过大/ },
    { name: 'missing file', args: ['/nonexistent/timeline.json'], message: /无法读取文件 \/nonexistent\/timeline.json：文件不存在/ },
    { name: 'a directory', args: ['.'], message: /无法读取文件 \.：这是一个目录/ },
    { name: 'unknown option', args: ['--bogus'], message: /未知选项：--bogus/ },
    { name: 'bad cutover', args: ['--cutover', '2019-13-01'], message: /--cutover："2019-13-01" 不是有效的日期/ },
  ];
  for (const c of refused) {
    test(`refused: ${c.name} → exit 2, Chinese message on stderr, nothing on stdout`, async () => {
      const r = await gongkai(c.args ?? [], c.stdin ?? '');
      assert.equal(r.code, 2, r.stderr);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, c.message);
      assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
    });
  }
});

// The remaining option errors, in-process (the same function the command runs; no need for more processes).
describe('runDeadline options', () => {
  async function runWith(args: string[], stdin: string): Promise<Run> {
    let stdout = '';
    let stderr = '';
    const code = await runDeadline(args, {
      stdin: Readable.from([stdin]),
      stdout: (t) => (stdout += t),
      stderr: (t) => (stderr += t),
    });
    return { code, stdout, stderr };
  }

  test('"-" reads standard input', async () => {
    const r = await runWith(['-'], '{"receivedOn":"2024-09-27","asOf":"2024-10-20"}');
    assert.equal(r.code, 0, r.stderr);
    assert.equal(JSON.parse(r.stdout).due, '2024-10-30');
  });

  test('two files, --cutover without a date, --cutover=DATE', async () => {
    const two = await runWith(['a.json', 'b.json'], '');
    assert.deepEqual([two.code, two.stdout], [2, '']);
    assert.match(two.stderr, /只能指定一个文件，多余的参数：b.json/);
    const bare = await runWith(['--cutover'], '');
    assert.deepEqual([bare.code, bare.stdout], [2, '']);
    assert.match(bare.stderr, /--cutover 需要一个日期/);
    const joined = await runWith(['--cutover=2019-05-01'], '{"receivedOn":"2019-05-14","asOf":"2019-05-14"}');
    assert.equal(JSON.parse(joined.stdout).regime, '2019');
  });
});
