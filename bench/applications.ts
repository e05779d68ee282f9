// Applications on the database, on SQLite (a temporary file) and on PostgreSQL (DATABASE_URL, else a throwaway
// server started by scripts/pg.sh when its programs are installed; skipped otherwise):
// (a) submissions per second through store.submitApplication (the public form's path: the case, its first
//     event, audit and notice in one transaction), one submitter after another and 8 at once; the serial rate
//     is the baseline of the concurrent one;
// (b) the inbox query (store.listApplications for the disclosure office: due soon, and the default list, first
//     page of 50 with the total) over 100,000 cases bulk-inserted with a realistic spread (four receiving
//     governments, the city's cases routed to its three departments, mostly closed, open ones recent). Baseline,
//     in the same run: the very same call on a copy of the table without any index (CREATE TABLE … AS SELECT),
//     the table name swapped by a Kysely plugin — the same SQL, answered by scanning. The two are timed turn
//     about, so that whatever else the machine is doing weighs on both alike. For reference, the list as one
//     ORDER BY over the whole scope (the store's query before it read the order from the index). Target: p99 <
//     50 ms with the indexes.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { IdentifierNode, OperationNodeTransformer, sql, type Insertable, type KyselyPlugin } from 'kysely';
import { dayOf, isoOf, todayInChina } from '../src/calendar/dates.ts';
import type { Calendar } from '../src/calendar/model.ts';
import { loadCalendar } from '../src/calendar/store.ts';
import { seedDemo } from '../src/agencies/demo.ts';
import { createAgency, findAgencyByCode, findUserByUsername } from '../src/agencies/store.ts';
import { listScope, viewerOf } from '../src/applications/access.ts';
import { newApplicationSchema } from '../src/applications/input.ts';
import { listApplications, submitApplication, type ListFilters, type StoreContext } from '../src/applications/store.ts';
import { openDatabase, type Db, type Engine, type OpenedDb } from '../src/db/database.ts';
import type { ApplicationsTable } from '../src/db/schema.ts';
import { openTestDatabase } from '../src/db/testing.ts';
import { prng } from './prng.ts';

const SUBMISSIONS = 1_000;
const WARM_UP_SUBMISSIONS = 50;
const CONCURRENCY = 8;
const CASES = 100_000;
const BATCH = 500;
const QUERIES = 200;
/** Fewer runs of the slow ones, to keep the whole benchmark within about two minutes. */
const BASELINE_QUERIES = 100;
const REFERENCE_QUERIES = 50;
const WARM_UP_QUERIES = 10;
const TARGET_P99_MS = 50;
const SEED = 20261125;
const projectRoot = fileURLToPath(new URL('..', import.meta.url));

const format = (n: number) => Math.round(n).toLocaleString('en-US');
const ms = (n: number) => (n < 10 ? n.toFixed(2) : n.toFixed(1));
const mark = (ok: boolean) => (ok ? '达标' : '未达标');


// ── the databases ────────────────────────────────────────────────────────────────────────────────────────

interface Target {
  label: string;
  opened: OpenedDb;
  /** How the database was obtained, for the output. */
  note: string;
  cleanUp: () => Promise<void>;
}

async function sqliteTarget(): Promise<Target> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'gongkai-bench-'));
  const opened = await openDatabase({ dataDir });
  return {
    label: 'SQLite',
    opened,
    note: `临时文件 ${path.join(dataDir, 'gongkai.db')}（WAL，synchronous=NORMAL）`,
    cleanUp: async () => {
      await opened.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A fresh database on the server of DATABASE_URL, or a throwaway server; null (with the reason) when neither. */
async function postgresTarget(): Promise<Target | string> {
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl && /^postgres(ql)?:\/\//i.test(serverUrl)) {
    // The tests' own fresh database on that server, dropped on close.
    const opened = await openTestDatabase();
    return { label: 'PostgreSQL', opened, note: 'DATABASE_URL 所指服务器上的临时数据库', cleanUp: () => opened.close() };
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gongkai-bench-pg-'));
  const started = spawnSync('bash', [path.join(projectRoot, 'scripts/pg.sh'), 'start', dir], { encoding: 'utf8' });
  if (started.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    return `未设置 DATABASE_URL，且无法启动临时 PostgreSQL（${started.stderr.trim().split('\n').pop() ?? '未知原因'}）`;
  }
  const url = started.stdout.trim();
  const note = '用 scripts/pg.sh 临时启动的本机服务器（fsync=off，仅供测试）';
  const stopServer = async () => {
    spawnSync('bash', [path.join(projectRoot, 'scripts/pg.sh'), 'stop', dir], { encoding: 'utf8' });
    rmSync(dir, { recursive: true, force: true });
  };
  let opened: OpenedDb;
  try {
    opened = await openDatabase({ databaseUrl: url, dataDir: os.tmpdir() });
  } catch (error) {
    await stopServer();
    throw error;
  }
  return {
    label: 'PostgreSQL',
    opened,
    note,
    cleanUp: async () => {
      await opened.close();
      await stopServer();
    },
  };
}

// ── (a) submissions ──────────────────────────────────────────────────────────────────────────────────────

const FORM = newApplicationSchema.parse({
  applicantKind: 'person',
  name: '张三',
  idType: 'resident_id_card',
  idNumber: '11010519491231002X',
  phone: '13812345678',
  email: 'zhangsan@example.com',
  address: '示范市历下区解放路12号',
  description: '2025年本市城市更新项目的立项批复文件',
  provision: 'electronic',
  pickup: 'online',
});

async function submissions(db: Db, agencyId: number, ctx: StoreContext): Promise<{ serial: number; concurrent: number }> {
  const run = randomBytes(4).toString('hex');
  let next = 0;
  const submitOne = () =>
    submitApplication(db, { ...FORM, idempotencyKey: `bench-${run}-${next++}` }, { agencyId, channel: 'online', actor: { userId: null, role: 'applicant', agencyId: null } }, ctx);
  for (let i = 0; i < WARM_UP_SUBMISSIONS; i++) await submitOne();

  let start = performance.now();
  for (let i = 0; i < SUBMISSIONS; i++) await submitOne();
  const serial = SUBMISSIONS / ((performance.now() - start) / 1000);

  let left = SUBMISSIONS;
  const worker = async () => {
    while (left > 0) {
      left -= 1;
      await submitOne();
    }
  };
  start = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const concurrent = SUBMISSIONS / ((performance.now() - start) / 1000);
  return { serial, concurrent };
}

// ── (b) the inbox over 100,000 cases ─────────────────────────────────────────────────────────────────────

const DESCRIPTIONS = [
  '本市城市更新项目的立项批复文件',
  '重点排污单位自动监测数据及行政处罚决定',
  '国有建设用地使用权出让合同',
  '居民阶梯电价调整听证报告',
  '老旧小区改造计划及资金安排',
  '建设工程规划许可证及附图',
  '政府采购项目中标结果',
  '中央预算内投资项目清单',
];
const NAMES = ['张伟', '王芳', '李娜', '刘洋', '陈静', '杨磊', '赵敏', '示范市恒达建材有限公司', '山东明正律师事务所', '示范市绿源环保志愿者协会'];
const REPLIES = ['disclosed', 'disclosed', 'disclosed.already_public', 'partially_disclosed', 'withheld.third_party_rights', 'unable.not_held', 'unable.not_held', 'not_processed.petition_complaint'];

interface Spread {
  cityId: number;
  districtIds: number[];
  departmentIds: number[];
}

/** One bulk-inserted case: four receiving governments (the city 40 %, three districts 20 % each); the city's
 *  cases with its office (15 %) or a department; 8 % open (received in the last 45 days), the rest received
 *  over five years and closed, abandoned or withdrawn. */
function caseRow(i: number, random: () => number, spread: Spread, calendar: Calendar, today: number): Insertable<ApplicationsTable> {
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const r = random();
  const agencyId = r < 0.4 ? spread.cityId : spread.districtIds[Math.floor((r - 0.4) / 0.2)]!;
  const departmentId = agencyId === spread.cityId && random() >= 0.15 ? pick(spread.departmentIds) : null;
  const open = random() < 0.08;
  const received = open ? today - Math.floor(random() * 45) : today - 45 - Math.floor(random() * 5 * 365);
  const s = random();
  const state: ApplicationsTable['state'] = open
    ? s < 0.1 ? 'pending' : s < 0.6 ? 'handling' : s < 0.68 ? 'awaiting_correction' : s < 0.78 ? 'consulting' : s < 0.82 ? 'awaiting_payment' : 'answered'
    : s < 0.92 ? 'closed' : s < 0.96 ? 'abandoned' : 'withdrawn';
  const paused = state === 'awaiting_correction' || state === 'consulting' || state === 'awaiting_payment';
  const due = state === 'pending' || paused ? null : calendar.addWorkingDays(received, 20 + (random() < 0.05 ? 20 : 0));
  const answered = state === 'answered' || state === 'closed' ? Math.min(today, received + 5 + Math.floor(random() * 30)) : null;
  const at = `${isoOf(received)}T02:00:00.000Z`;
  return {
    number: `B${isoOf(received).slice(0, 4)}-${String(i).padStart(7, '0')}`,
    agency_id: agencyId,
    department_id: departmentId,
    state,
    channel: pick(['online', 'online', 'online', 'in_person', 'post', 'email']),
    applicant_kind: 'person',
    organisation_kind: null,
    applicant_name: pick(NAMES),
    id_type: 'resident_id_card',
    id_number: '11010519491231002X',
    credit_code: null,
    legal_rep: null,
    contact_name: null,
    phone: '13812345678',
    email: null,
    address: null,
    postcode: null,
    description: `${2020 + (i % 6)}年${pick(DESCRIPTIONS)}`,
    purpose: null,
    provision: 'electronic',
    pickup: 'online',
    query_code_hash: '0'.repeat(64),
    idempotency_key: null,
    submitted_at: at,
    received_on: state === 'pending' ? null : isoOf(received),
    regime: state === 'pending' ? null : '2019',
    due_on: due === null ? null : isoOf(due),
    reply_type: answered === null ? null : pick(REPLIES),
    answered_on: answered === null ? null : isoOf(answered),
    delivered_on: state === 'closed' && answered !== null ? isoOf(answered) : null,
    last_seq: 3,
    updated_at: at,
  };
}

async function bulkInsert(db: Db, spread: Spread, calendar: Calendar, today: number): Promise<number> {
  const random = prng(SEED);
  const start = performance.now();
  for (let done = 0; done < CASES; done += 10_000) {
    await db.transaction().execute(async (tx) => {
      for (let i = done; i < Math.min(done + 10_000, CASES); i += BATCH) {
        const rows = Array.from({ length: Math.min(BATCH, CASES - i) }, (_, k) => caseRow(i + k, random, spread, calendar, today));
        await tx.insertInto('applications').values(rows).execute();
      }
    });
  }
  return performance.now() - start;
}

/** PostgreSQL: statistics and the visibility map, as autovacuum would leave them after a bulk load. SQLite: nothing
 *  (the application never runs ANALYZE; its plans here are the same with or without statistics). */
async function settle(db: Db, engine: Engine, table = 'applications'): Promise<void> {
  if (engine === 'postgres') await sql`vacuum analyze ${sql.table(table)}`.execute(db);
}

/** The machine's load, when it is busy enough to matter for the tail (p99). */
function load(): string {
  const [oneMinute] = os.loadavg();
  const cpus = os.cpus().length;
  return oneMinute! > cpus ? `（注意：本机负载 ${oneMinute!.toFixed(1)}，${cpus} 个 CPU，其他进程争用 CPU，p99 偏高）` : '';
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

interface Timing {
  p50: number;
  p99: number;
}

/** Runs each query its number of times (after a warm-up), in turn: one of each, then again, …; p50 and p99 of each. */
async function timeInTurn(runs: [() => Promise<unknown>, number][]): Promise<Timing[]> {
  for (let i = 0; i < WARM_UP_QUERIES; i++) for (const [run] of runs) await run();
  const times = runs.map(() => [] as number[]);
  const most = Math.max(...runs.map(([, n]) => n));
  for (let i = 0; i < most; i++) {
    for (const [k, [run, n]] of runs.entries()) {
      if (i >= n) continue;
      const start = performance.now();
      await run();
      times[k]!.push(performance.now() - start);
    }
  }
  return times.map((t) => {
    t.sort((a, b) => a - b);
    return { p50: percentile(t, 50), p99: percentile(t, 99) };
  });
}

/** Every query of a Kysely instance on `applications_plain` instead of `applications`. */
class PlainTable extends OperationNodeTransformer {
  protected override transformIdentifier(node: IdentifierNode): IdentifierNode {
    return node.name === 'applications' ? IdentifierNode.create('applications_plain') : super.transformIdentifier(node);
  }
}
const plainTable: KyselyPlugin = {
  transformQuery: (args) => new PlainTable().transformNode(args.node),
  transformResult: async (args) => args.result,
};

/** The list as the store first wrote it: one ORDER BY over every case of the scope, and the count. */
async function oneOrderBy(db: Db, agencyIds: number[], limit: number): Promise<number> {
  const query = db.selectFrom('applications').where('agency_id', 'in', agencyIds);
  const [rows, count] = await Promise.all([
    query
      .selectAll()
      .orderBy(sql`case when due_on is null then 1 else 0 end`)
      .orderBy('due_on')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return rows.length + Number(count.n);
}

// ── the run ──────────────────────────────────────────────────────────────────────────────────────────────

async function benchEngine(target: Target, calendar: Calendar, today: string): Promise<boolean> {
  const { db, engine } = target.opened;
  console.log(`\n-- ${target.label}：${target.note}`);
  await seedDemo(db);
  const city = (await findAgencyByCode(db, 'demo-city'))!;
  const ctx: StoreContext = { calendar, today, now: new Date().toISOString() };

  const rates = await submissions(db, city.id, ctx);
  console.log(`(a) 提交申请（store.submitApplication，每件一个事务：申请、首个事件、审计、通知），各 ${format(SUBMISSIONS)} 件：`);
  console.log(`    逐件提交：${format(rates.serial)} 件/秒（${ms(1000 / rates.serial)} ms/件）`);
  console.log(
    `    ${CONCURRENCY} 路并发：${format(rates.concurrent)} 件/秒；是逐件的 ${(rates.concurrent / rates.serial).toFixed(2)} 倍` +
      (engine === 'sqlite' ? '（SQLite 只有一个写连接，并发提交在进程内排队）' : `（连接池，${CONCURRENCY} 个连接同时写）`),
  );

  const districts = [];
  for (const [k, name] of ['示范市东城区人民政府', '示范市西城区人民政府', '示范市南城区人民政府'].entries()) {
    districts.push(await createAgency(db, { parentId: city.id, code: `bench-district-${k + 1}`, name, level: 'county', type: 'government' }));
  }
  const departments = await Promise.all(['demo-city-fgw', 'demo-city-zrzy', 'demo-city-sthj'].map((c) => findAgencyByCode(db, c)));
  const spread = { cityId: city.id, districtIds: districts.map((d) => d.id), departmentIds: departments.map((d) => d!.id) };
  const insertMs = await bulkInsert(db, spread, calendar, dayOf(today));
  await settle(db, engine);
  const count = async (where?: number) => {
    let q = db.selectFrom('applications').select((eb) => eb.fn.countAll<number>().as('n'));
    if (where !== undefined) q = q.where('agency_id', '=', where);
    return Number((await q.executeTakeFirstOrThrow()).n);
  };
  const [all, cityCases] = [await count(), await count(city.id)];
  console.log(`(b) 待办查询：批量写入 ${format(CASES)} 件（每批 ${BATCH} 行，${(insertMs / 1000).toFixed(1)} 秒），表中共 ${format(all)} 件，其中示范市人民政府 ${format(cityCases)} 件`);

  const office = await viewerOf(db, (await findUserByUsername(db, 'bangongshi'))!);
  const scope = listScope(office);
  const queries: [string, ListFilters][] = [
    ['即将到期（due=soon）', { due: 'soon', limit: 50 }],
    ['默认列表（全部，按期限排序）', { limit: 50 }],
  ];
  await sql`create table applications_plain as select * from applications`.execute(db);
  await settle(db, engine, 'applications_plain');
  const plainDb = db.withPlugin(plainTable);
  const totals = await Promise.all(queries.map(([, f]) => listApplications(db, scope, f, ctx).then((r) => r.total)));
  const timings: [Timing, Timing][] = [];
  for (const [, filters] of queries) {
    const [a, b] = await timeInTurn([
      [() => listApplications(db, scope, filters, ctx), QUERIES],
      [() => listApplications(plainDb, scope, filters, ctx), BASELINE_QUERIES],
    ]);
    timings.push([a!, b!]);
  }
  const [reference] = await timeInTurn([[() => oneOrderBy(db, scope.agencyIds, 50), REFERENCE_QUERIES]]);

  console.log(`    公开办（王敏）视角，第一页 50 件及总数；有索引 ${QUERIES} 次、无索引 ${BASELINE_QUERIES} 次，轮流执行（另各预热 ${WARM_UP_QUERIES} 次）：`);
  let ok = true;
  queries.forEach(([label], k) => {
    const [a, b] = timings[k]!;
    ok &&= a.p99 < TARGET_P99_MS;
    console.log(`    ${label}，命中 ${format(totals[k]!)} 件：`);
    console.log(`      有索引    p50 ${ms(a.p50)} ms，p99 ${ms(a.p99)} ms`);
    console.log(`      无索引    p50 ${ms(b.p50)} ms，p99 ${ms(b.p99)} ms`);
    console.log(`      倍数：有索引快 ${(b.p50 / a.p50).toFixed(1)} 倍（p50），${(b.p99 / a.p99).toFixed(1)} 倍（p99）`);
  });
  console.log(
    `    参考：默认列表写成一条对整个范围排序的查询（有索引，但排序用不上），${REFERENCE_QUERIES} 次：p50 ${ms(reference!.p50)} ms，p99 ${ms(reference!.p99)} ms`,
  );
  console.log('    基线：同一调用、同一 SQL，作用于不带任何索引的副本表 applications_plain（CREATE TABLE … AS SELECT，全部 10 万余行），只能逐行扫描、排序');
  console.log(`    目标：有索引 p99 < ${TARGET_P99_MS} ms ${mark(ok)}${load()}`);
  return ok;
}

export async function run(): Promise<void> {
  const calendar = loadCalendar();
  const today = todayInChina();
  console.log(`依申请公开的数据库性能（今天 ${today}；SQLite 与 PostgreSQL 依次测量）`);
  let ok = true;
  const sqlite = await sqliteTarget();
  try {
    ok = (await benchEngine(sqlite, calendar, today)) && ok;
  } finally {
    await sqlite.cleanUp();
  }
  const postgres = await postgresTarget();
  if (typeof postgres === 'string') {
    console.log(`\n-- PostgreSQL：跳过。${postgres}`);
  } else {
    try {
      ok = (await benchEngine(postgres, calendar, today)) && ok;
    } finally {
      await postgres.cleanUp();
    }
  }
  if (!ok) process.exitCode = 1;
}
