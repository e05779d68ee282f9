// A new holiday schedule moves the due dates of open cases: recomputeDueDates on the database, and the whole path
// through `gongkai calendar import FILE --yes` (spawned on a temporary data directory with its SQLite file).
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isoOf, todayInChina } from '../calendar/dates.ts';
import { serializeSchedule } from '../calendar/format.ts';
import { parseScheduleFile } from '../calendar/import.ts';
import type { YearSchedule } from '../calendar/model.ts';
import { planImport } from '../calendar/plan.ts';
import { loadCalendar, loadSchedules, writeImportedSchedules } from '../calendar/store.ts';
import { findAgencyByCode, findUserByUsername } from '../agencies/store.ts';
import { seedDemo } from '../agencies/demo.ts';
import type { Db } from '../db/database.ts';
import { openDatabase } from '../db/database.ts';
import { openSeededDatabase } from '../http/testing.ts';
import { actorOf, viewerOf } from './access.ts';
import { deadlineOf } from './clock.ts';
import { newApplicationSchema } from './input.ts';
import { applyAction, eventsOf, getApplicationByNumber, recomputeDueDates, submitApplication, type StoreContext } from './store.ts';
import { SAMPLE_PERSON } from './testing.ts';

const temps: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gongkai-recompute-'));
  temps.push(dir);
  return dir;
};
after(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

const shipped = loadCalendar();
const ctx = (today: string): StoreContext => ({ calendar: shipped, today, now: `${today}T02:00:00.000Z` });

/** 2025 as shipped, with the National Day holiday made one day longer (Thursday 9 October off as well). */
function longerNationalDay(): YearSchedule {
  const y2025 = loadSchedules().find((s) => s.year === 2025)!;
  return {
    ...y2025,
    sources: [...y2025.sources, { number: '测试〔2025〕1号', title: '（测试用）关于延长2025年国庆节、中秋节假期的通知', issuedOn: '2025-09-20' }],
    holidays: [...y2025.holidays, { date: '2025-10-09', name: '国庆节、中秋节' }].sort((a, b) => a.date.localeCompare(b.date)),
  };
}

const { address: _address, ...withoutAddress } = SAMPLE_PERSON;
const PERSON = { ...withoutAddress, description: '2025年本市城市更新项目的立项批复文件' };

/** Three cases registered by the office: received 22 September 2025 (due 24 October, after the holiday) and still
 *  open; the same but answered and delivered; received 2 June 2025 (due long before the holiday). */
async function seedCases(db: Db): Promise<{ open: string; closed: string; early: string }> {
  const city = (await findAgencyByCode(db, 'demo-city'))!;
  const office = actorOf(await viewerOf(db, (await findUserByUsername(db, 'bangongshi'))!));
  const register = async (on: string) =>
    submitApplication(db, newApplicationSchema.parse(PERSON), { agencyId: city.id, channel: 'in_person', actor: office, on }, ctx(on));
  const open = await register('2025-09-22');
  const closed = await register('2025-09-22');
  await applyAction(db, closed.id, { type: 'reply', on: '2025-09-30', data: { replyType: 'disclosed', legalBasis: '条例第三十六条第二项' } }, office, ctx('2025-09-30'));
  await applyAction(db, closed.id, { type: 'deliver', on: '2025-09-30', data: { method: 'direct' } }, office, ctx('2025-09-30'));
  const early = await register('2025-06-02');
  return { open: open.number, closed: closed.number, early: early.number };
}

/** The schedule file imported as `gongkai calendar import` would: parsed, planned and written to dataDir. */
function importSchedule(dataDir: string, schedule: YearSchedule): void {
  const parsed = parseScheduleFile('2025.json', serializeSchedule(schedule), { latestYear: 2027 });
  const { plans } = planImport(parsed.years, new Map(loadSchedules(dataDir).map((s) => [s.year, s])));
  assert.deepEqual(plans.map((p) => [p.year, p.action]), [[2025, 'replace']]);
  writeImportedSchedules(dataDir, plans.map((p) => p.after));
}

test('recomputeDueDates moves the open case received before the lengthened holiday, and only that one', async (t) => {
  const opened = await openSeededDatabase();
  t.after(() => opened.close());
  const { db } = opened;
  const cases = await seedCases(db);
  const dueOf = async (number: string) => (await getApplicationByNumber(db, number))!.due_on;
  assert.equal(await dueOf(cases.open), '2025-10-24');
  assert.equal(await dueOf(cases.closed), '2025-10-24');
  const earlyDue = await dueOf(cases.early);

  const dataDir = tempDir();
  importSchedule(dataDir, longerNationalDay());
  const calendar = loadCalendar(dataDir);
  const now = new Date();
  const moved = await recomputeDueDates(db, { calendar, today: todayInChina(now), now: now.toISOString() });
  assert.deepEqual(moved, [{ number: cases.open, before: '2025-10-24', after: '2025-10-27' }]);
  assert.equal(await dueOf(cases.open), '2025-10-27');
  assert.equal(await dueOf(cases.closed), '2025-10-24', 'a closed case keeps the due date it was judged by');
  assert.equal(await dueOf(cases.early), earlyDue);

  const row = (await getApplicationByNumber(db, cases.open))!;
  const d = deadlineOf(await eventsOf(db, row.id), calendar, todayInChina());
  assert.equal(isoOf(d!.due!), row.due_on, 'the snapshot is what the clock says under the new schedule');
  assert.deepEqual(await recomputeDueDates(db, { calendar, today: todayInChina(now), now: now.toISOString() }), [], 'nothing moves twice');
  const audit = await db.selectFrom('audit_events').select(['action', 'data']).where('subject_id', '=', cases.open).where('action', '=', 'due_recomputed').execute();
  assert.deepEqual(audit.map((a) => JSON.parse(a.data ?? '{}')), [{ before: '2025-10-24', after: '2025-10-27' }], 'the move is in the audit trail');
});

const bin = fileURLToPath(new URL('../../bin/gongkai.js', import.meta.url));

function gongkai(dataDir: string, ...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const { DATABASE_URL: _, ...env } = process.env;
    const child = spawn(process.execPath, [bin, ...args], { env: { ...env, GONGKAI_DATA_DIR: dataDir } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

test('gongkai calendar import FILE --yes lists the cases whose due date moved, and a second run finds none', async () => {
  const dataDir = tempDir();
  const opened = await openDatabase({ dataDir });
  let cases: Awaited<ReturnType<typeof seedCases>>;
  try {
    await seedDemo(opened.db);
    cases = await seedCases(opened.db);
  } finally {
    await opened.close();
  }
  const file = path.join(tempDir(), '2025.json');
  writeFileSync(file, serializeSchedule(longerNationalDay()));

  const preview = await gongkai(dataDir, 'calendar', 'import', file);
  assert.equal(preview.status, 0, preview.stderr);
  assert.doesNotMatch(preview.stdout, /答复期限/, 'a preview touches no case');

  const applied = await gongkai(dataDir, 'calendar', 'import', file, '--yes');
  assert.equal(applied.status, 0, applied.stderr);
  assert.equal(applied.stderr, '');
  assert.match(applied.stdout, /2025年：替换现有安排/);
  assert.match(applied.stdout, /已导入 1 个年份/);
  assert.match(applied.stdout, new RegExp(`1 件在办申请的答复期限随之改变：\\n {2}申请 ${cases.open}：答复期限 2025-10-24 → 2025-10-27\\n`));
  assert.doesNotMatch(applied.stdout, new RegExp(`${cases.closed}|${cases.early}`));
  assert.match(applied.stdout, /正在运行的服务（npm start）须重新启动/);

  const again = await gongkai(dataDir, 'calendar', 'import', file, '--yes');
  assert.equal(again.status, 0, again.stderr);
  assert.match(again.stdout, /没有需要导入的变化，未写入任何文件。\n没有在办申请的答复期限发生变化。\n$/);

  const reopened = await openDatabase({ dataDir });
  try {
    assert.equal((await getApplicationByNumber(reopened.db, cases.open))!.due_on, '2025-10-27');
  } finally {
    await reopened.close();
  }
});

test('gongkai calendar import --yes on a data directory without a database creates none', async () => {
  const dataDir = tempDir();
  const file = path.join(tempDir(), '2025.json');
  writeFileSync(file, serializeSchedule(longerNationalDay()));
  const r = await gongkai(dataDir, 'calendar', 'import', file, '--yes');
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /没有在办申请的答复期限发生变化。/);
  assert.deepEqual(readdirSync(dataDir), ['calendar']);
});
