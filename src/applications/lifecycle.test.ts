// The rules of decide(): who may do what (403), in which state (409), with which dates and payloads (422).
// Expected dates are worked out by hand from the official 2024 schedule (国庆节 10-01..10-07, 调休 09-29 and
// 10-12): for a case received on 2024-10-08 (Tue), the 20th working day is 2024-11-04:
// 10-09(1) 10(2) 11(3) 12调(4) 14..18(9) 21..25(14) 28..31(18) 11-01(19) 11-04(20).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadCalendar } from '../calendar/store.ts';
import { decide, type DecideContext, type Decision } from './lifecycle.ts';
import { caseStateOf, type Action, type Actor, type CaseEvent } from './model.ts';

const calendar = loadCalendar();
const AGENCY = 10;
const DEPT = 20;

const applicant: Actor = { userId: null, role: 'applicant', agencyId: null };
const office: Actor = { userId: 1, role: 'office', agencyId: AGENCY, name: '公开办 王' };
const foreignOffice: Actor = { userId: 9, role: 'office', agencyId: 99 };
const handler: Actor = { userId: 2, role: 'handler', agencyId: DEPT };
const otherHandler: Actor = { userId: 3, role: 'handler', agencyId: 30 };
const leader: Actor = { userId: 4, role: 'leader', agencyId: AGENCY };
const foreignLeader: Actor = { userId: 5, role: 'leader', agencyId: 99 };
const supervisor: Actor = { userId: 6, role: 'supervisor', agencyId: 1 };
const admin: Actor = { userId: 7, role: 'admin', agencyId: AGENCY };
const system: Actor = { userId: null, role: 'system', agencyId: null };

function ctx(today: string, extra: Partial<DecideContext> = {}): DecideContext {
  return { today, now: `${today}T02:00:00.000Z`, calendar, ...extra };
}

function attempt(events: readonly CaseEvent[], action: Action, actor: Actor, today: string, extra: Partial<DecideContext> = {}): Decision {
  return decide(events, action, actor, ctx(today, extra));
}

/** Appends the action, which must be accepted; returns the new list. */
function must(events: readonly CaseEvent[], action: Action, actor: Actor, today: string, extra: Partial<DecideContext> = {}): CaseEvent[] {
  const d = attempt(events, action, actor, today, extra);
  if (!d.ok) assert.fail(`${action.type} refused (${d.status}): ${d.message}`);
  return [...events, d.event];
}

function refused(d: Decision, status: 403 | 409 | 422, message?: string | RegExp): void {
  if (d.ok) assert.fail(`accepted ${d.event.type}, expected ${status}`);
  assert.equal(d.status, status, d.message);
  if (typeof message === 'string') assert.equal(d.message, message);
  else if (message) assert.match(d.message, message);
}

const stateOf = (events: readonly CaseEvent[]) => caseStateOf(events).state;

/** A paper application registered (received) on 2024-10-08. */
const registered = (): CaseEvent[] =>
  must([], { type: 'register', on: '2024-10-08', data: { agencyId: AGENCY, channel: 'in_person' } }, office, '2024-10-08');

/** Registered on 2024-10-08 and assigned to DEPT the same day. */
const assigned = (): CaseEvent[] => must(registered(), { type: 'assign', data: { departmentId: DEPT } }, office, '2024-10-08');

// --- The event ---------------------------------------------------------------------------------------------

test('an accepted action becomes the next event: seq, on (default today), at, actor, trimmed payload and reason', () => {
  const events = must([], { type: 'submit', on: '2024-09-27', data: { agencyId: AGENCY, channel: ' online ' } }, applicant, '2024-09-27');
  assert.deepEqual(events[0], {
    seq: 1,
    type: 'submit',
    on: '2024-09-27',
    at: '2024-09-27T02:00:00.000Z',
    actor: { userId: null, role: 'applicant', agencyId: null },
    data: { agencyId: AGENCY, channel: 'online' },
  });
  const signed = must(events, { type: 'sign', data: {}, reason: '  电话确认  ' }, office, '2024-09-29');
  assert.deepEqual(signed[1], {
    seq: 2,
    type: 'sign',
    on: '2024-09-29',
    at: '2024-09-29T02:00:00.000Z',
    actor: { userId: 1, role: 'office', agencyId: AGENCY, name: '公开办 王' },
    data: {},
    reason: '电话确认',
  });
});

test('an online submission is received when the office signs for it; a registration is received on its date', () => {
  const submitted = must([], { type: 'submit', on: '2024-09-27', data: { agencyId: AGENCY, channel: 'online' } }, applicant, '2024-09-27');
  assert.equal(caseStateOf(submitted).receivedOn, null);
  const signed = must(submitted, { type: 'sign', data: {} }, office, '2024-09-29');
  assert.equal(caseStateOf(signed).receivedOn, '2024-09-29');
  const letter = must(
    [],
    { type: 'register', on: '2024-10-09', data: { agencyId: AGENCY, channel: 'post', arrivedOn: '2024-10-08' } },
    office,
    '2024-10-10',
  );
  assert.deepEqual(letter[0]!.data, { agencyId: AGENCY, channel: 'post', arrivedOn: '2024-10-08' });
  assert.equal(caseStateOf(letter).state, 'handling');
});

// --- Who (403) ---------------------------------------------------------------------------------------------

test('only the office of the receiving agency registers, signs and assigns', () => {
  const reg: Action = { type: 'register', on: '2024-10-08', data: { agencyId: AGENCY, channel: 'in_person' } };
  refused(attempt([], reg, handler, '2024-10-08'), 403, '只有公开办可以登记申请');
  refused(attempt([], reg, foreignOffice, '2024-10-08'), 403, '只能为本机关登记申请');
  const submitted = must([], { type: 'submit', data: { agencyId: AGENCY, channel: 'online' } }, applicant, '2024-09-27');
  refused(attempt(submitted, { type: 'sign', data: {} }, handler, '2024-09-29'), 403, '只有公开办可以签收');
  refused(attempt(submitted, { type: 'sign', data: {} }, foreignOffice, '2024-09-29'), 403, '本案不属于你所在的机关');
  refused(attempt(registered(), { type: 'assign', data: { departmentId: DEPT } }, leader, '2024-10-08'), 403, '只有公开办可以转办');
});

test('a handler acts only on a case assigned to the handler’s own department', () => {
  const consult: Action = { type: 'start_consultation', on: '2024-10-10', data: { party: 'third_party' } };
  refused(attempt(registered(), consult, handler, '2024-10-10'), 403, '本案未转办至你所在的部门');
  refused(attempt(assigned(), consult, otherHandler, '2024-10-10'), 403, '本案未转办至你所在的部门');
  must(assigned(), consult, handler, '2024-10-10');
  must(registered(), consult, office, '2024-10-10'); // the office handles unassigned cases itself
});

test('退回 is the department’s, with a reason; the case goes back to the office', () => {
  const back: Action = { type: 'return', on: '2024-10-09', data: {} };
  refused(attempt(assigned(), back, office, '2024-10-09'), 403, '只有承办部门可以退回');
  refused(attempt(assigned(), back, handler, '2024-10-09'), 422, '退回必须写明理由');
  const returned = must(assigned(), { ...back, reason: '不属于本部门职责' }, handler, '2024-10-09');
  assert.equal(caseStateOf(returned).departmentId, null);
  assert.equal(stateOf(returned), 'handling');
  refused(attempt(returned, { type: 'note', data: { text: '再看看' } }, handler, '2024-10-09'), 403, '本案未转办至你所在的部门');
  refused(attempt(assigned(), { type: 'assign', data: { departmentId: DEPT } }, office, '2024-10-09'), 409, '本案已转办至该部门');
});

test('extensions are approved or rejected by a leader of the receiving agency only', () => {
  const requested = must(assigned(), { type: 'request_extension', on: '2024-10-28', data: {}, reason: '需调取档案' }, handler, '2024-10-28');
  const approve: Action = { type: 'approve_extension', on: '2024-10-30', data: {} };
  refused(attempt(requested, approve, office, '2024-10-30'), 403, '延期须经机关负责人批准');
  refused(attempt(requested, approve, handler, '2024-10-30'), 403, '延期须经机关负责人批准');
  refused(attempt(requested, { type: 'reject_extension', data: {} }, office, '2024-10-30'), 403, '是否批准延期由机关负责人决定');
  refused(attempt(requested, approve, foreignLeader, '2024-10-30'), 403, '本案不属于你所在的机关');
  const approved = must(requested, approve, leader, '2024-10-30');
  assert.equal(caseStateOf(approved).extension?.approvedOn, '2024-10-30');
});

test('supervisors only add notes; admins and unknown roles do not handle cases; the applicant submits and withdraws', () => {
  const reply: Action = { type: 'reply', data: { replyType: 'disclosed', legalBasis: '第三十六条第（二）项' } };
  refused(attempt(assigned(), reply, supervisor, '2024-10-20'), 403, '监督人员只能查看和备注，不能办理');
  must(assigned(), { type: 'note', data: { text: '请注意期限' } }, supervisor, '2024-10-20');
  refused(attempt(assigned(), reply, admin, '2024-10-20'), 403, '无权办理依申请公开事项');
  refused(attempt(assigned(), reply, { userId: 1, role: 'clerk', agencyId: AGENCY } as unknown as Actor, '2024-10-20'), 403);
  refused(attempt(assigned(), reply, applicant, '2024-10-20'), 403, '只有公开办或承办部门可以作出答复');
  refused(attempt(assigned(), { type: 'note', data: { text: '催一下' } }, applicant, '2024-10-20'), 403);
  refused(attempt(assigned(), { type: 'withdraw', data: {} }, handler, '2024-10-20'), 403, '只有申请人或公开办可以撤回申请');
  const withdrawn = must(assigned(), { type: 'withdraw', data: {} }, applicant, '2024-10-20');
  assert.equal(caseStateOf(withdrawn).withdrawnBy, 'applicant');
  assert.equal(caseStateOf(must(assigned(), { type: 'withdraw', data: {} }, office, '2024-10-20')).withdrawnBy, 'agency');
  refused(attempt([], { type: 'submit', data: { agencyId: AGENCY, channel: 'online' } }, office, '2024-10-20'), 403, '只有申请人或系统可以提交申请');
});

// --- When (409) --------------------------------------------------------------------------------------------

test('a case starts with one submission or registration, and an online one must be signed for first', () => {
  refused(attempt([], { type: 'sign', data: {} }, office, '2024-10-08'), 409, '尚无申请记录，须先提交或登记申请');
  const reg: Action = { type: 'register', on: '2024-10-08', data: { agencyId: AGENCY, channel: 'in_person' } };
  refused(attempt(registered(), reg, office, '2024-10-08'), 409, '本案已有申请记录，不能再次提交或登记');
  refused(attempt(registered(), { type: 'sign', data: {} }, office, '2024-10-08'), 409, '申请已签收，不能重复签收');
  const submitted = must([], { type: 'submit', data: { agencyId: AGENCY, channel: 'online' } }, applicant, '2024-10-08');
  refused(attempt(submitted, { type: 'assign', data: { departmentId: DEPT } }, office, '2024-10-08'), 409, '申请尚未签收，不能转办');
  must(submitted, { type: 'withdraw', data: {} }, applicant, '2024-10-08');
});

test('while a correction is awaited only its arrival, its lapse, a withdrawal, routing and notes are possible', () => {
  const waiting = must(assigned(), { type: 'request_correction', on: '2024-10-09', data: { items: '请写明文件名称', periodEnd: '2024-10-20' } }, handler, '2024-10-09');
  assert.equal(stateOf(waiting), 'awaiting_correction');
  const reply: Action = { type: 'reply', data: { replyType: 'disclosed', legalBasis: '第三十六条' } };
  refused(attempt(waiting, reply, handler, '2024-10-10'), 409, '正在等待申请人补正（补正期限至2024年10月20日），不能作出答复');
  refused(attempt(waiting, { type: 'start_consultation', data: { party: 'agency' } }, handler, '2024-10-10'), 409);
  refused(attempt(waiting, { type: 'request_extension', data: {}, reason: '复杂' }, handler, '2024-10-10'), 409);
  must(waiting, { type: 'note', data: { text: '已电话提醒' } }, handler, '2024-10-10');
  must(waiting, { type: 'return', data: {}, reason: '非本部门' }, handler, '2024-10-10');
});

test('补正 belongs at the start: not after a consultation, fee, extension or art. 35 deadline; again only after an arrival', () => {
  const correction: Action = { type: 'request_correction', on: '2024-10-16', data: { items: '请补充', periodEnd: '2024-10-25' } };
  const consulted = must(
    must(assigned(), { type: 'start_consultation', on: '2024-10-09', data: { party: 'third_party' } }, handler, '2024-10-09'),
    { type: 'end_consultation', on: '2024-10-15', data: { replied: true } },
    handler,
    '2024-10-15',
  );
  refused(attempt(consulted, correction, handler, '2024-10-16'), 409, /不能再要求补正/);
  const once = must(assigned(), { ...correction, on: '2024-10-09' }, handler, '2024-10-09');
  refused(attempt(once, correction, handler, '2024-10-16'), 409, /正在等待申请人补正/);
  const arrived = must(once, { type: 'correction_received', on: '2024-10-14', data: {} }, office, '2024-10-14');
  const twice = must(arrived, correction, handler, '2024-10-16'); // 补正后仍不明确: a second round
  assert.equal(caseStateOf(twice).correctionRounds, 2);
});

test('state precedence: a fee notice during a consultation shows 待缴费; nothing new starts while awaiting payment', () => {
  const consulting = must(assigned(), { type: 'start_consultation', on: '2024-10-09', data: { party: 'third_party', name: '某公司' } }, handler, '2024-10-09');
  assert.equal(stateOf(consulting), 'consulting');
  const paying = must(consulting, { type: 'fee_notice', on: '2024-10-10', data: { amount: 200, basis: '按件，第11件', payBy: '2024-11-08' } }, handler, '2024-10-10');
  assert.equal(stateOf(paying), 'awaiting_payment');
  refused(attempt(paying, { type: 'start_consultation', data: { party: 'agency' } }, handler, '2024-10-11'), 409, /正在等待申请人缴费（缴费期限至2024年11月8日）/);
  const ended = must(paying, { type: 'end_consultation', on: '2024-10-11', data: { replied: false } }, handler, '2024-10-11');
  assert.equal(stateOf(ended), 'awaiting_payment');
  refused(attempt(ended, { type: 'end_consultation', data: { replied: true } }, handler, '2024-10-11'), 409, '没有进行中的征求意见');
  const paid = must(ended, { type: 'fee_paid', on: '2024-10-14', data: {} }, system, '2024-10-14');
  assert.equal(stateOf(paid), 'handling');
});

test('a reply needs every consultation and fee closed; delivery needs a reply; the answered case takes only delivery and notes', () => {
  const reply: Action = { type: 'reply', on: '2024-10-20', data: { replyType: 'disclosed', legalBasis: '第三十六条第（二）项' } };
  const consulting = must(assigned(), { type: 'start_consultation', on: '2024-10-09', data: { party: 'agency' } }, handler, '2024-10-09');
  refused(attempt(consulting, reply, handler, '2024-10-20'), 409, '征求意见尚未结束，不能作出答复');
  refused(attempt(assigned(), { type: 'deliver', data: { method: 'postal' } }, office, '2024-10-20'), 409, '尚未作出答复，不能送达');
  const answered = must(assigned(), reply, handler, '2024-10-20');
  assert.equal(stateOf(answered), 'answered');
  refused(attempt(answered, { type: 'withdraw', data: {} }, applicant, '2024-10-21'), 409, '已作出答复，待送达，不能撤回申请');
  refused(attempt(answered, reply, handler, '2024-10-21'), 409);
  must(answered, { type: 'note', data: { text: '已交邮' } }, office, '2024-10-21');
});

test('a closed, abandoned or withdrawn case takes nothing more, not even a note', () => {
  const answered = must(assigned(), { type: 'reply', on: '2024-10-20', data: { replyType: 'disclosed', legalBasis: '第三十六条' } }, handler, '2024-10-20');
  const closed = must(answered, { type: 'deliver', on: '2024-10-21', data: { method: 'postal' } }, office, '2024-10-21');
  assert.equal(stateOf(closed), 'closed');
  refused(attempt(closed, { type: 'note', data: { text: '归档' } }, office, '2024-10-22'), 409, '本案已办结，不能再作此操作');
  refused(attempt(closed, { type: 'deliver', data: { method: 'postal' } }, office, '2024-10-22'), 409, '本案已办结，不能再作此操作');
  const withdrawn = must(assigned(), { type: 'withdraw', data: {} }, applicant, '2024-10-20');
  refused(attempt(withdrawn, { type: 'note', data: { text: 'x' } }, office, '2024-10-22'), 409, '申请已撤回，本案已终结，不能再作此操作');
});

// --- Dates (422) -------------------------------------------------------------------------------------------

test('no step in the future, before the receipt day, or before the correction it follows', () => {
  refused(attempt(assigned(), { type: 'start_consultation', on: '2024-10-21', data: { party: 'agency' } }, handler, '2024-10-20'), 422, '征求意见日期（2024年10月21日）晚于今天（2024年10月20日），不能登记将来的日期');
  refused(attempt(assigned(), { type: 'start_consultation', on: '2024-10-07', data: { party: 'agency' } }, handler, '2024-10-20'), 422, '征求意见日期（2024年10月7日）早于收到申请之日（2024年10月8日）');
  refused(attempt(assigned(), { type: 'start_consultation', on: '2024-02-30', data: { party: 'agency' } }, handler, '2024-10-20'), 422, /实际存在/);
  const waiting = must(assigned(), { type: 'request_correction', on: '2024-10-10', data: { items: '请补充', periodEnd: '2024-10-20' } }, handler, '2024-10-10');
  refused(attempt(waiting, { type: 'correction_received', on: '2024-10-09', data: {} }, office, '2024-10-12'), 422, '收到补正之日（2024年10月9日）早于发出补正通知之日（2024年10月10日）');
  const arrived = must(waiting, { type: 'correction_received', on: '2024-10-15', data: {} }, office, '2024-10-15');
  refused(attempt(arrived, { type: 'fee_notice', on: '2024-10-14', data: { amount: 100, basis: '按件', payBy: '2024-12-31' } }, handler, '2024-10-16'), 422, /早于收到补正之日（2024年10月15日）/);
  refused(attempt(assigned(), { type: 'request_correction', on: '2024-10-10', data: { items: '请补充', periodEnd: '2024-10-10' } }, handler, '2024-10-10'), 422, '补正期限（2024年10月10日）应晚于补正通知发出之日（2024年10月10日）');
});

test('signing, registration and withdrawal dates', () => {
  const submitted = must([], { type: 'submit', on: '2024-09-27', data: { agencyId: AGENCY, channel: 'online' } }, applicant, '2024-09-27');
  refused(attempt(submitted, { type: 'sign', on: '2024-09-26', data: {} }, office, '2024-09-29'), 422, '签收日期（2024年9月26日）早于提交申请之日（2024年9月27日）');
  refused(attempt([], { type: 'register', on: '2008-04-30', data: { agencyId: AGENCY, channel: 'post' } }, office, '2024-09-29'), 422, /早于《政府信息公开条例》施行之日（2008年5月1日）/);
  refused(attempt([], { type: 'register', on: '2024-09-27', data: { agencyId: AGENCY, channel: 'post', arrivedOn: '2024-09-28' } }, office, '2024-09-29'), 422, '到达日期（2024年9月28日）晚于收到申请之日（2024年9月27日）');
  const later = must(assigned(), { type: 'start_consultation', on: '2024-10-15', data: { party: 'agency' } }, handler, '2024-10-15');
  refused(attempt(later, { type: 'withdraw', on: '2024-10-14', data: {} }, office, '2024-10-16'), 422, '撤回日期（2024年10月14日）早于本案上一步骤之日（2024年10月15日）');
});

test('a reply is not dated before the last step, and delivery not before the reply', () => {
  const ended = must(
    must(assigned(), { type: 'start_consultation', on: '2024-10-09', data: { party: 'agency' } }, handler, '2024-10-09'),
    { type: 'end_consultation', on: '2024-10-18', data: { replied: true } },
    handler,
    '2024-10-18',
  );
  const reply: Action = { type: 'reply', on: '2024-10-17', data: { replyType: 'disclosed', legalBasis: '第三十六条' } };
  refused(attempt(ended, reply, handler, '2024-10-20'), 422, '答复日期（2024年10月17日）早于本案上一步骤之日（2024年10月18日）');
  const answered = must(ended, { ...reply, on: '2024-10-21' }, handler, '2024-10-21');
  refused(attempt(answered, { type: 'deliver', on: '2024-10-20', data: { method: 'postal' } }, office, '2024-10-22'), 422, '送达日期（2024年10月20日）早于答复日期（2024年10月21日）');
  const closed = must(answered, { type: 'deliver', on: '2024-10-21', data: { method: 'postal' } }, office, '2024-10-22');
  assert.equal(caseStateOf(closed).deliveredOn, '2024-10-21');
});

test('视为放弃 only after the correction period has ended; a late correction needs a reason', () => {
  const waiting = must(assigned(), { type: 'request_correction', on: '2024-10-09', data: { items: '请写明文号', periodEnd: '2024-10-20' } }, handler, '2024-10-09');
  const lapse: Action = { type: 'correction_lapsed', on: '2024-10-20', data: {} };
  refused(attempt(waiting, lapse, handler, '2024-10-20'), 422, '补正期限（2024年10月20日）尚未届满，不能认定视为放弃');
  refused(attempt(waiting, { ...lapse, on: '2024-10-21' }, handler, '2024-10-20'), 422, /晚于今天/);
  const abandoned = must(waiting, { ...lapse, on: '2024-10-21' }, handler, '2024-10-21');
  assert.equal(stateOf(abandoned), 'abandoned');
  assert.equal(caseStateOf(abandoned).ending, 'correction_lapsed');
  refused(attempt(waiting, { type: 'correction_received', on: '2024-10-22', data: {} }, office, '2024-10-22'), 422, '补正期限（2024年10月20日）已届满，逾期补正的须写明正当理由');
  must(waiting, { type: 'correction_received', on: '2024-10-22', data: {}, reason: '申请人住院，邮寄延误' }, office, '2024-10-22');
});

// --- Fee ---------------------------------------------------------------------------------------------------

test('fee notices: 条例2019 only, from 2021-01-01, once, pay-by at least 20 working days, lapse only after it', () => {
  const old = must([], { type: 'register', on: '2018-03-01', data: { agencyId: AGENCY, channel: 'post' } }, office, '2018-03-01');
  const fee = (on: string, payBy: string, amount = 100): Action => ({ type: 'fee_notice', on, data: { amount, basis: '按件计收', payBy } });
  refused(attempt(old, fee('2018-03-02', '2018-04-30'), office, '2018-03-02'), 409, '本申请适用条例2008，不能收取信息处理费');
  const y2020 = must([], { type: 'register', on: '2020-12-01', data: { agencyId: AGENCY, channel: 'post' } }, office, '2020-12-01');
  refused(attempt(y2020, fee('2020-12-02', '2021-01-31'), office, '2020-12-02'), 422, /自2021年1月1日起施行/);

  const received = must([], { type: 'register', on: '2022-03-01', data: { agencyId: AGENCY, channel: 'post' } }, office, '2022-03-01');
  // 2022-03-01 (Tue) + 20 working days: 03-02..04(3) 07..11(8) 14..18(13) 21..25(18) 28 29(20)
  refused(attempt(received, fee('2022-03-01', '2022-03-28'), office, '2022-03-01'), 422, '缴费期限（2022年3月28日）过短：申请人自收到收费通知次日起有 20 个工作日缴费，缴费期限不得早于2022年3月29日');
  refused(attempt(received, fee('2022-03-01', '2022-03-29', 0), office, '2022-03-01'), 422, '收费金额应为大于 0 的金额（元）');
  refused(attempt(received, fee('2022-03-01', '2022-03-29', 10.005), office, '2022-03-01'), 422, '收费金额最多精确到分');
  const notified = must(received, fee('2022-03-01', '2022-03-29', 5500), office, '2022-03-01');
  assert.deepEqual(caseStateOf(notified).fee, { amount: 5500, basis: '按件计收', notifiedOn: '2022-03-01', payBy: '2022-03-29', paidOn: null, lapsedOn: null });
  refused(attempt(notified, { type: 'fee_lapsed', on: '2022-03-29', data: {} }, office, '2022-03-29'), 422, '缴费期限（2022年3月29日）尚未届满，不能认定视为放弃');
  refused(attempt(notified, { type: 'fee_paid', on: '2022-02-28', data: {} }, office, '2022-03-29'), 422, /早于收到申请之日/);
  const lapsed = must(notified, { type: 'fee_lapsed', on: '2022-03-30', data: {} }, office, '2022-03-30');
  assert.deepEqual([stateOf(lapsed), caseStateOf(lapsed).ending, caseStateOf(lapsed).closedOn], ['abandoned', 'fee_lapsed', '2022-03-30']);
  const paid = must(notified, { type: 'fee_paid', on: '2022-03-10', data: {} }, system, '2022-03-10');
  refused(attempt(paid, fee('2022-03-11', '2022-04-30'), office, '2022-03-11'), 409, '本案已于2022年3月1日发出收费通知，不能再次收费');
});

// --- Extension ---------------------------------------------------------------------------------------------

test('an extension approved after the base due date is refused, with both dates in the message', () => {
  // base due 2024-11-04 (see the top of the file)
  const requested = must(assigned(), { type: 'request_extension', on: '2024-11-01', data: {}, reason: '涉及多个部门' }, handler, '2024-11-01');
  refused(
    attempt(requested, { type: 'approve_extension', on: '2024-11-05', data: {} }, leader, '2024-11-05'),
    422,
    '批准延期之日（2024年11月5日）晚于原定答复期限（2024年11月4日），延期须在原定期限届满前决定，不能批准',
  );
  const approved = must(requested, { type: 'approve_extension', on: '2024-11-04', data: {} }, leader, '2024-11-05');
  assert.equal(caseStateOf(approved).extension?.approvedOn, '2024-11-04');
  refused(attempt(assigned(), { type: 'request_extension', on: '2024-11-05', data: {}, reason: '来不及' }, handler, '2024-11-05'), 422, '原定答复期限（2024年11月4日）已届满，不能再申请延期');
});

test('one extension: a request needs a reason, one pending at a time, again after a rejection, never after an approval', () => {
  const ask = (on: string): Action => ({ type: 'request_extension', on, data: {}, reason: '需要会商' });
  refused(attempt(assigned(), { type: 'request_extension', data: {} }, handler, '2024-10-20'), 422, '申请延期必须写明理由');
  refused(attempt(assigned(), { type: 'approve_extension', data: {} }, leader, '2024-10-20'), 409, '没有待批准的延期申请');
  const pending = must(assigned(), ask('2024-10-20'), handler, '2024-10-20');
  refused(attempt(pending, ask('2024-10-21'), handler, '2024-10-21'), 409, '已有待批准的延期申请（2024年10月20日提出）');
  refused(attempt(pending, { type: 'approve_extension', on: '2024-10-19', data: {} }, leader, '2024-10-21'), 422, '批准延期之日（2024年10月19日）早于申请延期之日（2024年10月20日）');
  const rejected = must(pending, { type: 'reject_extension', on: '2024-10-21', data: {} }, leader, '2024-10-21');
  assert.equal(caseStateOf(rejected).extension?.rejected, true);
  refused(attempt(rejected, ask('2024-10-20'), handler, '2024-10-22'), 422, /早于上次延期不予批准之日/);
  const again = must(rejected, ask('2024-10-22'), handler, '2024-10-22');
  const approved = must(again, { type: 'approve_extension', on: '2024-10-23', data: {} }, leader, '2024-10-23');
  refused(attempt(approved, ask('2024-10-24'), handler, '2024-10-24'), 409, '本案已于2024年10月23日延期，不能再次延期');
});

test('while a consultation holds the clock the base due date is unknown, so a later approval is still in time', () => {
  // consultation from 2024-10-30: 17 working days counted (10-30 itself included), the clock stops before the 20th
  const consulting = must(assigned(), { type: 'start_consultation', on: '2024-10-30', data: { party: 'third_party' } }, handler, '2024-10-30');
  const requested = must(consulting, { type: 'request_extension', on: '2024-10-31', data: {}, reason: '第三方意见未到' }, handler, '2024-10-31');
  must(requested, { type: 'approve_extension', on: '2024-11-08', data: {} }, leader, '2024-11-08');
});

// --- Art. 35 -----------------------------------------------------------------------------------------------

test('art. 35 deadline: 条例2019 only, with a reason, decided in time and later than the statutory due date, once', () => {
  const old = must([], { type: 'register', on: '2018-03-01', data: { agencyId: AGENCY, channel: 'post' } }, office, '2018-03-01');
  refused(attempt(old, { type: 'custom_deadline', on: '2018-03-05', data: { due: '2018-06-01' }, reason: '数量大' }, office, '2018-03-05'), 409, '本申请适用条例2008，不能依第三十五条另行确定答复期限');
  const custom = (on: string, due: string, reason?: string): Action => ({ type: 'custom_deadline', on, data: { due }, ...(reason ? { reason } : {}) });
  refused(attempt(assigned(), custom('2024-10-20', '2024-12-31'), office, '2024-10-20'), 422, '依第三十五条确定答复期限必须写明理由');
  refused(attempt(assigned(), custom('2024-10-20', '2024-11-04', '一次申请600项'), office, '2024-10-20'), 422, '依第三十五条确定的答复期限（2024年11月4日）应晚于法定答复期限（2024年11月4日）');
  refused(attempt(assigned(), custom('2024-11-05', '2024-12-31', '一次申请600项'), office, '2024-11-05'), 422, '法定答复期限（2024年11月4日）已届满，不能再依第三十五条另行确定答复期限');
  refused(attempt(assigned(), custom('2024-10-20', '2024-12-31', '一次申请600项'), handler, '2024-10-20'), 403, '只有公开办或机关负责人可以另行确定答复期限（第三十五条）');
  const set = must(assigned(), custom('2024-10-20', '2024-12-31', '一次申请600项'), leader, '2024-10-20');
  assert.deepEqual(caseStateOf(set).customDeadline, { decidedOn: '2024-10-20', due: '2024-12-31', reason: '一次申请600项' });
  refused(attempt(set, custom('2024-10-21', '2025-01-31', '再延'), office, '2024-10-21'), 409, /不能再次确定/);
  refused(attempt(set, { type: 'request_extension', data: {}, reason: '仍来不及' }, handler, '2024-10-21'), 409, '已依第三十五条另行确定答复期限（2024年12月31日），不再延期');
});

// --- Reply and delivery ------------------------------------------------------------------------------------

test('the reply type is checked by the validator passed in, for the case’s regime', () => {
  const calls: [string, string][] = [];
  const isValidReply = (regime: '2008' | '2019', id: string): string | null => {
    calls.push([regime, id]);
    // as src/law/replies.ts checkReply would answer: 2008 reply types do not apply to 条例2019 cases
    return regime === '2019' && !id.startsWith('2008.') ? null : `答复类型「${id}」不适用于条例${regime}`;
  };
  const reply = (replyType: string): Action => ({ type: 'reply', on: '2024-10-20', data: { replyType, legalBasis: '第三十七条', subReason: ' 涉及个人隐私 ', letterRef: '' } });
  refused(attempt(assigned(), reply('2008.partial'), handler, '2024-10-20', { isValidReply }), 422, '答复类型「2008.partial」不适用于条例2019');
  const answered = must(assigned(), reply('partially_disclosed'), handler, '2024-10-20', { isValidReply });
  assert.deepEqual(calls, [['2019', '2008.partial'], ['2019', 'partially_disclosed']]);
  assert.deepEqual(answered.at(-1)!.data, { replyType: 'partially_disclosed', legalBasis: '第三十七条', subReason: '涉及个人隐私' });
  assert.deepEqual(caseStateOf(answered).reply, {
    type: 'partially_disclosed',
    subReason: '涉及个人隐私',
    legalBasis: '第三十七条',
    letterRef: null,
    on: '2024-10-20',
  });
  refused(attempt(assigned(), { type: 'reply', data: { replyType: 'disclosed', legalBasis: ' ' } }, handler, '2024-10-20'), 422, '法律依据不能为空');
});

test('delivery methods and channels are checked by the validators passed in', () => {
  const isValidDeliveryMethod = (id: string) => (id === 'postal' || id === 'direct' ? null : `未知的送达方式：${id}`);
  const answered = must(assigned(), { type: 'reply', on: '2024-10-20', data: { replyType: 'disclosed', legalBasis: '第三十六条' } }, handler, '2024-10-20');
  refused(attempt(answered, { type: 'deliver', data: { method: 'courier' } }, office, '2024-10-21', { isValidDeliveryMethod }), 422, '未知的送达方式：courier');
  must(answered, { type: 'deliver', data: { method: 'postal' } }, office, '2024-10-21', { isValidDeliveryMethod });
  const isValidChannel = (id: string) => (id === 'online' ? null : `未知的申请渠道：${id}`);
  refused(attempt([], { type: 'submit', data: { agencyId: AGENCY, channel: 'pigeon' } }, applicant, '2024-10-21', { isValidChannel }), 422, '未知的申请渠道：pigeon');
});

// --- Consultations -----------------------------------------------------------------------------------------

test('overlapping consultations: name the one that ends when more than one is open', () => {
  const one = must(assigned(), { type: 'start_consultation', on: '2024-10-09', data: { party: 'third_party', name: '某公司' } }, handler, '2024-10-09');
  const two = must(one, { type: 'start_consultation', on: '2024-10-10', data: { party: 'agency', name: '市财政局' } }, handler, '2024-10-10');
  refused(attempt(two, { type: 'end_consultation', data: { replied: true } }, handler, '2024-10-15'), 422, '有 2 项征求意见正在进行，须指明结束哪一项（startSeq）');
  refused(attempt(two, { type: 'end_consultation', data: { startSeq: 1, replied: true } }, handler, '2024-10-15'), 422, '没有序号为 1 的进行中的征求意见');
  refused(attempt(two, { type: 'end_consultation', on: '2024-10-09', data: { startSeq: 4, replied: true } }, handler, '2024-10-15'), 422, '征求意见结束日期（2024年10月9日）早于征求意见之日（2024年10月10日）');
  const ended = must(two, { type: 'end_consultation', data: { startSeq: 4, replied: true } }, handler, '2024-10-15');
  assert.equal(stateOf(ended), 'consulting');
  const both = must(ended, { type: 'end_consultation', data: { replied: false } }, handler, '2024-10-16');
  assert.deepEqual(
    caseStateOf(both).consultations.map((c) => [c.seq, c.party, c.startedOn, c.endedOn, c.replied]),
    [
      [3, 'third_party', '2024-10-09', '2024-10-16', false],
      [4, 'agency', '2024-10-10', '2024-10-15', true],
    ],
  );
  assert.equal(stateOf(both), 'handling');
  refused(attempt(assigned(), { type: 'start_consultation', data: { party: 'friend' } } as unknown as Action, handler, '2024-10-09'), 422);
});
