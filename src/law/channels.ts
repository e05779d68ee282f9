// Receipt channels (申请方式) and the day each one makes the legal receipt day (条例2019 art. 31), from
// channels.json. The receipt day starts every clock (clock/), so it is taken from one recorded date, never guessed.
import channelsFile from './channels.json' with { type: 'json' };
import { parseIsoDate, type IsoDate } from '../calendar/dates.ts';
import type { Checked } from './model.ts';

export type ChannelId = keyof typeof channelsFile.channels;
/** Which recorded date is the receipt day: handed in, signed for by the agency, or confirmed with the applicant. */
export type ReceiptDateField = keyof typeof channelsFile.dateFields;

export interface Channel {
  id: ChannelId;
  label: string;
  receiptFrom: ReceiptDateField;
  /** The article that fixes the receipt day, e.g. 条例2019第三十一条第（二）项. */
  article: string;
  /** The rule in the statute's words, with the article. */
  rule: string;
  /** Row of the pre-2019 statistics table (legacy.requests.received.*). */
  legacyRow: string;
  note?: string;
}

export interface ReceiptDates {
  submittedOn?: IsoDate;
  signedForOn?: IsoDate;
  confirmedOn?: IsoDate;
}

type ChannelData = Omit<Channel, 'id'>;
const data = channelsFile.channels as Readonly<Record<ChannelId, ChannelData>>;
const fields = channelsFile.dateFields as Readonly<Record<ReceiptDateField, { label: string; day: string }>>;

export const channelIds = Object.keys(data) as ChannelId[];

export const channels: readonly Channel[] = channelIds.map((id) => ({ id, ...data[id] }));

export function isChannelId(value: unknown): value is ChannelId {
  return typeof value === 'string' && Object.hasOwn(data, value);
}

export function channel(id: ChannelId): Channel {
  return { id, ...data[id] };
}

/** 签收日期, 确认日期 … */
export function receiptDateLabel(field: ReceiptDateField): string {
  return fields[field].label;
}

const DATE_OF: Readonly<Record<ReceiptDateField, keyof ReceiptDates>> = {
  submitted: 'submittedOn',
  signed_for: 'signedForOn',
  confirmed: 'confirmedOn',
};

/** The legal receipt day of an application that came through `id`, from the one date its rule names. */
export function receiptDateOf(id: ChannelId, dates: ReceiptDates): Checked<IsoDate> {
  const c = data[id];
  const field = fields[c.receiptFrom];
  const date = dates[DATE_OF[c.receiptFrom]];
  if (date === undefined || date === '') return { ok: false, message: `缺少${field.label}：${c.rule}` };
  if (parseIsoDate(date) === null) return { ok: false, message: `${field.label}「${date}」不是有效的日期（应为 YYYY-MM-DD）` };
  return { ok: true, value: date };
}
