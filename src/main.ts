// `npm start`: open the database (migrating it), seed the demo city unless GONGKAI_DEMO=0, serve the site.
// Every failure to start is one Chinese line on stderr and exit code 1 — never a stack trace.
import type { AddressInfo } from 'node:net';
import { loadConfig } from './config.ts';
import { openDatabase, type OpenedDb } from './db/database.ts';
import { seedDemo, type DemoAccount } from './agencies/demo.ts';
import { seedDemoApplications } from './applications/demo.ts';
import { todayInChina } from './calendar/dates.ts';
import { loadCalendar } from './calendar/store.ts';
import { roleLabels } from './agencies/model.ts';
import { buildApp } from './http/app.ts';

async function start(): Promise<void> {
  const config = loadConfig();
  const opened = await openDatabase(config);
  try {
    const accounts = config.demo ? await seedDemo(opened.db) : [];
    const demoApplications = config.demo ? await seedDemoApplications(opened.db, loadCalendar(config.dataDir), todayInChina()) : null;
    const app = await buildApp({
      db: opened.db,
      engine: opened.engine,
      logger: { level: config.logLevel },
      https: config.https,
      dataDir: config.dataDir,
      submitLimit: config.submitLimit,
    });
    try {
      await app.listen({ host: config.host, port: config.port });
    } catch (error) {
      await app.close();
      throw new Error(listenFailure(error, config.host, config.port), { cause: error });
    }
    const address = app.server.address() as AddressInfo;
    const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    process.stdout.write(banner(`http://${host}:${address.port}`, opened, accounts, demoApplications));

    const stop = () => {
      process.stdout.write('正在停止……\n');
      app
        .close()
        .finally(() => opened.close())
        .catch((error: unknown) => {
          process.stderr.write(`停止时出错：${messageOf(error)}\n`);
          process.exitCode = 1;
        });
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  } catch (error) {
    await opened.close();
    throw error;
  }
}

function listenFailure(error: unknown, host: string, port: number): string {
  switch ((error as { code?: unknown }).code) {
    case 'EADDRINUSE':
      return `端口 ${port} 已被占用：请停止占用它的程序，或用环境变量 PORT 指定其他端口（如 PORT=3001 npm start）`;
    case 'EACCES':
      return `没有权限监听端口 ${port}：请改用 1024 以上的端口`;
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
      return `无法在地址 ${host} 上监听：请检查环境变量 HOST`;
    default:
      return `无法监听 ${host}:${port}：${messageOf(error)}`;
  }
}

/** `demoApplications`: how many demo applications were created now (0: the database already had applications),
 *  null without demo data. */
function banner(url: string, opened: OpenedDb, accounts: DemoAccount[], demoApplications: number | null): string {
  const lines = [
    '',
    `政府信息公开平台已启动：${url}`,
    `数据库：${opened.engine === 'postgres' ? 'PostgreSQL' : 'SQLite'}`,
  ];
  if (accounts.length > 0) {
    lines.push('演示账号：');
    for (const a of accounts) {
      lines.push(`  用户名 ${a.username.padEnd(11)} 密码 ${a.password}  ${roleLabels[a.role]} · ${a.displayName} · ${a.agencyName}`);
    }
  }
  if (demoApplications !== null) {
    lines.push(demoApplications > 0 ? `演示申请：${demoApplications} 件` : '演示申请：数据库中已有申请，未再创建');
  }
  lines.push('按 Ctrl+C 停止。', '');
  return lines.join('\n');
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

start().catch((error: unknown) => {
  process.stderr.write(`启动失败：${messageOf(error)}\n`);
  process.exitCode = 1;
});
