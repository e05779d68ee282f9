// Which forms the workbench offers (lifecycle's WHO_MAY/ALLOWED_STATES and access's agency rules), how a form
// becomes an Action, and the due-date cell of the inbox. Forms offered must be forms decide() would take up:
// checked against decide() for each offered action with a well-formed payload.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadCalendar } from '../calendar/store.ts';
import type { Viewer } from './access.ts';
import { actorOf } from './access.ts';
import { decide } from './lifecycle.ts';
import { caseStateOf, type Action, type CaseEvent } from './model.ts';
import { actionFromForm, availableActions } from './staff-actions.ts';
import { dueCell } from './views/staff/format.ts';

const calendar = loadCalendar();
const CITY = 1;
const FGW = 3;
const ZRZY = 4;

const viewer = (role: Viewer['role'], agencyId: number, actingAgencyId = agencyId, parentId: number | null = CITY): Viewer => ({
  userId: 1,
  name: '测试',
  role,
  agencyId,
  actingAgencyId,
  parentId,
  subtree: role === 'supervisor' ? [CITY, 2, FGW, ZRZY] : [],
});
const office = viewer('office', 2, CITY);
const leader = viewer('leader', 2, CITY);
const handler = viewer('handler', FGW);
const otherHandler = viewer('handler', ZRZY);
const supervisor = viewer('supervisor', CITY, CITY, null);

const ev = (seq: number, type: CaseEvent['type'], on: string, data: object, role: CaseEvent['actor']['role'] = 'office', reason?: string): CaseEvent =>
  ({ seq, type, on, at: `${on}T02:00:00.000Z`, actor: { userId: 1, role, agencyId: role === 'handler' ? FGW : CITY }, data, ...(reason ? { reason } : {}) }) as CaseEvent;

const submitted = [ev(1, 'submit', '2024-09-27', { agencyId: CITY, channel: 'online' }, 'applicant')];
const signed = [...submitted, ev(2, 'sign', '2024-09-29', {})];
const assigned = [...signed, ev(3, 'assign', '2024-09-29', { departmentId: FGW })];
const extensionAsked = [...assigned, ev(4, 'request_extension', '2024-10-15', {}, 'handler', '档案多')];

const offered = (v: Viewer, events: CaseEvent[], access: 'full' | 'masked' | null = 'full') => availableActions(v, access, CITY, caseStateOf(events));

test('forms offered by role, agency and state', () => {
  assert.deepEqual(offered(office, submitted), ['sign', 'withdraw', 'note']);
  assert.deepEqual(offered(handler, submitted, 'masked'), []);
  assert.ok(offered(office, signed).includes('assign'));
  assert.ok(!offered(office, signed).includes('return'), 'a 退回 is the department’s');
  assert.deepEqual(offered(leader, signed), ['custom_deadline', 'note']);
  assert.ok(offered(handler, assigned).includes('return'));
  assert.ok(offered(handler, assigned).includes('reply'));
  assert.deepEqual(offered(otherHandler, assigned, 'masked'), []);
  assert.deepEqual(offered(supervisor, assigned, 'masked'), ['note']);
  assert.deepEqual(offered(office, assigned, null), []);
  assert.ok(!offered(handler, extensionAsked).includes('approve_extension'));
  assert.ok(!offered(handler, extensionAsked).includes('request_extension'), 'one request at a time');
  assert.ok(!offered(handler, extensionAsked).includes('request_correction'), '补正 belongs at the start');
  assert.ok(offered(leader, extensionAsked).includes('approve_extension') && offered(leader, extensionAsked).includes('reject_extension'));
  const foreignOffice = viewer('office', 20, 10);
  assert.deepEqual(offered(foreignOffice, assigned), []);
  const closed = [...assigned, ev(4, 'reply', '2024-10-20', { replyType: 'disclosed', legalBasis: 'x' }, 'handler'), ev(5, 'deliver', '2024-10-21', { method: 'postal' }, 'handler')];
  assert.deepEqual(offered(office, closed), []);
});

test('every offered form with a sensible payload is accepted by decide()', () => {
  const payloads: Partial<Record<Action['type'], Record<string, string>>> = {
    sign: {},
    assign: { departmentId: String(ZRZY) },
    return: { reason: '不属于本部门职责' },
    request_correction: { items: '写明文号', periodEnd: '2024-10-30' },
    start_consultation: { party: 'third_party', name: '某公司' },
    fee_notice: { amount: '100', basis: '按件计收', payBy: '2024-11-30' },
    request_extension: { reason: '档案多' },
    approve_extension: {},
    reject_extension: { reason: '理由不充分' },
    custom_deadline: { due: '2024-12-31', reason: '数量明显超过合理范围' },
    reply: { replyType: 'disclosed', legalBasis: '条例2019第三十六条第（二）项' },
    withdraw: { reason: '申请人书面撤回' },
    note: { text: '已电话联系申请人' },
  };
  const ctx = { today: '2024-10-16', now: '2024-10-16T02:00:00.000Z', calendar };
  for (const [v, events] of [[office, submitted], [office, signed], [handler, assigned], [leader, extensionAsked], [supervisor, assigned]] as const) {
    for (const type of availableActions(v, v === supervisor ? 'masked' : 'full', CITY, caseStateOf(events))) {
      const fields = payloads[type];
      if (!fields) continue;
      const parsed = actionFromForm(type, { on: '2024-10-16', ...fields });
      assert.ok(parsed.ok, `${type}: ${!parsed.ok && parsed.message}`);
      const d = decide(events, parsed.action, actorOf(v), ctx);
      assert.ok(d.ok, `${v.role} ${type}: ${!d.ok && d.message}`);
    }
  }
});

test('form → Action: dates default to today (left out), malformed input is refused in Chinese', () => {
  assert.deepEqual(actionFromForm('sign', {}), { ok: true, action: { type: 'sign', data: {} } });
  assert.deepEqual(actionFromForm('return', { on: '2024-10-08', reason: '  不属于本部门  ' }), { ok: true, action: { type: 'return', on: '2024-10-08', reason: '不属于本部门', data: {} } });
  assert.deepEqual(actionFromForm('sign', { on: '10/08/2024' }), { ok: false, message: '日期应为 YYYY-MM-DD 格式，如 2024-10-08' });
  assert.equal((actionFromForm('assign', { departmentId: 'x' }) as { message: string }).message, '请选择承办部门');
  assert.deepEqual(actionFromForm('fee_notice', { amount: '35.50', basis: '按件', payBy: '2024-11-30' }), {
    ok: true,
    action: { type: 'fee_notice', data: { amount: 35.5, basis: '按件', payBy: '2024-11-30' } },
  });
  assert.equal(actionFromForm('fee_notice', { amount: '1.234', basis: 'x', payBy: '2024-11-30' }).ok, false);
  assert.equal(actionFromForm('end_consultation', {}).ok, false);
  assert.deepEqual(actionFromForm('end_consultation', { replied: 'no' }), { ok: true, action: { type: 'end_consultation', data: { replied: false } } });
  const reply = actionFromForm('reply', { replyType: 'partially_disclosed', legalBasis: 'x', disclosedPart: 'a', withheldPart: '', subReason: 'b\r\nc' });
  assert.deepEqual(reply, { ok: true, action: { type: 'reply', data: { replyType: 'partially_disclosed', legalBasis: 'x', disclosedPart: 'a', subReason: 'b\nc' } } });
  assert.equal(actionFromForm('register', {}).ok, false);
});

test('the due cell: overdue and due soon in colour and in words, like the store’s filters', () => {
  const cell = (due: string | null, today: string, state: 'handling' | 'pending' | 'closed' = 'handling') => dueCell({ state, due_on: due }, calendar, today, 5);
  assert.deepEqual(cell('2024-10-31', '2024-10-25'), { kind: 'soon', due: '2024-10-31', note: '剩余 4 个工作日' });
  assert.deepEqual(cell('2024-10-25', '2024-10-25'), { kind: 'soon', due: '2024-10-25', note: '今日到期' });
  assert.deepEqual(cell('2024-11-21', '2024-10-25'), { kind: 'plain', due: '2024-11-21', note: '剩余 19 个工作日' });
  assert.deepEqual(cell('2024-10-08', '2024-10-25'), { kind: 'overdue', due: '2024-10-08', note: '已超期 14 个工作日' });
  assert.deepEqual(cell('2024-10-25', '2024-10-26'), { kind: 'overdue', due: '2024-10-25', note: '已超期' }, 'a Saturday after a Friday due date');
  assert.equal(cell('2024-11-01', '2024-10-25').kind, 'soon', 'the 5th working day after today');
  assert.equal(cell('2024-11-04', '2024-10-25').kind, 'plain');
  assert.deepEqual(cell(null, '2024-10-25', 'pending'), { kind: 'none', due: null, note: '签收后起算' });
  assert.deepEqual(cell('2024-10-08', '2024-10-25', 'closed'), { kind: 'none', due: '2024-10-08', note: '已办结' });
});
