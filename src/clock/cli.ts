// `gongkai deadline [FILE]`: reads one timeline as JSON (the file, or standard input) and prints the
// computed deadline as JSON (clock.md). Bad input or options: a Chinese message on stderr, exit code 2.
import { createReadStream } from 'node:fs';
import type { Io } from '../cli/main.ts';
import { loadConfig } from '../config.ts';
import { isoOf, parseIsoDate, todayInChina } from '../calendar/dates.ts';
import { loadCalendar } from '../calendar/store.ts';
import { EVENT_LABELS, parseTimeline } from './input.ts';
import { DEFAULT_CUTOVER } from './law.ts';
import { computeDeadline } from './model.ts';
import { toOutput } from './output.ts';

const MAX_INPUT_BYTES = 1024 * 1024;

const HELP = `用法：gongkai deadline [文件] [选项]

从文件（省略或为 - 时从标准输入）读入一个 JSON 时间线，按法定时限计算答复期限，输出 JSON。

时间线示例：
  {"receivedOn": "2024-09-27", "events": [{"type": "answered", "on": "2024-10-20"}], "asOf": "2024-10-20"}
  receivedOn  收到申请之日（必填，YYYY-MM-DD）
  asOf        计算基准日（可选，默认今天，北京时间）
  events      事件（可选），每个为 {"type": …, "on": "YYYY-MM-DD", "reason": …}，type 可为：
${Object.entries(EVENT_LABELS)
  .map(([type, label]) => `                ${type.padEnd(21)} ${label}`)
  .join('\n')}
              custom_deadline 的 on 是确定的期限本身，并须写明 reason。

选项：
  --cutover YYYY-MM-DD  新旧条例切换日（默认 ${isoOf(DEFAULT_CUTOVER)}，此日及以后收到的申请适用条例2019）
  --no-fee-pause        收费通知至缴费期间不暂停计时（默认暂停）
  -h, --help            显示本说明

退出码：0 成功；2 输入、文件或选项有误。
`;

interface Args {
  file: string | undefined;
  cutover: number;
  feePausesClock: boolean;
  help: boolean;
}

export async function runDeadline(args: string[], io: Io): Promise<number> {
  const parsed = parseArgs(args);
  if (typeof parsed === 'string') {
    io.stderr(`${parsed}\n（gongkai deadline --help 查看用法）\n`);
    return 2;
  }
  if (parsed.help) {
    io.stdout(HELP);
    return 0;
  }
  let text: string;
  try {
    text = await readInput(parsed.file === undefined ? io.stdin : createReadStream(parsed.file));
  } catch (error) {
    io.stderr(`${readFailure(parsed.file, error)}\n`);
    return 2;
  }
  const input = parseTimeline(text, { today: todayInChina(), cutover: parsed.cutover });
  if (!input.ok) {
    io.stderr(`时间线有误（${input.errors.length} 处）：\n${input.errors.map((e) => `  ${e}\n`).join('')}`);
    return 2;
  }
  const calendar = loadCalendar(loadConfig().dataDir);
  const deadline = computeDeadline(input.timeline, calendar, {
    cutover: parsed.cutover,
    feePausesClock: parsed.feePausesClock,
    explain: true,
  });
  io.stdout(`${JSON.stringify(toOutput(deadline), null, 2)}\n`);
  return 0;
}

/** The options, or the Chinese message saying what is wrong with them. */
function parseArgs(args: readonly string[]): Args | string {
  const out: Args = { file: undefined, cutover: DEFAULT_CUTOVER, feePausesClock: true, help: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '-h' || arg === '--help') out.help = true;
    else if (arg === '--no-fee-pause') out.feePausesClock = false;
    else if (arg === '--cutover' || arg.startsWith('--cutover=')) {
      const value = arg === '--cutover' ? args[++i] : arg.slice('--cutover='.length);
      if (value === undefined) return '--cutover 需要一个日期（YYYY-MM-DD）';
      const day = parseIsoDate(value);
      if (day === null) return `--cutover：${JSON.stringify(value)} 不是有效的日期（YYYY-MM-DD）`;
      out.cutover = day;
    } else if (arg.startsWith('-') && arg !== '-') return `未知选项：${arg}`;
    else if (out.file !== undefined) return `只能指定一个文件，多余的参数：${arg}`;
    else out.file = arg === '-' ? undefined : arg;
  }
  return out;
}

class InputTooLarge extends Error {}

async function readInput(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buffer.length;
    if (size > MAX_INPUT_BYTES) throw new InputTooLarge();
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function readFailure(file: string | undefined, error: unknown): string {
  const source = file === undefined ? '标准输入' : `文件 ${file}`;
  if (error instanceof InputTooLarge) return `${source}过大（超过 ${MAX_INPUT_BYTES / 1024 / 1024} MB），不是一个时间线`;
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const reason =
    code === 'ENOENT' ? '文件不存在' : code === 'EISDIR' ? '这是一个目录' : code === 'EACCES' ? '没有读取权限' : (error as Error).message;
  return `无法读取${source}：${reason}`;
}
