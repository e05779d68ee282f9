// The office registers an application that came on paper, by letter, fax, e-mail or in person: the channel,
// the one date its receipt rule names (条例2019 art. 31, law/channels.ts), and the applicant's fields as the
// public form has them (input.ts). This file turns the submitted form into those parts or the list of what is
// wrong, in Chinese. Pure.
import type { IsoDate } from '../calendar/dates.ts';
import { channels, isChannelId, receiptDateOf, type Channel, type ChannelId, type ReceiptDates, type ReceiptDateField } from '../law/channels.ts';
import { newApplicationSchema, type NewApplication } from './input.ts';
import { isIsoShaped } from './staff-form.ts';

/** Every channel but the online platform (its applications come in by themselves and are 签收ed). */
export const REGISTRATION_CHANNELS: readonly Channel[] = channels.filter((c) => c.id !== 'online');

export function isRegistrationChannel(value: unknown): value is ChannelId {
  return isChannelId(value) && value !== 'online';
}

/** The form field of each receipt date. */
export const RECEIPT_DATE_FIELDS: Readonly<Record<ReceiptDateField, keyof ReceiptDates>> = {
  submitted: 'submittedOn',
  signed_for: 'signedForOn',
  confirmed: 'confirmedOn',
};

/** Channels whose receipt day may come after the day the application arrived (a confirmation follows). */
export function mayArriveEarlier(c: Channel): boolean {
  return c.receiptFrom === 'confirmed';
}

export interface Registration {
  input: NewApplication;
  channel: ChannelId;
  /** The legal receipt day, by the channel's rule. */
  receivedOn: IsoDate;
  /** The day it physically arrived, when given. */
  arrivedOn?: IsoDate;
}

export type RegistrationResult = { ok: true; value: Registration } | { ok: false; errors: string[] };

export function registrationFromForm(form: Readonly<Record<string, string>>): RegistrationResult {
  const errors: string[] = [];
  const channel = form.channel;
  let receivedOn: IsoDate | undefined;
  if (!isRegistrationChannel(channel)) {
    errors.push('请选择申请方式');
  } else {
    const dates: ReceiptDates = {};
    for (const name of Object.values(RECEIPT_DATE_FIELDS)) {
      const v = form[name]?.trim();
      if (v) dates[name] = v;
    }
    const r = receiptDateOf(channel, dates);
    if (r.ok) receivedOn = r.value;
    else errors.push(r.message);
  }
  const arrived = form.arrivedOn?.trim() || undefined;
  if (arrived !== undefined && !isIsoShaped(arrived)) errors.push('实际到达日期应为 YYYY-MM-DD 格式');

  const parsed = newApplicationSchema.safeParse(applicantFields(form));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) if (!errors.includes(issue.message)) errors.push(issue.message);
  }
  if (errors.length > 0 || !parsed.success || receivedOn === undefined || !isRegistrationChannel(channel)) {
    return { ok: false, errors: errors.length > 0 ? errors : ['申请内容不正确'] };
  }
  return { ok: true, value: { input: parsed.data, channel, receivedOn, ...(arrived !== undefined ? { arrivedOn: arrived } : {}) } };
}

/** The applicant's fields, blank ones left out (the schema names a missing required field: 请填写…). */
function applicantFields(form: Readonly<Record<string, string>>): Record<string, string> {
  const names = [
    'applicantKind',
    'name',
    'idType',
    'idNumber',
    'organisationKind',
    'creditCode',
    'legalRep',
    'contactName',
    'phone',
    'email',
    'address',
    'postcode',
    'description',
    'purpose',
    'provision',
    'pickup',
    'idempotencyKey',
  ];
  const out: Record<string, string> = {};
  for (const n of names) {
    const v = form[n];
    if (v !== undefined && v.trim() !== '') out[n] = v;
  }
  return out;
}
