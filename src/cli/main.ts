// The `gongkai` command: one subcommand per capability. Each returns its exit code; none throws to here
// except on a bug, which is reported in Chinese without a stack trace.
import { runDeadline } from '../clock/cli.ts';
import { runCalendar } from '../calendar/cli.ts';

export interface Io {
  stdin: NodeJS.ReadableStream;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export const processIo: Io = {
  stdin: process.stdin,
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
};

const commands: Record<string, { summary: string; run: (args: string[], io: Io) => Promise<number> }> = {
  deadline: { summary: '按法定时限计算答复期限（读入 JSON 时间线）', run: runDeadline },
  calendar: { summary: '查看或导入年度节假日与调休安排', run: runCalendar },
};

function usage(): string {
  const lines = Object.entries(commands).map(([name, c]) => `  gongkai ${name.padEnd(10)} ${c.summary}`);
  return `用法：gongkai <命令> [参数]\n\n命令：\n${lines.join('\n')}\n`;
}

export async function main(args: string[], io: Io = processIo): Promise<number> {
  const [name, ...rest] = args;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(usage());
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    io.stderr(`未知命令：${name}\n\n${usage()}`);
    return 2;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    io.stderr(`内部错误：${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
