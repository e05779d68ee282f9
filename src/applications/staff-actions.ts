// The workbench's side of a step: which action forms a viewer is shown on a case, and how a submitted form
// becomes the Action of model.ts. Showing a form is a courtesy computed from the lifecycle's own tables
// (WHO_MAY, ALLOWED_STATES) and the agency rules of access.ts; the server decides for real in decide(). Pure.
import { isIsoShaped } from './staff-form.ts';
import { ALLOWED_STATES, WHO_MAY, type Party } from './lifecycle.ts';
import type { Access, Viewer } from './access.ts';
import { ACTION_TYPES, type Action, type ActionType, type CaseState, type ConsultationParty } from './model.ts';

/** The actions a case page may offer, in the order of the work. */
export const CASE_ACTIONS: readonly ActionType[] = ACTION_TYPES.filter((t) => t !== 'submit' && t !== 'register');

export function isCaseAction(value: unknown): value is ActionType {
  return typeof value === 'string' && (CASE_ACTIONS as readonly string[]).includes(value);
}

/** The action forms to show `viewer` on a case they may see. */
export function availableActions(viewer: Viewer, access: Access, caseAgencyId: number, s: CaseState): ActionType[] {
  if (access === null) return [];
  return CASE_ACTIONS.filter((type) => mayOffer(type, viewer, caseAgencyId, s));
}

function partyOf(viewer: Viewer): Party | null {
  return viewer.role === 'admin' ? null : viewer.role;
}

function mayOffer(type: ActionType, viewer: Viewer, caseAgencyId: number, s: CaseState): boolean {
  const party = partyOf(viewer);
  if (party === null || !WHO_MAY[type].includes(party) || !ALLOWED_STATES[type].includes(s.state)) return false;
  switch (party) {
    case 'office':
    case 'leader':
      if (viewer.actingAgencyId !== caseAgencyId) return false;
      break;
    case 'handler':
      if (s.departmentId === null || s.departmentId !== viewer.agencyId) return false;
      break;
    default:
      break;
  }
  const ext = s.extension;
  const extensionPending = ext !== null && ext.approvedOn === null && !ext.rejected;
  switch (type) {
    case 'request_correction':
      return s.consultations.length === 0 && s.fee === null && s.extension === null && s.customDeadline === null;
    case 'request_extension':
      return !extensionPending && ext?.approvedOn == null && s.customDeadline === null;
    case 'approve_extension':
    case 'reject_extension':
      return extensionPending;
    case 'custom_deadline':
      return s.regime === '2019' && s.customDeadline === null;
    case 'fee_notice':
      return s.regime === '2019' && s.fee === null;
    default:
      return true;
  }
}

// ── form → Action ────────────────────────────────────────────────────────────────────────────────────────

export type FormFields = Readonly<Record<string, string>>;
export type Parsed = { ok: true; action: Action } | { ok: false; message: string };

/** A field's trimmed text, or undefined when blank. */
function field(form: FormFields, name: string): string | undefined {
  const v = form[name];
  if (typeof v !== 'string') return undefined;
  const t = v.replace(/\r\n?/g, '\n').trim();
  return t === '' ? undefined : t;
}

const MONEY = /^\d{1,9}(\.\d{1,2})?$/;

/**
 * The Action a form of `type` asks for. `on` (the step's legal date) is the form's date or, left blank, today
 * (decide() defaults it); the payload's texts are passed as typed, decide() checks them. Only what a form can
 * get wrong before the rules are consulted is refused here (422): a malformed date, amount or choice.
 */
export function actionFromForm(type: ActionType, form: FormFields): Parsed {
  const on = field(form, 'on');
  if (on !== undefined && !isIsoShaped(on)) return { ok: false, message: '日期应为 YYYY-MM-DD 格式，如 2024-10-08' };
  const reason = field(form, 'reason');
  const base = { ...(on !== undefined ? { on } : {}), ...(reason !== undefined ? { reason } : {}) };
  const ok = (action: Action): Parsed => ({ ok: true, action });
  const fail = (message: string): Parsed => ({ ok: false, message });
  const date = (name: string, what: string): string | Parsed => {
    const v = field(form, name);
    if (v === undefined) return fail(`请填写${what}`);
    return isIsoShaped(v) ? v : fail(`${what}应为 YYYY-MM-DD 格式，如 2024-10-23`);
  };

  switch (type) {
    case 'sign':
    case 'return':
    case 'correction_received':
    case 'correction_lapsed':
    case 'fee_paid':
    case 'fee_lapsed':
    case 'request_extension':
    case 'approve_extension':
    case 'reject_extension':
    case 'withdraw':
      return ok({ type, ...base, data: {} });
    case 'assign': {
      const id = Number(field(form, 'departmentId'));
      if (!Number.isInteger(id) || id <= 0) return fail('请选择承办部门');
      return ok({ type, ...base, data: { departmentId: id } });
    }
    case 'request_correction': {
      const periodEnd = date('periodEnd', '补正期限');
      if (typeof periodEnd !== 'string') return periodEnd;
      return ok({ type, ...base, data: { items: field(form, 'items') ?? '', periodEnd } });
    }
    case 'start_consultation': {
      const party = field(form, 'party');
      if (party !== 'third_party' && party !== 'agency') return fail('请选择征求意见的对象（第三方或其他机关）');
      const name = field(form, 'name');
      return ok({ type, ...base, data: { party: party as ConsultationParty, ...(name !== undefined ? { name } : {}) } });
    }
    case 'end_consultation': {
      const replied = field(form, 'replied');
      if (replied !== 'yes' && replied !== 'no') return fail('请选择是否收到答复意见');
      const seq = field(form, 'startSeq');
      const startSeq = seq === undefined ? undefined : Number(seq);
      if (startSeq !== undefined && (!Number.isInteger(startSeq) || startSeq <= 0)) return fail('请选择要结束的征求意见');
      return ok({ type, ...base, data: { replied: replied === 'yes', ...(startSeq !== undefined ? { startSeq } : {}) } });
    }
    case 'fee_notice': {
      const amount = field(form, 'amount');
      if (amount === undefined || !MONEY.test(amount)) return fail('收费金额应为数字（元），最多保留两位小数，如 120 或 35.50');
      const payBy = date('payBy', '缴费期限');
      if (typeof payBy !== 'string') return payBy;
      return ok({ type, ...base, data: { amount: Number(amount), basis: field(form, 'basis') ?? '', payBy } });
    }
    case 'custom_deadline': {
      const due = date('due', '确定的答复期限');
      if (typeof due !== 'string') return due;
      return ok({ type, ...base, data: { due } });
    }
    case 'reply': {
      const data = {
        replyType: field(form, 'replyType') ?? '',
        legalBasis: field(form, 'legalBasis') ?? '',
      } as Extract<Action, { type: 'reply' }>['data'];
      for (const key of ['subReason', 'letterRef', 'disclosedPart', 'withheldPart', 'whereToObtain', 'otherAgency'] as const) {
        const v = field(form, key);
        if (v !== undefined) data[key] = v;
      }
      return ok({ type, ...base, data });
    }
    case 'deliver':
      return ok({ type, ...base, data: { method: field(form, 'method') ?? '' } });
    case 'note':
      return ok({ type, ...base, data: { text: field(form, 'text') ?? '' } });
    case 'submit':
    case 'register':
      return fail('申请的提交和登记不在案件页办理');
  }
}
