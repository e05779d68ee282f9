// The fold: a case's state from its events, built here by hand (not through decide), so that the fold is
// checked on its own: receipt, regime, routing, the state precedence, endings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dayOf } from '../calendar/dates.ts';
import {
  ACTION_LABELS,
  ACTION_TYPES,
  caseStateOf,
  CASE_STATES,
  chineseDate,
  STATE_LABELS,
  stateOf,
  type Actor,
  type CaseEvent,
  type CaseState,
  type EventData,
  type ActionType,
} from './model.ts';

const office: Actor = { userId: 1, role: 'office', agencyId: 10 };
const applicant: Actor = { userId: null, role: 'applicant', agencyId: null };

/** Events from [type, on, data?, reason?, actor?] tuples, numbered 1, 2, 3 … */
type Row = { [K in ActionType]: [K, string, EventData[K]?, string?, Actor?] }[ActionType];
function events(...rows: Row[]): CaseEvent[] {
  return rows.map(([type, on, data, reason, actor], i) => {
    const e = { seq: i + 1, type, on, at: `${on}T01:00:00.000Z`, actor: actor ?? office, data: data ?? {} };
    return (reason === undefined ? e : { ...e, reason }) as CaseEvent;
  });
}

const received: Row = ['register', '2024-10-08', { agencyId: 10, channel: 'in_person' }];
const pick = (s: CaseState, ...keys: (keyof CaseState)[]) => Object.fromEntries(keys.map((k) => [k, s[k]]));

test('labels: every action and every state has its Chinese label', () => {
  assert.deepEqual(Object.keys(ACTION_LABELS).sort(), [...ACTION_TYPES].sort());
  assert.deepEqual(Object.keys(STATE_LABELS).sort(), [...CASE_STATES].sort());
  assert.deepEqual(
    CASE_STATES.map((s) => STATE_LABELS[s]),
    ['待签收', '办理中', '待补正', '征求意见中', '待缴费', '已答复待送达', '已办结', '视为放弃', '已撤回'],
  );
});

test('no events: an empty, pending case', () => {
  assert.deepEqual(pick(caseStateOf([]), 'state', 'open', 'lastSeq', 'receivedOn', 'regime'), {
    state: 'pending',
    open: true,
    lastSeq: 0,
    receivedOn: null,
    regime: null,
  });
});

test('online: pending until signed, the sign day is the receipt day and decides the regime', () => {
  const submitted = events(['submit', '2024-09-27', { agencyId: 10, channel: 'online' }, undefined, applicant]);
  assert.deepEqual(pick(caseStateOf(submitted), 'state', 'stateLabel', 'submittedOn', 'receivedOn', 'regime', 'agencyId', 'channel'), {
    state: 'pending',
    stateLabel: '待签收',
    submittedOn: '2024-09-27',
    receivedOn: null,
    regime: null,
    agencyId: 10,
    channel: 'online',
  });
  const signed = events(['submit', '2019-05-14', { agencyId: 10, channel: 'online' }, undefined, applicant], ['sign', '2019-05-15']);
  assert.deepEqual(pick(caseStateOf(signed), 'state', 'receivedOn', 'regime'), { state: 'handling', receivedOn: '2019-05-15', regime: '2019' });
});

test('registration: received on its date; the regime follows the receipt day and a configured cut-over', () => {
  const before = events(['register', '2019-05-14', { agencyId: 10, channel: 'post', arrivedOn: '2019-05-13' }]);
  assert.deepEqual(pick(caseStateOf(before), 'state', 'receivedOn', 'arrivedOn', 'regime'), {
    state: 'handling',
    receivedOn: '2019-05-14',
    arrivedOn: '2019-05-13',
    regime: '2008',
  });
  assert.equal(caseStateOf(before, { cutover: dayOf('2019-05-01') }).regime, '2019');
});

test('转办 and 退回 move the department, not the state', () => {
  const assigned = events(received, ['assign', '2024-10-08', { departmentId: 20 }]);
  assert.deepEqual(pick(caseStateOf(assigned), 'state', 'departmentId'), { state: 'handling', departmentId: 20 });
  const returned = events(received, ['assign', '2024-10-08', { departmentId: 20 }], ['return', '2024-10-09', {}, '不属本部门']);
  assert.deepEqual(pick(caseStateOf(returned), 'state', 'departmentId'), { state: 'handling', departmentId: null });
});

test('precedence: 待补正, then 待缴费 over 征求意见中, then 办理中 when everything is closed', () => {
  const waiting = events(received, ['request_correction', '2024-10-09', { items: '文号', periodEnd: '2024-10-20' }]);
  assert.equal(caseStateOf(waiting).state, 'awaiting_correction');
  const corrected = events(
    received,
    ['request_correction', '2024-10-09', { items: '文号', periodEnd: '2024-10-20' }],
    ['correction_received', '2024-10-14'],
  );
  assert.deepEqual(caseStateOf(corrected).correction, {
    requestedOn: '2024-10-09',
    items: '文号',
    periodEnd: '2024-10-20',
    receivedOn: '2024-10-14',
    lapsedOn: null,
  });
  const consulting: Row = ['start_consultation', '2024-10-15', { party: 'third_party' }];
  const fee: Row = ['fee_notice', '2024-10-16', { amount: 100, basis: '按件', payBy: '2024-11-20' }];
  assert.equal(caseStateOf(events(received, consulting)).state, 'consulting');
  assert.equal(caseStateOf(events(received, consulting, fee)).state, 'awaiting_payment');
  assert.equal(caseStateOf(events(received, consulting, fee, ['fee_paid', '2024-10-18'])).state, 'consulting');
  const ended: Row = ['end_consultation', '2024-10-17', { startSeq: 2, replied: false }];
  assert.equal(caseStateOf(events(received, consulting, ended)).state, 'handling');
});

test('an open consultation keeps 征求意见中 until each one has ended', () => {
  const consultations = events(
    received,
    ['start_consultation', '2024-10-15', { party: 'third_party', name: '某公司' }],
    ['start_consultation', '2024-10-16', { party: 'agency' }],
    ['end_consultation', '2024-10-17', { startSeq: 3, replied: true }],
  );
  const s = caseStateOf(consultations);
  assert.equal(s.state, 'consulting');
  assert.deepEqual(s.consultations, [
    { seq: 2, party: 'third_party', name: '某公司', startedOn: '2024-10-15', endedOn: null, replied: null },
    { seq: 3, party: 'agency', name: null, startedOn: '2024-10-16', endedOn: '2024-10-17', replied: true },
  ]);
});

test('reply, then delivery: 已答复待送达, then 已办结', () => {
  const reply: Row = ['reply', '2024-10-20', { replyType: 'disclosed', legalBasis: '第三十六条', letterRef: '市政公开〔2024〕3号' }];
  const answered = caseStateOf(events(received, reply));
  assert.deepEqual(pick(answered, 'state', 'stateLabel', 'open', 'deliveredOn', 'ending'), {
    state: 'answered',
    stateLabel: '已答复待送达',
    open: true,
    deliveredOn: null,
    ending: null,
  });
  const closed = caseStateOf(events(received, reply, ['deliver', '2024-10-22', { method: 'postal' }]));
  assert.deepEqual(pick(closed, 'state', 'open', 'deliveredOn', 'deliveryMethod', 'ending', 'closedOn'), {
    state: 'closed',
    open: false,
    deliveredOn: '2024-10-22',
    deliveryMethod: 'postal',
    ending: 'delivered',
    closedOn: '2024-10-22',
  });
  assert.equal(closed.reply?.letterRef, '市政公开〔2024〕3号');
});

test('endings without an answer: 视为放弃 (补正 or fee) and 已撤回, which wins over everything', () => {
  const lapsed = caseStateOf(
    events(received, ['request_correction', '2024-10-09', { items: '文号', periodEnd: '2024-10-20' }], ['correction_lapsed', '2024-10-21']),
  );
  assert.deepEqual(pick(lapsed, 'state', 'open', 'ending', 'closedOn'), { state: 'abandoned', open: false, ending: 'correction_lapsed', closedOn: '2024-10-21' });
  const unpaid = caseStateOf(events(received, ['fee_notice', '2024-10-09', { amount: 100, basis: '按件', payBy: '2024-11-06' }], ['fee_lapsed', '2024-11-07']));
  assert.deepEqual(pick(unpaid, 'state', 'ending', 'closedOn'), { state: 'abandoned', ending: 'fee_lapsed', closedOn: '2024-11-07' });
  const withdrawn = caseStateOf(
    events(received, ['start_consultation', '2024-10-09', { party: 'agency' }], ['withdraw', '2024-10-10', {}, undefined, applicant]),
  );
  assert.deepEqual(pick(withdrawn, 'state', 'stateLabel', 'open', 'ending', 'withdrawnOn', 'withdrawnBy'), {
    state: 'withdrawn',
    stateLabel: '已撤回',
    open: false,
    ending: 'withdrawn',
    withdrawnOn: '2024-10-10',
    withdrawnBy: 'applicant',
  });
});

test('stateOf: the precedence table on its own', () => {
  const base = caseStateOf(events(received));
  const open = { ...base, consultations: [{ seq: 2, party: 'agency' as const, name: null, startedOn: '2024-10-09', endedOn: null, replied: null }] };
  const fee = { amount: 1, basis: 'x', notifiedOn: '2024-10-09', payBy: '2024-11-09', paidOn: null, lapsedOn: null };
  const correction = { requestedOn: '2024-10-09', items: 'x', periodEnd: '2024-10-20', receivedOn: null, lapsedOn: null };
  const reply = { type: 't', subReason: null, legalBasis: 'x', letterRef: null, on: '2024-10-20' };
  assert.equal(stateOf(open), 'consulting');
  assert.equal(stateOf({ ...open, fee }), 'awaiting_payment');
  assert.equal(stateOf({ ...open, fee, correction }), 'awaiting_correction');
  assert.equal(stateOf({ ...open, fee, correction, receivedOn: null }), 'pending');
  assert.equal(stateOf({ ...open, fee, correction, reply }), 'answered');
  assert.equal(stateOf({ ...open, reply, deliveredOn: '2024-10-21' }), 'closed');
  assert.equal(stateOf({ ...open, reply, deliveredOn: '2024-10-21', ending: 'fee_lapsed' }), 'abandoned');
  assert.equal(stateOf({ ...open, ending: 'fee_lapsed', withdrawnOn: '2024-10-10' }), 'withdrawn');
});

test('extension, art. 35 deadline and notes; notes do not count as steps', () => {
  const s = caseStateOf(
    events(
      received,
      ['request_extension', '2024-10-28', {}, '档案在外地'],
      ['reject_extension', '2024-10-29'],
      ['request_extension', '2024-10-30', {}, '补充理由'],
      ['approve_extension', '2024-10-31'],
      ['custom_deadline', '2024-11-01', { due: '2024-12-31' }, '数量过大'],
      ['note', '2024-11-20', { text: '提醒' }],
    ),
  );
  assert.deepEqual(s.extension, { requestedOn: '2024-10-30', reason: '补充理由', approvedOn: '2024-10-31', rejectedOn: null, rejected: false });
  assert.deepEqual(s.customDeadline, { decidedOn: '2024-11-01', due: '2024-12-31', reason: '数量过大' });
  assert.deepEqual(pick(s, 'notes', 'lastStepOn', 'lastSeq', 'state'), { notes: 1, lastStepOn: '2024-11-01', lastSeq: 7, state: 'handling' });
});

test('events out of seq order are corrupt data: the fold refuses them', () => {
  const list = events(received, ['assign', '2024-10-08', { departmentId: 20 }]);
  assert.throws(() => caseStateOf([list[1]!, list[0]!]), /序号不连续/);
  assert.throws(() => caseStateOf([list[1]!]), /序号不连续/);
});

test('the fold is a function of the events: a JSON round trip (as stored) gives the same state', () => {
  const list = events(received, ['start_consultation', '2024-10-09', { party: 'agency' }], ['fee_notice', '2024-10-10', { amount: 5500, basis: '按件', payBy: '2024-11-08' }]);
  assert.deepEqual(caseStateOf(JSON.parse(JSON.stringify(list)) as CaseEvent[]), caseStateOf(list));
});

test('chineseDate writes dates as letters do', () => {
  assert.equal(chineseDate('2024-10-20'), '2024年10月20日');
  assert.equal(chineseDate('2024-09-05'), '2024年9月5日');
});
