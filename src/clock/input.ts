// The timeline of `gongkai deadline` (clock.md) as JSON text → a validated `Timeline` of day numbers, or
// the list of what is wrong, each message in Chinese naming the field. Pure: "today" is passed in.
//
// Beyond the shape (zod), the events must make sense in time. They are taken in date order, events of the
// same day in the order given; pairs (补正 requested → received, consultation started → ended, fee notified →
// paid) alternate, each closing the one opened before; nothing precedes the receipt day; the clock events
// (all but the art. 35 deadline date) do not follow the answer.
import { z } from 'zod';
import { isoOf, parseIsoDate } from '../calendar/dates.ts';
import { EVENT_TYPES, type ClockEvent, type EventType, type Timeline } from './model.ts';
import { FIRST_RECEIPT_DAY, rulesFor } from './law.ts';

export type ParseResult = { ok: true; timeline: Timeline } | { ok: false; errors: string[] };

/** The last day a date may name, so that every period stays inside the calendar's range. */
const LAST_INPUT_DAY = parseIsoDate('2100-12-31')!;
const MAX_EVENTS = 1000;
const MAX_REASON = 2000;

export const EVENT_LABELS: Readonly<Record<EventType, string>> = {
  correction_requested: '要求补正',
  correction_received: '收到补正后的申请',
  consultation_started: '开始征求意见',
  consultation_ended: '征求意见结束',
  fee_notified: '发出收费通知',
  fee_paid: '缴费',
  extended: '决定延期',
  custom_deadline: '依第三十五条确定的答复期限',
  answered: '作出答复',
};

/** The pairs that open and close something; the closer needs an open opener. */
const PAIRS: readonly { open: EventType; close: EventType; what: string }[] = [
  { open: 'correction_requested', close: 'correction_received', what: '补正' },
  { open: 'consultation_started', close: 'consultation_ended', what: '征求意见' },
  { open: 'fee_notified', close: 'fee_paid', what: '收费' },
];
const ONCE: readonly EventType[] = ['extended', 'custom_deadline', 'answered'];

const isoDate = (what: string) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? `缺少${what}` : `${what}应为 YYYY-MM-DD 格式的字符串`) })
    .transform((text, ctx) => {
      const day = parseIsoDate(text);
      if (day === null) {
        const shaped = /^\d{4}-\d{2}-\d{2}$/.test(text);
        ctx.addIssue({
          code: 'custom',
          message: shaped ? `${text} 不是实际存在的日期` : `日期格式应为 YYYY-MM-DD，收到 ${JSON.stringify(text)}`,
        });
        return z.NEVER;
      }
      if (day > LAST_INPUT_DAY) {
        ctx.addIssue({ code: 'custom', message: `${text} 超出支持的范围（最晚 ${isoOf(LAST_INPUT_DAY)}）` });
        return z.NEVER;
      }
      return day;
    });

const unknownKeys = (allowed: string) => (issue: { code?: string; keys?: string[] }) =>
  issue.code === 'unrecognized_keys'
    ? `未知字段 ${issue.keys!.map((k) => JSON.stringify(k)).join('、')}（可用字段：${allowed}）`
    : undefined;

const eventSchema = z.strictObject(
  {
    type: z.enum(EVENT_TYPES, {
      error: (issue) =>
        issue.input === undefined
          ? `缺少事件类型（可用：${EVENT_TYPES.join('、')}）`
          : `未知的事件类型 ${JSON.stringify(issue.input)}，可用：${EVENT_TYPES.join('、')}`,
    }),
    on: isoDate('事件日期'),
    reason: z
      .string({ error: '理由应为字符串' })
      .trim()
      .max(MAX_REASON, { error: `理由不能超过 ${MAX_REASON} 个字符` })
      .optional(),
  },
  {
    error: (issue) =>
      issue.code === 'invalid_type'
        ? '每个事件应为对象，如 {"type": "answered", "on": "2024-11-20"}'
        : unknownKeys('type、on、reason')(issue),
  },
);

const timelineSchema = z.strictObject(
  {
    receivedOn: isoDate('收到申请之日'),
    events: z
      .array(eventSchema, { error: 'events 应为事件数组' })
      .max(MAX_EVENTS, { error: `事件不能超过 ${MAX_EVENTS} 个` })
      .optional(),
    asOf: isoDate('计算基准日').optional(),
  },
  {
    error: (issue) =>
      issue.code === 'invalid_type'
        ? '输入应为 JSON 对象，如 {"receivedOn": "2024-09-27", "events": []}'
        : unknownKeys('receivedOn、events、asOf')(issue),
  },
);

/** Reads a timeline; `today` (YYYY-MM-DD, China) is the default `asOf`, `cutover` decides the regime. */
export function parseTimeline(text: string, context: { today: string; cutover: number }): ParseResult {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { ok: false, errors: [`输入不是有效的 JSON：${error instanceof Error ? error.message : String(error)}`] };
  }
  const parsed = timelineSchema.safeParse(json);
  if (!parsed.success) return { ok: false, errors: parsed.error.issues.map((i) => `${fieldOf(i.path)}：${i.message}`) };

  const { receivedOn, events = [] } = parsed.data;
  const asOf = parsed.data.asOf ?? parseIsoDate(context.today);
  if (asOf === null) throw new RangeError(`today 不是有效的日期：${context.today}`);
  const errors: string[] = [];
  if (receivedOn < FIRST_RECEIPT_DAY) {
    errors.push(`receivedOn：${isoOf(receivedOn)} 早于《政府信息公开条例》施行之日 ${isoOf(FIRST_RECEIPT_DAY)}，没有法定答复期限`);
  }
  if (asOf < receivedOn) {
    errors.push(
      parsed.data.asOf === undefined
        ? `receivedOn：收到申请之日 ${isoOf(receivedOn)} 晚于今天 ${context.today}（未给出 asOf 时以今天为计算基准日）`
        : `asOf：计算基准日 ${isoOf(asOf)} 早于收到申请之日 ${isoOf(receivedOn)}`,
    );
  }
  const indexed = events.map((e, index) => ({ ...e, index }));
  for (const e of indexed) {
    if (e.on < receivedOn) errors.push(`events[${e.index}].on：${isoOf(e.on)} 早于收到申请之日 ${isoOf(receivedOn)}`);
    if (e.type === 'custom_deadline' && !e.reason) {
      errors.push(`events[${e.index}].reason：依第三十五条确定答复期限必须写明理由`);
    }
  }
  if (!rulesFor(receivedOn, context.cutover).customDeadline) {
    for (const e of indexed.filter((x) => x.type === 'custom_deadline')) {
      errors.push(`events[${e.index}]：custom_deadline（第三十五条）只适用于条例2019，本申请适用条例2008`);
    }
  }
  const sorted = indexed.slice().sort((a, b) => a.on - b.on);
  errors.push(...sequenceErrors(sorted));
  if (errors.length > 0) return { ok: false, errors };

  const clockEvents: ClockEvent[] = sorted.map(({ type, on, reason }) => (reason === undefined ? { type, on } : { type, on, reason }));
  return { ok: true, timeline: { receivedOn, events: clockEvents, asOf } };
}

type Indexed = ClockEvent & { index: number };

function sequenceErrors(sorted: readonly Indexed[]): string[] {
  const errors: string[] = [];
  const name = (e: Indexed) => `events[${e.index}]（${e.type}，${isoOf(e.on)}）`;
  const open = new Map<EventType, Indexed>();
  const seen = new Map<EventType, Indexed>();
  for (const e of sorted) {
    const asOpener = PAIRS.find((p) => p.open === e.type);
    const asCloser = PAIRS.find((p) => p.close === e.type);
    if (asOpener) {
      const before = open.get(e.type);
      if (before) errors.push(`${name(e)}：上一次${asOpener.what}（${name(before)}）尚未结束，不能再次${EVENT_LABELS[e.type]}`);
      open.set(e.type, e);
    } else if (asCloser) {
      if (!open.has(asCloser.open)) {
        errors.push(`${name(e)}：此前没有对应的 ${asCloser.open}（${EVENT_LABELS[e.type]}之前必须先${EVENT_LABELS[asCloser.open]}）`);
      }
      open.delete(asCloser.open);
    } else if (ONCE.includes(e.type)) {
      const before = seen.get(e.type);
      if (before) errors.push(`${name(e)}：${e.type} 只能有一个（已有 ${name(before)}）`);
      seen.set(e.type, e);
    }
  }
  const answered = seen.get('answered');
  if (answered) {
    for (const e of sorted) {
      if (e.on > answered.on && e.type !== 'custom_deadline') {
        errors.push(`${name(e)}：晚于答复日 ${isoOf(answered.on)}，答复之后不能再有计时事件`);
      }
    }
  }
  return errors;
}

function fieldOf(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '输入';
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join('');
}
