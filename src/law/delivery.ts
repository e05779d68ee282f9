// Delivery methods of a reply (送达方式) and the day each makes the reply's time point, from delivery.json
// (rules.md §2: 国办公开办函〔2016〕235号). Electronic delivery has no national rule: its day is a setting.
import deliveryFile from './delivery.json' with { type: 'json' };
import { parseIsoDate, type IsoDate } from '../calendar/dates.ts';
import type { Checked, Confidence } from './model.ts';

export type DeliveryMethodId = keyof typeof deliveryFile.methods;
export type DeliveryDateField = keyof typeof deliveryFile.dateFields;

export interface DeliveryMethod {
  id: DeliveryMethodId;
  label: string;
  /** The recorded date that is the delivery day. */
  dateFrom: DeliveryDateField;
  /** The other day a setting may choose instead (electronic delivery only). */
  alternativeDateFrom?: DeliveryDateField;
  rule: string;
  /** What the file keeps as proof of the day. */
  evidence: string;
  confidence: Confidence;
  note?: string;
}

export interface DeliveryDates {
  signedOn?: IsoDate;
  postedOn?: IsoDate;
  sentOn?: IsoDate;
  confirmedOn?: IsoDate;
}

export interface DeliverySettings {
  /** Which day counts for electronic delivery; default the method's own (sent). */
  electronicDateFrom?: DeliveryDateField;
}

const data = deliveryFile.methods as Readonly<Record<DeliveryMethodId, Omit<DeliveryMethod, 'id'>>>;
const fields = deliveryFile.dateFields as Readonly<Record<DeliveryDateField, { label: string; day: string }>>;

export const deliveryMethodIds = Object.keys(data) as DeliveryMethodId[];

export const deliveryMethods: readonly DeliveryMethod[] = deliveryMethodIds.map((id) => ({ id, ...data[id] }));

export function isDeliveryMethodId(value: unknown): value is DeliveryMethodId {
  return typeof value === 'string' && Object.hasOwn(data, value);
}

export function deliveryMethod(id: DeliveryMethodId): DeliveryMethod {
  return { id, ...data[id] };
}

const DATE_OF: Readonly<Record<DeliveryDateField, keyof DeliveryDates>> = {
  signed: 'signedOn',
  posted: 'postedOn',
  sent: 'sentOn',
  confirmed: 'confirmedOn',
};

/** The recorded date a method takes its delivery day from, under the settings. */
export function deliveryDateField(id: DeliveryMethodId, settings: DeliverySettings = {}): DeliveryDateField {
  const m = data[id];
  const chosen = settings.electronicDateFrom;
  if (id === 'electronic' && chosen !== undefined) {
    if (chosen !== m.dateFrom && chosen !== m.alternativeDateFrom) {
      throw new RangeError(`电子送达只能以${fields[m.dateFrom].label}或${fields[m.alternativeDateFrom!].label}为准，不能以「${chosen}」为准`);
    }
    return chosen;
  }
  return m.dateFrom;
}

/** The day a reply delivered by `id` counts as made, for the timeliness check against the deadline. */
export function deliveryDateOf(id: DeliveryMethodId, dates: DeliveryDates, settings: DeliverySettings = {}): Checked<IsoDate> {
  const from = deliveryDateField(id, settings);
  const field = fields[from];
  const date = dates[DATE_OF[from]];
  if (date === undefined || date === '') {
    return { ok: false, message: `缺少${field.label}：${data[id].label}以${field.day}为准判断是否在答复期限内` };
  }
  if (parseIsoDate(date) === null) return { ok: false, message: `${field.label}「${date}」不是有效的日期（应为 YYYY-MM-DD）` };
  return { ok: true, value: date };
}
