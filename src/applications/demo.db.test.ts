// The demo applications: written through the store on a real database, every state present, due soon and overdue
// cases in the inbox, snapshots that agree with the events, letters that can be written, and nothing of the
// privacy test's applicant; a second run adds nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { todayInChina } from '../calendar/dates.ts';
import { loadCalendar } from '../calendar/store.ts';
import type { Db } from '../db/database.ts';
import { findUserByUsername } from '../agencies/store.ts';
import { openSeededDatabase } from '../http/testing.ts';
import { organisationKinds } from '../law/applicants.ts';
import { checkIdCardNumber, checkPhone } from '../law/identity.ts';
import { channelIds } from '../law/channels.ts';
import { listScope, viewerOf } from './access.ts';
import { deadlineOf } from './clock.ts';
import { DEMO_APPLICANT, seedDemoApplications } from './demo.ts';
import { caseStateOf, CASE_STATES } from './model.ts';
import { letterOf, lettersOf } from './present.ts';
import { eventsOf, listApplications, type StoreContext } from './store.ts';

const calendar = loadCalendar();

async function seeded(t: { after(fn: () => unknown): void }, today: string): Promise<{ db: Db; created: number }> {
  const opened = await openSeededDatabase();
  t.after(() => opened.close());
  return { db: opened.db, created: await seedDemoApplications(opened.db, calendar, today) };
}

const count = async (db: Db, table: 'applications' | 'application_events' | 'audit_events' | 'outbox') =>
  Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

// Today, and a day just after the National Day holiday (the cases' dates then straddle it).
for (const today of [todayInChina(), '2026-10-09']) {
  test(`demo applications as of ${today}: every state, consistent snapshots, letters, an inbox with due soon and overdue`, async (t) => {
    const { db, created } = await seeded(t, today);
    const rows = await db.selectFrom('applications').selectAll().orderBy('id').execute();
    assert.equal(created, rows.length);
    assert.ok(rows.length >= 30, `a few dozen cases (${rows.length})`);
    assert.deepEqual([...new Set(rows.map((r) => r.state))].sort(), [...CASE_STATES].sort());
    assert.equal(new Set(rows.map((r) => r.number)).size, rows.length, 'numbers are unique');

    const orgKinds = new Set(rows.filter((r) => r.applicant_kind === 'organisation').map((r) => r.organisation_kind));
    assert.deepEqual([...orgKinds].sort(), organisationKinds.map((k) => k.id).sort());
    assert.deepEqual([...new Set(rows.map((r) => r.channel))].sort(), [...channelIds].sort());
    const replyClasses = new Set(rows.map((r) => r.reply_type?.split('.')[0]).filter(Boolean));
    for (const c of ['disclosed', 'partially_disclosed', 'withheld', 'unable', 'not_processed']) assert.ok(replyClasses.has(c), c);
    assert.ok(rows.some((r) => r.department_id === null && r.state === 'handling'), 'a case the office handles itself');

    assert.ok(checkIdCardNumber(DEMO_APPLICANT.idNumber).ok && checkPhone(DEMO_APPLICANT.phone).ok, 'the privacy test can type it into the form');
    const mine = JSON.stringify(rows);
    for (const personal of [DEMO_APPLICANT.name, DEMO_APPLICANT.idNumber, DEMO_APPLICANT.phone]) {
      assert.ok(!mine.includes(personal), `the privacy test's applicant (${personal}) is not a demo case`);
    }

    const city = rows[0]!.agency_id;
    assert.ok(rows.every((r) => r.agency_id === city), 'all received by the city government');
    for (const row of rows) {
      const events = await eventsOf(db, row.id);
      assert.ok(events.every((e) => e.on <= today), `${row.number}: nothing dated after today`);
      assert.equal(row.last_seq, events.length);
      const state = caseStateOf(events);
      assert.equal(row.state, state.state, row.number);
      const d = deadlineOf(events, calendar, today);
      const due = d && d.due !== null ? new Date(d.due * 86_400_000).toISOString().slice(0, 10) : null;
      assert.equal(row.due_on, due, `${row.number}: snapshot due date = the clock on its events`);
      for (const l of lettersOf(events)) {
        const letter = letterOf(row, state, events, l.seq, '示范市人民政府', { dueOn: row.due_on });
        assert.ok(letter.paragraphs.length > 0, `${row.number}: ${l.label}`);
      }
    }

    const office = await viewerOf(db, (await findUserByUsername(db, 'bangongshi'))!);
    const ctx: StoreContext = { calendar, today, now: `${today}T02:00:00.000Z` };
    const soon = await listApplications(db, listScope(office), { due: 'soon' }, ctx);
    const overdue = await listApplications(db, listScope(office), { due: 'overdue' }, ctx);
    assert.ok(soon.total >= 2, `due soon: ${soon.total}`);
    assert.ok(overdue.total >= 2, `overdue: ${overdue.total}`);
    for (const username of ['banli', 'banli2']) {
      const handler = await viewerOf(db, (await findUserByUsername(db, username))!);
      assert.ok((await listApplications(db, listScope(handler), {}, ctx)).total >= 5, `${username} has work`);
    }
  });
}

test('seeding again adds nothing: not a case, an event, an audit record or a notice', async (t) => {
  const today = todayInChina();
  const { db, created } = await seeded(t, today);
  assert.ok(created > 0);
  const before = await Promise.all((['applications', 'application_events', 'audit_events', 'outbox'] as const).map((n) => count(db, n)));
  assert.equal(await seedDemoApplications(db, calendar, today), 0);
  const after = await Promise.all((['applications', 'application_events', 'audit_events', 'outbox'] as const).map((n) => count(db, n)));
  assert.deepEqual(after, before);
});
