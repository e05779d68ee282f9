// The lifecycle rules of an application (依申请公开), in one pure place: `decide(events, action, actor, ctx)`
// says whether an action may be appended to a case and, if so, returns the event to append. The state it
// reads is the fold of model.ts (`caseStateOf`); the clock is read through clock.ts. No I/O: "today", the
// timestamp, the calendar and the validators of the law's taxonomies are passed in.
//
// Checks, in this order: the action and the actor are known → the case exists (or, for submit/register,
// does not) → the actor may do it (403) → the case is in a state that allows it (409) → the payload and the
// dates make sense (422). Every message is one Chinese sentence an officer can act on.
//
// Decisions where the statute and the design are silent (rules.md §5, §7; clock.md):
// - Receipt (art. 31). An online submission waits 待签收; the disclosure office's 签收 fixes the receipt day
//   (the day both sides confirmed, default today). A registration (paper, letter, fax, in person, e-mail) is
//   itself the 签收: its `on` is the legal receipt day (in person: the day handed in; post: the day signed
//   for; ordinary letter and fax: the confirmation day), `arrivedOn` the physical arrival when earlier.
// - Who: the disclosure office (role office) of the receiving agency may do every handling step; a handler
//   only while the case is assigned to the handler's own agency (the department); extensions are approved
//   or rejected by a leader (机关负责人) of the receiving agency only; an art. 35 deadline is decided by the
//   office or a leader; a 退回 is the department's (the office re-assigns instead); a supervisor may only
//   add notes; an admin does not handle cases. The applicant submits and withdraws (the route has verified
//   the 查询码); 'system' may submit (imports) and record a payment (a payment channel).
// - State precedence (model.ts `stateOf`): 已撤回 > 视为放弃 > 已办结 > 已答复待送达 > 待签收 > 待补正 > 待缴费 >
//   征求意见中 > 办理中. The terminal three are exclusive. A reply needs every correction, fee and consultation
//   closed, so 已答复待送达 never overlaps them. A fee notice may be sent during a consultation (not the other
//   way round: nothing new starts while the applicant is asked to pay); the case then shows 待缴费, the step
//   that waits on the applicant, over 征求意见中. 转办/退回 do not change the state: 办理中 whether assigned
//   or not (`departmentId` says where it is).
// - 补正: requested only while 办理中 and before any consultation, fee notice, extension request or art. 35
//   deadline (it belongs at the start and is 一次性); a second round is allowed after a correction has
//   arrived (补正后仍不明确 — practitioners allow it; the clock counts from the last arrival). A notice later than
//   7 working days after receipt is accepted and flagged by the clock (`correctionNoticeLate`). A correction
//   arriving after the period end is accepted only with a reason (正当理由). 视为放弃 only after the period end.
// - Fee (办法): only under 条例2019 and from 2021-01-01 (the 办法 in force); once per case; the pay-by day may
//   not be earlier than 20 working days after the notice (the applicant has 20 working days from the day
//   after receiving it, and receives it no earlier than it is sent). Late payment needs a reason; 视为放弃
//   only after the pay-by day.
// - Extension: one per case (the statute allows up to one period more), none once an art. 35 deadline replaces
//   the period; a new request after a rejection is allowed. Requests and approvals dated after the base due date (the clock's `baseDue` as of that day) are
//   refused: an extension after expiry cannot cure lateness. A request still pending at the reply is moot.
// - Art. 35 deadline: 条例2019 only, once, with a reason, decided no later than the computed due date and
//   later than it.
// - Reply: only while 办理中 with nothing open; the reply type is checked by `ctx.isValidReply` (src/law),
//   the legal basis is required. Delivery ends the case; its day may not precede the reply's. Timeliness is
//   judged on the delivery day (clock.ts). A withdrawal is possible until the reply is made.
// - Dates: no step is dated in the future or before the receipt day, nor before the latest 补正 notice or
//   corrected application (the case as corrected is the one handled); closers not before what they close
//   (correction, consultation, fee, extension request); steps that end something (reply, lapse, withdrawal)
//   not before any earlier step. Parallel tracks (consultations, fee, extension) may be recorded late.
// - A closed case (办结, 视为放弃, 撤回) takes nothing more, not even a note: its record is frozen.
import type { Calendar } from '../calendar/model.ts';
import { dayOf, isoOf, parseIsoDate, type IsoDate } from '../calendar/dates.ts';
import { FIRST_RECEIPT_DAY, type Regime } from '../clock/law.ts';
import { deadlineOf } from './clock.ts';
import {
  ACTION_LABELS,
  caseStateOf,
  chineseDate,
  isActionType,
  type Action,
  type ActionType,
  type Actor,
  type CaseEvent,
  type CaseState,
  type CaseStatus,
  type EventData,
} from './model.ts';

export interface DecideContext {
  /** Today in China (YYYY-MM-DD): no step may be dated later; the default `on`. */
  today: IsoDate;
  /** The timestamp recorded as the event's `at` (ISO 8601, UTC). */
  now: string;
  calendar: Calendar;
  /** First receipt day (day number) under 条例2019; default 2019-05-15. */
  cutover?: number;
  /** Whether the fee notice pauses the clock (default true), for the clock checks of extensions. */
  feePausesClock?: boolean;
  /** Checks a reply type id for the regime: null when valid, else a Chinese message. */
  isValidReply?: (regime: Regime, replyTypeId: string) => string | null;
  /** Checks a channel id (src/law): null when valid, else a Chinese message. */
  isValidChannel?: (channelId: string) => string | null;
  /** Checks a delivery method id (src/law): null when valid, else a Chinese message. */
  isValidDeliveryMethod?: (methodId: string) => string | null;
}

export type Decision = { ok: true; event: CaseEvent } | { ok: false; status: 403 | 409 | 422; message: string };

type Refusal = Extract<Decision, { ok: false }>;

/** The 办法 (国办函〔2020〕109号) is in force from this day: no fee notice before it. */
export const FEE_RULES_FROM: IsoDate = '2021-01-01';
/** The applicant has 20 working days to pay (办法, rules.md §7.2). */
export const FEE_PAYMENT_WORKING_DAYS = 20;
export const MAX_TEXT = 2000;
const MAX_SHORT_TEXT = 200;
const MAX_AMOUNT = 100_000_000;
/** The last date a step may name (as the clock's input, src/clock/input.ts). */
const LAST_DATE: IsoDate = '2100-12-31';

// --- Who ---------------------------------------------------------------------------------------------------

export type Party = 'applicant' | 'system' | 'office' | 'handler' | 'leader' | 'supervisor';

const PARTY_LABELS: Readonly<Record<Party, string>> = {
  applicant: '申请人',
  system: '系统',
  office: '公开办',
  handler: '承办部门',
  leader: '机关负责人',
  supervisor: '监督人员',
};

const STAFF: readonly Party[] = ['office', 'handler'];

export const WHO_MAY: Readonly<Record<ActionType, readonly Party[]>> = {
  submit: ['applicant', 'system'],
  register: ['office'],
  sign: ['office'],
  assign: ['office'],
  return: ['handler'],
  request_correction: STAFF,
  correction_received: STAFF,
  correction_lapsed: STAFF,
  start_consultation: STAFF,
  end_consultation: STAFF,
  fee_notice: STAFF,
  fee_paid: ['office', 'handler', 'system'],
  fee_lapsed: STAFF,
  request_extension: STAFF,
  approve_extension: ['leader'],
  reject_extension: ['leader'],
  custom_deadline: ['office', 'leader'],
  reply: STAFF,
  deliver: STAFF,
  withdraw: ['applicant', 'office'],
  note: ['office', 'handler', 'leader', 'supervisor'],
};

// --- When --------------------------------------------------------------------------------------------------

const IN_PROGRESS: readonly CaseStatus[] = ['handling', 'awaiting_correction', 'consulting', 'awaiting_payment'];
const WORKING: readonly CaseStatus[] = ['handling', 'consulting', 'awaiting_payment'];

export const ALLOWED_STATES: Readonly<Record<ActionType, readonly CaseStatus[]>> = {
  submit: [],
  register: [],
  sign: ['pending'],
  assign: IN_PROGRESS,
  return: IN_PROGRESS,
  request_correction: ['handling'],
  correction_received: ['awaiting_correction'],
  correction_lapsed: ['awaiting_correction'],
  start_consultation: ['handling', 'consulting'],
  end_consultation: ['consulting', 'awaiting_payment'],
  fee_notice: ['handling', 'consulting'],
  fee_paid: ['awaiting_payment'],
  fee_lapsed: ['awaiting_payment'],
  request_extension: WORKING,
  approve_extension: WORKING,
  reject_extension: WORKING,
  custom_deadline: WORKING,
  reply: ['handling'],
  deliver: ['answered'],
  withdraw: ['pending', ...IN_PROGRESS],
  note: ['pending', ...IN_PROGRESS, 'answered'],
};

const TERMINAL_MESSAGES: Partial<Record<CaseStatus, string>> = {
  closed: '本案已办结，不能再作此操作',
  abandoned: '申请已视为放弃，本案已终结，不能再作此操作',
  withdrawn: '申请已撤回，本案已终结，不能再作此操作',
};

/** Why an action does not fit the current state; specific wording where the generic one would be vague. */
function stateMessage(type: ActionType, s: CaseState): string {
  const label = ACTION_LABELS[type];
  switch (s.state) {
    case 'pending':
      return `申请尚未签收，不能${label}`;
    case 'awaiting_correction':
      return `正在等待申请人补正（补正期限至${chineseDate(s.correction!.periodEnd)}），不能${label}`;
    case 'awaiting_payment':
      return `正在等待申请人缴费（缴费期限至${chineseDate(s.fee!.payBy)}），不能${label}`;
    case 'consulting':
      return `征求意见尚未结束，不能${label}`;
    case 'answered':
      return `已作出答复，待送达，不能${label}`;
    default:
      break;
  }
  const specific: Partial<Record<ActionType, string>> = {
    sign: '申请已签收，不能重复签收',
    correction_received: '没有待补正的补正通知',
    correction_lapsed: '没有待补正的补正通知',
    end_consultation: '没有进行中的征求意见',
    fee_paid: '没有待缴费的收费通知',
    fee_lapsed: '没有待缴费的收费通知',
    deliver: '尚未作出答复，不能送达',
  };
  return specific[type] ?? `当前状态（${s.stateLabel}）不能${label}`;
}

/** How each action's `on` is named in messages (and on the workbench's forms). */
export const DATE_NAMES: Readonly<Record<ActionType, string>> = {
  submit: '提交申请之日',
  register: '收到申请之日',
  sign: '签收日期',
  assign: '转办日期',
  return: '退回日期',
  request_correction: '补正通知日期',
  correction_received: '收到补正之日',
  correction_lapsed: '认定视为放弃之日',
  start_consultation: '征求意见日期',
  end_consultation: '征求意见结束日期',
  fee_notice: '收费通知日期',
  fee_paid: '缴费日期',
  fee_lapsed: '认定视为放弃之日',
  request_extension: '申请延期日期',
  approve_extension: '批准延期之日',
  reject_extension: '不批准延期之日',
  custom_deadline: '决定之日',
  reply: '答复日期',
  deliver: '送达日期',
  withdraw: '撤回日期',
  note: '备注日期',
};

// --- decide ------------------------------------------------------------------------------------------------

export function decide(events: readonly CaseEvent[], action: Action, actor: Actor, ctx: DecideContext): Decision {
  const requested: unknown = (action as { type?: unknown } | undefined)?.type;
  if (!isActionType(requested)) return refuse(422, `未知的操作：${JSON.stringify(requested)}`);
  const type = action.type;
  const party = partyOf(actor);
  if (party === null) return refuse(403, '无权办理依申请公开事项');

  const opening = type === 'submit' || type === 'register';
  if (events.length === 0 && !opening) return refuse(409, '尚无申请记录，须先提交或登记申请');
  if (events.length > 0 && opening) return refuse(409, '本案已有申请记录，不能再次提交或登记');

  const s = caseStateOf(events, { cutover: ctx.cutover });
  const denied = permission(type, party, actor, s, action);
  if (denied) return refuse(403, denied);
  const terminal = TERMINAL_MESSAGES[s.state];
  if (terminal) return refuse(409, terminal);
  if (!opening && !ALLOWED_STATES[type].includes(s.state)) return refuse(409, stateMessage(type, s));

  const on = action.on ?? ctx.today;
  if (typeof on !== 'string' || parseIsoDate(on) === null) return refuse(422, `日期应为实际存在的 YYYY-MM-DD 日期，收到 ${JSON.stringify(on)}`);
  if (on > ctx.today) return refuse(422, `${DATE_NAMES[type]}（${chineseDate(on)}）晚于今天（${chineseDate(ctx.today)}），不能登记将来的日期`);
  const reason = typeof action.reason === 'string' && action.reason.trim() !== '' ? action.reason.trim() : undefined;
  if (reason !== undefined && reason.length > MAX_TEXT) return refuse(422, `理由不能超过 ${MAX_TEXT} 个字符`);

  const checked = check({ action, on, reason, s, events, ctx });
  if ('ok' in checked) return checked;
  const event: CaseEvent = {
    seq: s.lastSeq + 1,
    on,
    at: ctx.now,
    actor: actorRecord(actor),
    ...checked,
    ...(reason === undefined ? {} : { reason }),
  };
  return { ok: true, event };
}

function refuse(status: 403 | 409 | 422, message: string): Refusal {
  return { ok: false, status, message };
}

function partyOf(actor: Actor): Party | null {
  switch (actor?.role) {
    case 'applicant':
    case 'system':
    case 'office':
    case 'handler':
    case 'leader':
    case 'supervisor':
      return actor.role;
    default:
      return null;
  }
}

function actorRecord(actor: Actor): Actor {
  const record: Actor = { userId: actor.userId ?? null, role: actor.role, agencyId: actor.agencyId ?? null };
  if (actor.name !== undefined) record.name = actor.name;
  return record;
}

/** Null when the actor may do it; else why not. */
function permission(type: ActionType, party: Party, actor: Actor, s: CaseState, action: Action): string | null {
  const allowed = WHO_MAY[type];
  if (!allowed.includes(party)) {
    if (type === 'approve_extension') return '延期须经机关负责人批准';
    if (type === 'reject_extension') return '是否批准延期由机关负责人决定';
    if (party === 'supervisor') return '监督人员只能查看和备注，不能办理';
    return `只有${allowed.map((p) => PARTY_LABELS[p]).join('或')}可以${ACTION_LABELS[type]}`;
  }
  switch (party) {
    case 'office':
      if (action.type === 'register') {
        return actor.agencyId === action.data?.agencyId ? null : '只能为本机关登记申请';
      }
      return actor.agencyId !== null && actor.agencyId === s.agencyId ? null : '本案不属于你所在的机关';
    case 'leader':
      return actor.agencyId !== null && actor.agencyId === s.agencyId ? null : '本案不属于你所在的机关';
    case 'handler':
      return s.departmentId !== null && actor.agencyId === s.departmentId ? null : '本案未转办至你所在的部门';
    default:
      return null; // applicant (verified by the route), system, supervisor (scope checked by the store)
  }
}

// --- The checks of each action ---------------------------------------------------------------------------

type Payload = { [K in ActionType]: { type: K; data: EventData[K] } }[ActionType];

interface Input {
  action: Action;
  on: IsoDate;
  reason: string | undefined;
  s: CaseState;
  events: readonly CaseEvent[];
  ctx: DecideContext;
}

function check(input: Input): Payload | Refusal {
  const { action, on, reason, s, ctx } = input;
  const floors = (list: [IsoDate | null | undefined, string][]): Refusal | null => notBefore(DATE_NAMES[action.type], on, list);
  // The case as received and as corrected: no handling step before these days.
  const handlingFloors: [IsoDate | null | undefined, string][] = [
    [s.receivedOn, '收到申请之日'],
    [s.correction?.requestedOn, '发出补正通知之日'],
    [s.correction?.receivedOn, '收到补正之日'],
  ];
  const lastStep: [IsoDate | null, string] = [s.lastStepOn, '本案上一步骤之日'];

  switch (action.type) {
    case 'submit': {
      const data = action.data;
      const bad = agencyAndChannel(data, ctx) ?? notBeforeFirstReceiptDay(on);
      if (bad) return bad;
      return { type: 'submit', data: { agencyId: data.agencyId, channel: data.channel.trim() } };
    }
    case 'register': {
      const data = action.data;
      const bad = agencyAndChannel(data, ctx) ?? notBeforeFirstReceiptDay(on);
      if (bad) return bad;
      if (data.arrivedOn !== undefined) {
        if (typeof data.arrivedOn !== 'string' || parseIsoDate(data.arrivedOn) === null) return refuse(422, '到达日期应为实际存在的 YYYY-MM-DD 日期');
        if (data.arrivedOn > on) return refuse(422, `到达日期（${chineseDate(data.arrivedOn)}）晚于收到申请之日（${chineseDate(on)}）`);
      }
      const stored: EventData['register'] = { agencyId: data.agencyId, channel: data.channel.trim() };
      if (data.arrivedOn !== undefined && data.arrivedOn !== on) stored.arrivedOn = data.arrivedOn;
      return { type: 'register', data: stored };
    }
    case 'sign':
      return floors([[s.submittedOn, '提交申请之日']]) ?? { type: 'sign', data: {} };
    case 'assign': {
      const id = action.data?.departmentId;
      if (!isId(id)) return refuse(422, '转办须指定承办部门');
      if (id === s.departmentId) return refuse(409, '本案已转办至该部门');
      return floors(handlingFloors) ?? { type: 'assign', data: { departmentId: id } };
    }
    case 'return':
      if (reason === undefined) return refuse(422, '退回必须写明理由');
      return floors(handlingFloors) ?? { type: 'return', data: {} };
    case 'request_correction': {
      if (s.consultations.length > 0 || s.fee !== null || s.extension !== null || s.customDeadline !== null) {
        return refuse(409, '已开始征求意见、收费、延期或另行确定答复期限，不能再要求补正（补正应在办理之初一次性告知）');
      }
      const items = text(action.data?.items, '补正事项', MAX_TEXT);
      if (typeof items !== 'string') return items;
      const periodEnd = date(action.data?.periodEnd, '补正期限');
      if (typeof periodEnd !== 'string') return periodEnd;
      if (periodEnd <= on) return refuse(422, `补正期限（${chineseDate(periodEnd)}）应晚于补正通知发出之日（${chineseDate(on)}）`);
      return floors(handlingFloors) ?? { type: 'request_correction', data: { items, periodEnd } };
    }
    case 'correction_received': {
      const c = s.correction!;
      const bad = floors(handlingFloors);
      if (bad) return bad;
      if (on > c.periodEnd && reason === undefined) {
        return refuse(422, `补正期限（${chineseDate(c.periodEnd)}）已届满，逾期补正的须写明正当理由`);
      }
      return { type: 'correction_received', data: {} };
    }
    case 'correction_lapsed': {
      const c = s.correction!;
      if (on <= c.periodEnd) return refuse(422, `补正期限（${chineseDate(c.periodEnd)}）尚未届满，不能认定视为放弃`);
      return floors([...handlingFloors, lastStep]) ?? { type: 'correction_lapsed', data: {} };
    }
    case 'start_consultation': {
      const party = action.data?.party;
      if (party !== 'third_party' && party !== 'agency') return refuse(422, '征求意见的对象应为第三方（third_party）或其他机关（agency）');
      let name: string | undefined;
      if (action.data.name !== undefined && action.data.name !== null) {
        const n = text(action.data.name, '征求意见对象名称', MAX_SHORT_TEXT);
        if (typeof n !== 'string') return n;
        name = n;
      }
      const bad = floors(handlingFloors);
      if (bad) return bad;
      return { type: 'start_consultation', data: name === undefined ? { party } : { party, name } };
    }
    case 'end_consultation': {
      const open = s.consultations.filter((c) => c.endedOn === null);
      const wanted = action.data?.startSeq;
      if (open.length === 0) return refuse(409, '没有进行中的征求意见');
      let target = open[0]!;
      if (wanted === undefined || wanted === null) {
        if (open.length > 1) return refuse(422, `有 ${open.length} 项征求意见正在进行，须指明结束哪一项（startSeq）`);
      } else {
        const found = open.find((c) => c.seq === wanted);
        if (!found) return refuse(422, `没有序号为 ${JSON.stringify(wanted)} 的进行中的征求意见`);
        target = found;
      }
      if (typeof action.data.replied !== 'boolean') return refuse(422, '须说明是否收到答复意见（replied）');
      const bad = floors([...handlingFloors, [target.startedOn, '征求意见之日']]);
      if (bad) return bad;
      return { type: 'end_consultation', data: { startSeq: target.seq, replied: action.data.replied } };
    }
    case 'fee_notice':
      return feeNotice(input, floors(handlingFloors));
    case 'fee_paid': {
      const fee = s.fee!;
      const bad = floors([...handlingFloors, [fee.notifiedOn, '发出收费通知之日']]);
      if (bad) return bad;
      if (on > fee.payBy && reason === undefined) return refuse(422, `缴费期限（${chineseDate(fee.payBy)}）已届满，逾期缴费的须写明理由`);
      return { type: 'fee_paid', data: {} };
    }
    case 'fee_lapsed': {
      const fee = s.fee!;
      if (on <= fee.payBy) return refuse(422, `缴费期限（${chineseDate(fee.payBy)}）尚未届满，不能认定视为放弃`);
      return floors([...handlingFloors, lastStep]) ?? { type: 'fee_lapsed', data: {} };
    }
    case 'request_extension': {
      const ext = s.extension;
      if (ext?.approvedOn) return refuse(409, `本案已于${chineseDate(ext.approvedOn)}延期，不能再次延期`);
      if (ext && !ext.rejected) return refuse(409, `已有待批准的延期申请（${chineseDate(ext.requestedOn)}提出）`);
      if (s.customDeadline) return refuse(409, `已依第三十五条另行确定答复期限（${chineseDate(s.customDeadline.due)}），不再延期`);
      if (reason === undefined) return refuse(422, '申请延期必须写明理由');
      const bad = floors([...handlingFloors, [ext?.rejectedOn, '上次延期不予批准之日']]);
      if (bad) return bad;
      const baseDue = baseDueOn(input);
      if (baseDue !== null && on > baseDue) {
        return refuse(422, `原定答复期限（${chineseDate(baseDue)}）已届满，不能再申请延期`);
      }
      return { type: 'request_extension', data: {} };
    }
    case 'approve_extension':
    case 'reject_extension': {
      const ext = s.extension;
      if (!ext || ext.approvedOn !== null || ext.rejected) return refuse(409, '没有待批准的延期申请');
      const bad = floors([...handlingFloors, [ext.requestedOn, '申请延期之日']]);
      if (bad) return bad;
      if (action.type === 'reject_extension') return { type: 'reject_extension', data: {} };
      const baseDue = baseDueOn(input);
      if (baseDue !== null && on > baseDue) {
        return refuse(
          422,
          `批准延期之日（${chineseDate(on)}）晚于原定答复期限（${chineseDate(baseDue)}），延期须在原定期限届满前决定，不能批准`,
        );
      }
      return { type: 'approve_extension', data: {} };
    }
    case 'custom_deadline':
      return customDeadline(input, floors(handlingFloors));
    case 'reply': {
      const data = action.data;
      const replyType = text(data?.replyType, '答复类型', MAX_SHORT_TEXT);
      if (typeof replyType !== 'string') return replyType;
      const invalid = ctx.isValidReply?.(s.regime!, replyType);
      if (invalid) return refuse(422, invalid);
      const legalBasis = text(data.legalBasis, '法律依据', MAX_TEXT);
      if (typeof legalBasis !== 'string') return legalBasis;
      const stored: EventData['reply'] = { replyType, legalBasis };
      const optional = [
        ['subReason', '具体理由', MAX_TEXT],
        ['letterRef', '答复书文号', MAX_SHORT_TEXT],
        ['disclosedPart', '予以公开的内容', MAX_TEXT],
        ['withheldPart', '不予公开的内容', MAX_TEXT],
        ['whereToObtain', '获取途径', MAX_TEXT],
        ['otherAgency', '负责公开的机关', MAX_SHORT_TEXT],
      ] as const;
      for (const [key, what, max] of optional) {
        if (data[key] === undefined || data[key] === null || data[key] === '') continue;
        const value = text(data[key], what, max);
        if (typeof value !== 'string') return value;
        stored[key] = value;
      }
      return floors([...handlingFloors, lastStep]) ?? { type: 'reply', data: stored };
    }
    case 'deliver': {
      const method = text(action.data?.method, '送达方式', MAX_SHORT_TEXT);
      if (typeof method !== 'string') return method;
      const invalid = ctx.isValidDeliveryMethod?.(method);
      if (invalid) return refuse(422, invalid);
      const replyOn = s.reply!.on;
      if (on < replyOn) return refuse(422, `送达日期（${chineseDate(on)}）早于答复日期（${chineseDate(replyOn)}）`);
      return floors([lastStep]) ?? { type: 'deliver', data: { method } };
    }
    case 'withdraw':
      return floors([[s.submittedOn, '提交申请之日'], ...handlingFloors, lastStep]) ?? { type: 'withdraw', data: {} };
    case 'note': {
      const note = text(action.data?.text, '备注', MAX_TEXT);
      if (typeof note !== 'string') return note;
      return floors([[s.submittedOn ?? s.receivedOn, '申请之日']]) ?? { type: 'note', data: { text: note } };
    }
  }
}

function feeNotice(input: Input, floorRefusal: Refusal | null): Payload | Refusal {
  const { action, on, s, ctx } = input;
  if (action.type !== 'fee_notice') throw new TypeError(action.type);
  if (s.regime !== '2019') return refuse(409, '本申请适用条例2008，不能收取信息处理费');
  if (s.fee !== null) return refuse(409, `本案已于${chineseDate(s.fee.notifiedOn)}发出收费通知，不能再次收费`);
  if (on < FEE_RULES_FROM) {
    return refuse(422, `《政府信息公开信息处理费管理办法》自${chineseDate(FEE_RULES_FROM)}起施行，此前不能发出收费通知`);
  }
  const amount = action.data?.amount;
  if (typeof amount !== 'number' || !Number.isFinite(amount) || amount <= 0 || amount > MAX_AMOUNT) {
    return refuse(422, '收费金额应为大于 0 的金额（元）');
  }
  if (Math.abs(amount * 100 - Math.round(amount * 100)) > 1e-6) return refuse(422, '收费金额最多精确到分');
  const basis = text(action.data.basis, '收费计算说明', MAX_TEXT);
  if (typeof basis !== 'string') return basis;
  const payBy = date(action.data.payBy, '缴费期限');
  if (typeof payBy !== 'string') return payBy;
  const earliest = isoOf(ctx.calendar.addWorkingDays(dayOf(on), FEE_PAYMENT_WORKING_DAYS));
  if (payBy < earliest) {
    return refuse(
      422,
      `缴费期限（${chineseDate(payBy)}）过短：申请人自收到收费通知次日起有 ${FEE_PAYMENT_WORKING_DAYS} 个工作日缴费，缴费期限不得早于${chineseDate(earliest)}`,
    );
  }
  return floorRefusal ?? { type: 'fee_notice', data: { amount: Math.round(amount * 100) / 100, basis, payBy } };
}

function customDeadline(input: Input, floorRefusal: Refusal | null): Payload | Refusal {
  const { action, on, reason, s } = input;
  if (action.type !== 'custom_deadline') throw new TypeError(action.type);
  if (s.regime !== '2019') return refuse(409, '本申请适用条例2008，不能依第三十五条另行确定答复期限');
  if (s.customDeadline !== null) {
    return refuse(409, `已于${chineseDate(s.customDeadline.decidedOn)}依第三十五条确定答复期限，不能再次确定`);
  }
  if (reason === undefined) return refuse(422, '依第三十五条确定答复期限必须写明理由');
  const due = date(action.data?.due, '确定的答复期限');
  if (typeof due !== 'string') return due;
  if (due <= on) return refuse(422, `确定的答复期限（${chineseDate(due)}）应晚于决定之日（${chineseDate(on)}）`);
  if (floorRefusal) return floorRefusal;
  const d = clockOn(input);
  if (d?.computedDue != null) {
    const computed = isoOf(d.computedDue);
    if (on > computed) return refuse(422, `法定答复期限（${chineseDate(computed)}）已届满，不能再依第三十五条另行确定答复期限`);
    if (due <= computed) return refuse(422, `依第三十五条确定的答复期限（${chineseDate(due)}）应晚于法定答复期限（${chineseDate(computed)}）`);
  }
  return { type: 'custom_deadline', data: { due } };
}

/** The clock as of the action's day, on the events so far. */
function clockOn(input: Input) {
  const { events, ctx, on } = input;
  return deadlineOf(events, ctx.calendar, on, { cutover: ctx.cutover, feePausesClock: ctx.feePausesClock });
}

/** The clock's base due date as of the action's day; null while unknown (e.g. a consultation still open). */
function baseDueOn(input: Input): IsoDate | null {
  const baseDue = clockOn(input)?.baseDue;
  return baseDue === null || baseDue === undefined ? null : isoOf(baseDue);
}

// --- Small validators (each returns the clean value or the refusal) ----------------------------------------

function notBefore(dateName: string, on: IsoDate, floors: [IsoDate | null | undefined, string][]): Refusal | null {
  for (const [floor, what] of floors) {
    if (floor && on < floor) return refuse(422, `${dateName}（${chineseDate(on)}）早于${what}（${chineseDate(floor)}）`);
  }
  return null;
}

function notBeforeFirstReceiptDay(on: IsoDate): Refusal | null {
  const first = isoOf(FIRST_RECEIPT_DAY);
  return on < first ? refuse(422, `收到申请之日（${chineseDate(on)}）早于《政府信息公开条例》施行之日（${chineseDate(first)}）`) : null;
}

function agencyAndChannel(data: { agencyId: number; channel: string } | undefined, ctx: DecideContext): Refusal | null {
  if (!isId(data?.agencyId)) return refuse(422, '须指定受理申请的机关');
  const channel = text(data.channel, '申请渠道', MAX_SHORT_TEXT);
  if (typeof channel !== 'string') return channel;
  const invalid = ctx.isValidChannel?.(channel);
  return invalid ? refuse(422, invalid) : null;
}

function isId(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0;
}

function text(value: unknown, what: string, max: number): string | Refusal {
  if (typeof value !== 'string' || value.trim() === '') return refuse(422, `${what}不能为空`);
  const trimmed = value.trim();
  if (trimmed.length > max) return refuse(422, `${what}不能超过 ${max} 个字符`);
  return trimmed;
}

function date(value: unknown, what: string): IsoDate | Refusal {
  if (typeof value !== 'string' || parseIsoDate(value) === null) return refuse(422, `${what}应为实际存在的 YYYY-MM-DD 日期`);
  if (value > LAST_DATE) return refuse(422, `${what}（${chineseDate(value)}）超出支持的范围（最晚${chineseDate(LAST_DATE)}）`);
  return value;
}
