// A case as people see it: the applicant's details in full or masked (access.ts decides which), labels of its
// codes, and the letters it has produced (reply, 补正, 延期, 收费 notices) built from its events. Pure: pages, the
// API and exports all show a case through these functions, so masking cannot be forgotten in one of them.
import { channel as channelOf, isChannelId } from '../law/channels.ts';
import { deliveryMethod, isDeliveryMethodId } from '../law/delivery.ts';
import { isReplyTypeId, replyType } from '../law/replies.ts';
import type { Access } from './access.ts';
import { documentLabels, organisationLabels, pickups, provisions } from './input.ts';
import { renderLetter, type Letter, type LetterKind, type ReplyClass } from './letters/render.ts';
import type { Calendar } from '../calendar/model.ts';
import { isoOf } from '../calendar/dates.ts';
import { deadlineOf } from './clock.ts';
import { caseStateOf, STATE_LABELS, type CaseEvent, type CaseState } from './model.ts';
import { maskAddress, maskDocument, maskEmail, maskPhone, maskPostcode } from './privacy.ts';
import type { ApplicationRow } from './store.ts';

export interface ApplicantView {
  kindLabel: string;
  name: string;
  /** 居民身份证 / 统一社会信用代码 … */
  documentLabel: string;
  documentNumber: string;
  legalRep: string | null;
  contactName: string | null;
  phone: string;
  email: string | null;
  address: string | null;
  postcode: string | null;
  masked: boolean;
}

/** The applicant as `access` allows: in full for the case's handlers, masked for everyone else who may see it. */
export function applicantOf(row: ApplicationRow, access: Exclude<Access, null>): ApplicantView {
  const full = access === 'full';
  const person = row.applicant_kind === 'person';
  const number = person ? (row.id_number ?? '') : (row.credit_code ?? '');
  return {
    kindLabel: person ? '自然人' : `法人或其他组织（${organisationLabels[row.organisation_kind ?? ''] ?? '其他'}）`,
    name: row.applicant_name,
    documentLabel: person ? (documentLabels[row.id_type ?? ''] ?? '证件') : '统一社会信用代码',
    // An organisation's credit code is public; a person's document number is not.
    documentNumber: full || !person ? number : maskDocument(row.id_type, number),
    legalRep: row.legal_rep,
    contactName: row.contact_name,
    phone: full ? row.phone : maskPhone(row.phone),
    email: row.email === null ? null : full ? row.email : maskEmail(row.email),
    address: row.address === null ? null : full ? row.address : maskAddress(row.address),
    postcode: row.postcode === null ? null : full ? row.postcode : maskPostcode(row.postcode),
    masked: !full,
  };
}

export const stateLabel = (state: ApplicationRow['state']): string => STATE_LABELS[state];
export const channelLabel = (id: string): string => (isChannelId(id) ? channelOf(id).label : id);
export const deliveryLabel = (id: string): string => (isDeliveryMethodId(id) ? deliveryMethod(id).label : id);
export const provisionLabel = (id: string): string => provisions[id] ?? id;
export const pickupLabel = (id: string): string => pickups[id] ?? id;

/** 部分公开, 不予公开（属于国家秘密）… */
export function replyLabel(id: string | null): string {
  if (id === null) return '';
  if (!isReplyTypeId(id)) return id;
  const t = replyType(id);
  return t.label === t.classLabel ? t.label : `${t.classLabel}（${t.label}）`;
}

// ── letters ──────────────────────────────────────────────────────────────────────────────────────────────

/** The letter templates' class and reason of a reply type (src/law ids → letters/templates.json ids). */
const LETTER_REPLY: Readonly<Record<string, [ReplyClass, string?]>> = {
  disclosed: ['disclosed', 'provided'],
  'disclosed.already_public': ['disclosed', 'already_public'],
  partially_disclosed: ['partially_disclosed'],
  'withheld.state_secret': ['withheld', 'state_secret'],
  'withheld.prohibited_by_law': ['withheld', 'prohibited_by_law'],
  'withheld.three_securities_one_stability': ['withheld', 'security_stability'],
  'withheld.third_party_rights': ['withheld', 'third_party'],
  'withheld.internal_affairs': ['withheld', 'internal_affairs'],
  'withheld.process_info': ['withheld', 'process_info'],
  'withheld.enforcement_files': ['withheld', 'enforcement_file'],
  'withheld.administrative_inquiry': ['withheld', 'administrative_query'],
  'unable.not_held': ['unable', 'not_exist'],
  'unable.not_this_agency': ['unable', 'not_ours'],
  'unable.needs_creation': ['unable', 'needs_creation'],
  'unable.still_unclear_after_correction': ['unable', 'unclear_after_correction'],
  'not_processed.petition_complaint': ['not_processed', 'petition'],
  'not_processed.duplicate': ['not_processed', 'duplicate'],
  'not_processed.publications': ['not_processed', 'publication'],
  'not_processed.mass_repetitive': ['not_processed', 'excessive'],
  'not_processed.confirm_or_reissue': ['not_processed', 'confirm_or_reissue'],
  'other.no_correction': ['other', 'no_correction'],
  'other.fee_unpaid': ['other', 'fee_unpaid'],
  'other.other': ['other', 'other'],
  '2008.already_public': ['disclosed', 'already_public'],
  '2008.disclosed': ['disclosed', 'provided'],
  '2008.partial': ['partially_disclosed'],
  '2008.refused.state_secret': ['withheld', 'state_secret'],
  '2008.refused.commercial_secret': ['withheld', 'third_party'],
  '2008.refused.privacy': ['withheld', 'third_party'],
  '2008.refused.security_stability': ['withheld', 'security_stability'],
  '2008.refused.not_gov_info': ['other', 'other'],
  '2008.refused.other_law': ['withheld', 'prohibited_by_law'],
  '2008.not_this_agency': ['unable', 'not_ours'],
  '2008.not_exist': ['unable', 'not_exist'],
  '2008.correction_requested': ['other', 'other'],
  '2008.other_channel': ['withheld', 'administrative_query'],
};

/** How a fee is paid, as the 收费通知书 says: the 办法 has fees collected as non-tax revenue (rules.md §7.2). */
const FEE_PAYMENT = '按本通知书所附的非税收入缴款码或缴款通知，通过银行或非税收入缴款平台缴纳';

/** The letters a case has produced so far, newest last: the kinds its events call for. */
export function lettersOf(events: readonly CaseEvent[]): { kind: LetterKind; seq: number; label: string }[] {
  const out: { kind: LetterKind; seq: number; label: string }[] = [];
  for (const e of events) {
    if (e.type === 'request_correction') out.push({ kind: 'correction', seq: e.seq, label: '补正申请通知书' });
    if (e.type === 'approve_extension') out.push({ kind: 'extension', seq: e.seq, label: '延期答复告知书' });
    if (e.type === 'fee_notice') out.push({ kind: 'fee', seq: e.seq, label: '收费通知书' });
    if (e.type === 'reply') out.push({ kind: 'reply', seq: e.seq, label: '政府信息公开申请答复书' });
  }
  return out;
}

/** One letter of a case: the event `seq` (lettersOf) rendered with the case's data. Throws LetterError with a
 *  Chinese message when the case lacks something the letter needs. */
export function letterOf(
  row: ApplicationRow,
  state: CaseState,
  events: readonly CaseEvent[],
  seq: number,
  agencyName: string,
  due: { dueOn: string | null; extensionDays?: number },
): Letter {
  const event = events.find((e) => e.seq === seq);
  const found = lettersOf(events).find((l) => l.seq === seq);
  if (!event || !found) throw new RangeError(`本案第 ${seq} 步没有文书`);
  const base = {
    agency: agencyName,
    signedOn: event.on,
    caseNumber: row.number,
    applicant: row.applicant_name,
    ...(state.receivedOn ? { receivedOn: state.receivedOn } : {}),
    ...(state.correction?.receivedOn ? { correctedOn: state.correction.receivedOn } : {}),
    description: row.description,
    channel: channelLabel(row.channel),
  };
  switch (event.type) {
    case 'request_correction':
      return renderLetter('correction', { ...base, corrections: event.data.items, dueOn: event.data.periodEnd });
    case 'approve_extension':
      return renderLetter('extension', {
        ...base,
        ...(due.dueOn ? { dueOn: due.dueOn } : {}),
        extensionDays: due.extensionDays ?? 20,
        reason: state.extension?.reason ?? '',
      });
    case 'fee_notice':
      return renderLetter('fee', { ...base, amount: event.data.amount, feeCalculation: event.data.basis, dueOn: event.data.payBy, paymentMethod: FEE_PAYMENT });
    case 'reply': {
      const [replyClass, replyReason] = LETTER_REPLY[event.data.replyType] ?? ['other', 'other'];
      return renderLetter('reply', {
        ...base,
        replyClass,
        ...(replyReason ? { replyReason } : {}),
        legalBasis: event.data.legalBasis,
        ...(event.data.subReason ? { reason: event.data.subReason } : {}),
        ...(event.data.letterRef ? { letterNumber: event.data.letterRef } : {}),
        ...(event.data.disclosedPart ? { disclosedPart: event.data.disclosedPart } : {}),
        ...(event.data.withheldPart ? { withheldPart: event.data.withheldPart } : {}),
        ...(event.data.whereToObtain ? { whereToObtain: event.data.whereToObtain } : {}),
        ...(event.data.otherAgency ? { otherAgency: event.data.otherAgency } : {}),
        provision: `${provisionLabel(row.provision)}，${pickupLabel(row.pickup)}`,
      });
    }
    default:
      throw new RangeError(`本案第 ${seq} 步没有文书`);
  }
}

/** A letter of the case as it stood when its step was taken — the events up to it, the clock as of its day (the
 *  extension notice states the extended date) — as the workbench, the applicant's page and the API all give it. */
export function letterAtStep(row: ApplicationRow, events: readonly CaseEvent[], seq: number, agencyName: string, calendar: Calendar): Letter {
  const upTo = events.filter((e) => e.seq <= seq);
  const event = upTo.find((e) => e.seq === seq);
  if (!event) throw new RangeError(`本案第 ${seq} 步没有文书`);
  const d = deadlineOf(upTo, calendar, event.on);
  return letterOf(row, caseStateOf(upTo), upTo, seq, agencyName, {
    dueOn: d && d.due !== null ? isoOf(d.due) : null,
    ...(d ? { extensionDays: d.periodWorkingDays } : {}),
  });
}
