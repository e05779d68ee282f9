// An application (依申请公开 case) is the append-only list of its events; everything else — its state, its
// department, its receipt date, its reply — is derived from that list by the pure fold `caseStateOf`.
// This file holds the types, the Chinese labels (data) and the fold. What may be appended, by whom and
// when is decided in lifecycle.ts; the statutory clock is read through clock.ts.
//
// State precedence (one state per case, the first that applies; see lifecycle.ts for why):
//   已撤回 withdrawn > 视为放弃 abandoned > 已办结 closed > 已答复待送达 answered > 待签收 pending
//   > 待补正 awaiting_correction > 待缴费 awaiting_payment > 征求意见中 consulting > 办理中 handling
import { parseIsoDate, type IsoDate } from '../calendar/dates.ts';
import { DEFAULT_CUTOVER, rulesFor, type Regime } from '../clock/law.ts';
import type { Role } from '../db/schema.ts';

// --- Actions ---------------------------------------------------------------------------------------------

export const ACTION_TYPES = [
  'submit',
  'register',
  'sign',
  'assign',
  'return',
  'request_correction',
  'correction_received',
  'correction_lapsed',
  'start_consultation',
  'end_consultation',
  'fee_notice',
  'fee_paid',
  'fee_lapsed',
  'request_extension',
  'approve_extension',
  'reject_extension',
  'custom_deadline',
  'reply',
  'deliver',
  'withdraw',
  'note',
] as const;
export type ActionType = (typeof ACTION_TYPES)[number];

export const ACTION_LABELS: Readonly<Record<ActionType, string>> = {
  submit: '提交申请',
  register: '登记申请',
  sign: '签收',
  assign: '转办',
  return: '退回',
  request_correction: '发出补正通知',
  correction_received: '登记收到补正',
  correction_lapsed: '认定逾期未补正、视为放弃',
  start_consultation: '征求意见',
  end_consultation: '登记征求意见结束',
  fee_notice: '发出收费通知',
  fee_paid: '登记缴费',
  fee_lapsed: '认定逾期未缴费、视为放弃',
  request_extension: '申请延期',
  approve_extension: '批准延期',
  reject_extension: '不批准延期',
  custom_deadline: '另行确定答复期限（第三十五条）',
  reply: '作出答复',
  deliver: '送达',
  withdraw: '撤回申请',
  note: '备注',
};

export function isActionType(value: unknown): value is ActionType {
  return typeof value === 'string' && Object.hasOwn(ACTION_LABELS, value);
}

/** Who consulted: a third party (art. 32) or another agency that made the information with us (art. 34). */
export type ConsultationParty = 'third_party' | 'agency';

export const CONSULTATION_PARTY_LABELS: Readonly<Record<ConsultationParty, string>> = {
  third_party: '第三方',
  agency: '其他机关',
};

type Empty = Record<string, never>;

/** The payload of each event type, as stored. Dates with legal meaning are YYYY-MM-DD (China). */
export interface EventData {
  /** Online submission by the applicant; `on` = the day submitted (the receipt day is fixed at 签收). */
  submit: { agencyId: number; channel: string };
  /** Paper, letter, fax, in person, e-mail…: `on` = the legal receipt day (art. 31); arrival if earlier. */
  register: { agencyId: number; channel: string; arrivedOn?: IsoDate };
  /** 签收; for an online submission `on` = the day both sides confirmed = the receipt day (art. 31). */
  sign: Empty;
  /** 转办 to the department (an agency id) that handles the case. */
  assign: { departmentId: number };
  /** 退回 to the disclosure office; `reason` is required. */
  return: Empty;
  /** 补正通知: what to correct (一次性告知) and the last day of the correction period. */
  request_correction: { items: string; periodEnd: IsoDate };
  correction_received: Empty;
  /** 视为放弃: the period ended without a correction. */
  correction_lapsed: Empty;
  /** `name`: who was consulted (may name a person: show it to the case's handlers only). */
  start_consultation: { party: ConsultationParty; name?: string };
  /** `startSeq`: the seq of the start_consultation it ends; `replied`: an answer came (false: silence). */
  end_consultation: { startSeq: number; replied: boolean };
  /** 信息处理费 notice: amount in yuan, how it was calculated, and the last day to pay. */
  fee_notice: { amount: number; basis: string; payBy: IsoDate };
  fee_paid: Empty;
  fee_lapsed: Empty;
  /** `reason` is required. */
  request_extension: Empty;
  approve_extension: Empty;
  reject_extension: Empty;
  /** Art. 35: `due` is the deadline fixed; `on` the day it was decided; `reason` is required. */
  custom_deadline: { due: IsoDate };
  /** `replyType`: a reply type id (table 三 row id, src/law); `letterRef`: the reply letter's 文号. */
  reply: {
    replyType: string;
    /** The reason the letter states (不予公开的理由 …). */
    subReason?: string;
    legalBasis: string;
    letterRef?: string;
    /** For the letter: what is given and what withheld (部分公开), where public information is found, which
     *  agency holds information this one does not. */
    disclosedPart?: string;
    withheldPart?: string;
    whereToObtain?: string;
    otherAgency?: string;
  };
  /** `on` = the delivery day: signed for (direct, entrusted) or handed to China Post (交邮之日). */
  deliver: { method: string };
  withdraw: Empty;
  note: { text: string };
}

/** The payload an action carries in: as stored, but for what decide() can fill in. */
export type ActionData = Omit<EventData, 'end_consultation'> & {
  /** `startSeq` may be left out when exactly one consultation is open. */
  end_consultation: { startSeq?: number; replied: boolean };
};

export type ActorRole = Role | 'applicant' | 'system';

export interface Actor {
  userId: number | null;
  role: ActorRole;
  agencyId: number | null;
  name?: string;
}

interface EventBase {
  /** 1, 2, 3, … in the order appended. */
  seq: number;
  /** The legal date of the step (the receipt day, the day a notice was sent, the delivery day…). */
  on: IsoDate;
  /** When it was recorded: ISO 8601 timestamp, UTC. */
  at: string;
  actor: Actor;
  reason?: string;
}

export type EventOf<K extends ActionType> = EventBase & { type: K; data: EventData[K] };
export type CaseEvent = { [K in ActionType]: EventOf<K> }[ActionType];

/** What an actor asks to append: `on` defaults to today. */
export type Action = { [K in ActionType]: { type: K; on?: IsoDate; data: ActionData[K]; reason?: string } }[ActionType];

// --- States ----------------------------------------------------------------------------------------------

export const CASE_STATES = [
  'pending',
  'handling',
  'awaiting_correction',
  'consulting',
  'awaiting_payment',
  'answered',
  'closed',
  'abandoned',
  'withdrawn',
] as const;
export type CaseStatus = (typeof CASE_STATES)[number];

export const STATE_LABELS: Readonly<Record<CaseStatus, string>> = {
  pending: '待签收',
  handling: '办理中',
  awaiting_correction: '待补正',
  consulting: '征求意见中',
  awaiting_payment: '待缴费',
  answered: '已答复待送达',
  closed: '已办结',
  abandoned: '视为放弃',
  withdrawn: '已撤回',
};

/** The states in which nothing more can happen. */
export const TERMINAL_STATES: readonly CaseStatus[] = ['closed', 'abandoned', 'withdrawn'];

/** How a case ended; the report counts the last three under table 三 （六）. */
export type CaseEnding = 'delivered' | 'correction_lapsed' | 'fee_lapsed' | 'withdrawn';

export const ENDING_LABELS: Readonly<Record<CaseEnding, string>> = {
  delivered: '答复已送达',
  correction_lapsed: '申请人无正当理由逾期不补正，视为放弃申请',
  fee_lapsed: '申请人逾期未按收费通知要求缴纳费用，视为放弃申请',
  withdrawn: '申请人撤回申请',
};

export interface CorrectionRound {
  requestedOn: IsoDate;
  items: string;
  periodEnd: IsoDate;
  receivedOn: IsoDate | null;
  lapsedOn: IsoDate | null;
}

export interface Consultation {
  /** The seq of its start_consultation event: what end_consultation names. */
  seq: number;
  party: ConsultationParty;
  name: string | null;
  startedOn: IsoDate;
  endedOn: IsoDate | null;
  replied: boolean | null;
}

export interface Fee {
  amount: number;
  basis: string;
  notifiedOn: IsoDate;
  payBy: IsoDate;
  paidOn: IsoDate | null;
  lapsedOn: IsoDate | null;
}

export interface Extension {
  requestedOn: IsoDate;
  reason: string;
  approvedOn: IsoDate | null;
  rejectedOn: IsoDate | null;
  rejected: boolean;
}

export interface Reply {
  type: string;
  subReason: string | null;
  legalBasis: string;
  letterRef: string | null;
  on: IsoDate;
}

/** The case as its events say it is now. */
export interface CaseState {
  state: CaseStatus;
  stateLabel: string;
  /** Not closed, abandoned or withdrawn. */
  open: boolean;
  /** The seq of the last event (0 for none). */
  lastSeq: number;
  /** The agency whose disclosure office received the application. */
  agencyId: number | null;
  channel: string | null;
  /** Online submissions: the day submitted. */
  submittedOn: IsoDate | null;
  /** The day the application physically arrived, when earlier than the receipt day. */
  arrivedOn: IsoDate | null;
  /** The legal receipt day (art. 31): null until 签收 (online) or registration. */
  receivedOn: IsoDate | null;
  /** By the receipt day and the cut-over; null until received. */
  regime: Regime | null;
  /** The department handling it (转办); null while with the disclosure office. */
  departmentId: number | null;
  /** The latest 补正 round, and how many there were. */
  correction: CorrectionRound | null;
  correctionRounds: number;
  consultations: Consultation[];
  fee: Fee | null;
  /** The latest extension request. */
  extension: Extension | null;
  customDeadline: { decidedOn: IsoDate; due: IsoDate; reason: string } | null;
  reply: Reply | null;
  deliveredOn: IsoDate | null;
  deliveryMethod: string | null;
  withdrawnOn: IsoDate | null;
  withdrawnBy: 'applicant' | 'agency' | null;
  ending: CaseEnding | null;
  closedOn: IsoDate | null;
  /** The latest `on` of any event but notes. */
  lastStepOn: IsoDate | null;
  notes: number;
}

export interface FoldOptions {
  /** First receipt day (day number) under 条例2019; default 2019-05-15. */
  cutover?: number;
}

/**
 * The fold: the case's state from its events, in seq order (1, 2, 3 … — anything else is corrupt data and
 * throws). It trusts that decide() accepted each event and ignores what would not fit.
 */
export function caseStateOf(events: readonly CaseEvent[], options: FoldOptions = {}): CaseState {
  const s = emptyState();
  events.forEach((e, i) => {
    if (e.seq !== i + 1) throw new RangeError(`案件事件序号不连续：第 ${i + 1} 个事件的序号为 ${e.seq}`);
    apply(s, e);
    s.lastSeq = e.seq;
    if (e.type !== 'note' && (s.lastStepOn === null || e.on > s.lastStepOn)) s.lastStepOn = e.on;
  });
  if (s.receivedOn !== null) {
    const day = parseIsoDate(s.receivedOn);
    if (day !== null) s.regime = rulesFor(day, options.cutover ?? DEFAULT_CUTOVER).regime;
  }
  s.state = stateOf(s);
  s.stateLabel = STATE_LABELS[s.state];
  s.open = !TERMINAL_STATES.includes(s.state);
  return s;
}

/** The one state of a case by the precedence above. */
export function stateOf(s: Omit<CaseState, 'state' | 'stateLabel' | 'open'>): CaseStatus {
  if (s.withdrawnOn !== null) return 'withdrawn';
  if (s.ending === 'correction_lapsed' || s.ending === 'fee_lapsed') return 'abandoned';
  if (s.deliveredOn !== null) return 'closed';
  if (s.reply !== null) return 'answered';
  if (s.receivedOn === null) return 'pending';
  if (s.correction !== null && s.correction.receivedOn === null && s.correction.lapsedOn === null) return 'awaiting_correction';
  if (s.fee !== null && s.fee.paidOn === null && s.fee.lapsedOn === null) return 'awaiting_payment';
  if (s.consultations.some((c) => c.endedOn === null)) return 'consulting';
  return 'handling';
}

function emptyState(): CaseState {
  return {
    state: 'pending',
    stateLabel: STATE_LABELS.pending,
    open: true,
    lastSeq: 0,
    agencyId: null,
    channel: null,
    submittedOn: null,
    arrivedOn: null,
    receivedOn: null,
    regime: null,
    departmentId: null,
    correction: null,
    correctionRounds: 0,
    consultations: [],
    fee: null,
    extension: null,
    customDeadline: null,
    reply: null,
    deliveredOn: null,
    deliveryMethod: null,
    withdrawnOn: null,
    withdrawnBy: null,
    ending: null,
    closedOn: null,
    lastStepOn: null,
    notes: 0,
  };
}

function apply(s: CaseState, e: CaseEvent): void {
  switch (e.type) {
    case 'submit':
      s.agencyId = e.data.agencyId;
      s.channel = e.data.channel;
      s.submittedOn = e.on;
      break;
    case 'register':
      s.agencyId = e.data.agencyId;
      s.channel = e.data.channel;
      s.arrivedOn = e.data.arrivedOn ?? null;
      s.receivedOn = e.on;
      break;
    case 'sign':
      s.receivedOn = e.on;
      break;
    case 'assign':
      s.departmentId = e.data.departmentId;
      break;
    case 'return':
      s.departmentId = null;
      break;
    case 'request_correction':
      s.correction = { requestedOn: e.on, items: e.data.items, periodEnd: e.data.periodEnd, receivedOn: null, lapsedOn: null };
      s.correctionRounds += 1;
      break;
    case 'correction_received':
      if (s.correction) s.correction.receivedOn = e.on;
      break;
    case 'correction_lapsed':
      if (s.correction) s.correction.lapsedOn = e.on;
      end(s, 'correction_lapsed', e.on);
      break;
    case 'start_consultation':
      s.consultations.push({
        seq: e.seq,
        party: e.data.party,
        name: e.data.name ?? null,
        startedOn: e.on,
        endedOn: null,
        replied: null,
      });
      break;
    case 'end_consultation': {
      const c = s.consultations.find((x) => x.seq === e.data.startSeq);
      if (c) {
        c.endedOn = e.on;
        c.replied = e.data.replied;
      }
      break;
    }
    case 'fee_notice':
      s.fee = { amount: e.data.amount, basis: e.data.basis, notifiedOn: e.on, payBy: e.data.payBy, paidOn: null, lapsedOn: null };
      break;
    case 'fee_paid':
      if (s.fee) s.fee.paidOn = e.on;
      break;
    case 'fee_lapsed':
      if (s.fee) s.fee.lapsedOn = e.on;
      end(s, 'fee_lapsed', e.on);
      break;
    case 'request_extension':
      s.extension = { requestedOn: e.on, reason: e.reason ?? '', approvedOn: null, rejectedOn: null, rejected: false };
      break;
    case 'approve_extension':
      if (s.extension) s.extension.approvedOn = e.on;
      break;
    case 'reject_extension':
      if (s.extension) {
        s.extension.rejectedOn = e.on;
        s.extension.rejected = true;
      }
      break;
    case 'custom_deadline':
      s.customDeadline = { decidedOn: e.on, due: e.data.due, reason: e.reason ?? '' };
      break;
    case 'reply':
      s.reply = {
        type: e.data.replyType,
        subReason: e.data.subReason ?? null,
        legalBasis: e.data.legalBasis,
        letterRef: e.data.letterRef ?? null,
        on: e.on,
      };
      break;
    case 'deliver':
      s.deliveredOn = e.on;
      s.deliveryMethod = e.data.method;
      end(s, 'delivered', e.on);
      break;
    case 'withdraw':
      s.withdrawnOn = e.on;
      s.withdrawnBy = e.actor.role === 'applicant' ? 'applicant' : 'agency';
      end(s, 'withdrawn', e.on);
      break;
    case 'note':
      s.notes += 1;
      break;
  }
}

function end(s: CaseState, ending: CaseEnding, on: IsoDate): void {
  if (s.ending !== null) return;
  s.ending = ending;
  s.closedOn = on;
}

/** 2024-10-20 → 2024年10月20日, as dates are written in letters and messages. */
export function chineseDate(iso: IsoDate): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : iso;
}
