// The `gongkai` command: one subcommand per capability. Each returns its exit code; none throws to here
// except on a bug, which is reported in Chinese without a stack trace.
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

type Run = (args: string[], io: Io) => Promise<number>;

// Each subcommand's module is loaded only when it runs, so one command's start-up does not pay for all.
const commands: Record<string, { summary: string; run: Run }> = {
  deadline: {
    summary: '按法定时限计算答复期限（读入 JSON 时间线）',
    run: async (args, io) => (await import('../clock/cli.ts')).runDeadline(args, io),
  },
  calendar: {
    summary: '查看或导入年度节假日与调休安排',
    run: async (args, io) => (await import('../calendar/cli.ts')).runCalendar(args, io),
  },
  parse: {
    summary: '读取已发布的政府信息公开工作年度报告（文本、HTML、DOCX、PDF），提取数据并校验',
    run: async (args, io) => (await import('../reader/cli.ts')).runParse(args, io),
  },
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
