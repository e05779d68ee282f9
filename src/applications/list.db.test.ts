// listApplications reads its order from the index a page at a time (cases with a due date, then those without):
// every page must be the slice of the one order — due date ascending, none last, then newest — that a plain sort
// of all the cases gives, across the boundary between the two parts too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadCalendar } from '../calendar/store.ts';
import { findAgencyByCode, findUserByUsername } from '../agencies/store.ts';
import { openSeededDatabase } from '../http/testing.ts';
import { actorOf, listScope, viewerOf } from './access.ts';
import { newApplicationSchema } from './input.ts';
import { listApplications, submitApplication, type ApplicationRow, type StoreContext } from './store.ts';

const calendar = loadCalendar();
const ctx = (today: string): StoreContext => ({ calendar, today, now: `${today}T02:00:00.000Z` });
const form = newApplicationSchema.parse({
  applicantKind: 'person',
  name: '张三',
  idType: 'resident_id_card',
  idNumber: '11010519491231002X',
  phone: '13812345678',
  description: '2024年本市城市更新项目的立项批复文件',
  provision: 'electronic',
  pickup: 'online',
});

test('every page is a slice of one order: due date ascending, none last, newest first among equals', async (t) => {
  const opened = await openSeededDatabase();
  t.after(() => opened.close());
  const { db } = opened;
  const city = (await findAgencyByCode(db, 'demo-city'))!;
  const office = await viewerOf(db, (await findUserByUsername(db, 'bangongshi'))!);
  const applicant = { userId: null, role: 'applicant' as const, agencyId: null };
  // Registered on five days, two cases a day (equal due dates), and seven online submissions not yet signed.
  for (const on of ['2024-09-02', '2024-08-26', '2024-09-09', '2024-08-26', '2024-09-02', '2024-09-16', '2024-09-09', '2024-08-19', '2024-09-16', '2024-08-19']) {
    await submitApplication(db, form, { agencyId: city.id, channel: 'in_person', actor: actorOf(office), on }, ctx(on));
  }
  for (let i = 0; i < 7; i++) await submitApplication(db, form, { agencyId: city.id, channel: 'online', actor: applicant }, ctx('2024-09-20'));

  const all = await db.selectFrom('applications').selectAll().execute();
  const expected = all
    .slice()
    .sort((a: ApplicationRow, b: ApplicationRow) =>
      a.due_on === b.due_on ? b.id - a.id : a.due_on === null ? 1 : b.due_on === null ? -1 : a.due_on.localeCompare(b.due_on),
    )
    .map((r) => r.id);
  assert.equal(expected.length, 17);
  for (const limit of [1, 4, 5, 10, 50]) {
    for (let offset = 0; offset <= 18; offset += limit) {
      const page = await listApplications(db, listScope(office), { limit, offset }, ctx('2024-09-20'));
      assert.equal(page.total, 17);
      assert.deepEqual(page.rows.map((r) => r.id), expected.slice(offset, offset + limit), `limit ${limit}, offset ${offset}`);
    }
  }
  const pending = await listApplications(db, listScope(office), { states: ['pending'], limit: 3, offset: 2 }, ctx('2024-09-20'));
  assert.equal(pending.total, 7);
  assert.deepEqual(pending.rows.map((r) => r.id), expected.slice(12, 15));
});
