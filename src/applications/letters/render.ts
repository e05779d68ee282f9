// Letters an agency sends on an application for disclosure: what each says is data (templates.json); this file
// picks the text for a kind (and, for a reply, its class and reason), refuses a letter when a field the chosen
// text needs is missing, and fills the placeholders with plain text — dates as 2026年11月25日. Escaping is the
// job of whoever writes the letter out (view.tsx, docx.ts). Pure.
import { parseIsoDate } from '../../calendar/dates.ts';
import { REGIMES } from '../../clock/law.ts';
import book from './templates.json' with { type: 'json' };

export type LetterKind = 'acknowledgement' | 'correction' | 'extension' | 'fee' | 'third_party' | 'reply';

/** The six kinds of reply, as table 三 of the annual report groups them. */
export type ReplyClass = 'disclosed' | 'partially_disclosed' | 'withheld' | 'unable' | 'not_processed' | 'other';

export const LETTER_KINDS: readonly LetterKind[] = ['acknowledgement', 'correction', 'extension', 'fee', 'third_party', 'reply'];
export const REPLY_CLASSES: readonly ReplyClass[] = ['disclosed', 'partially_disclosed', 'withheld', 'unable', 'not_processed', 'other'];

/**
 * What a letter may say. Which fields a letter needs depends on its kind and, for a reply, its class and
 * reason (templates.json); a missing one is refused by name. Dates are YYYY-MM-DD.
 */
export interface LetterData {
  /** The agency that sends and signs the letter. */
  agency: string;
  /** 落款日期. */
  signedOn: string;
  /** 文号, e.g. 某政信〔2026〕第12号. */
  letterNumber?: string;
  /** 申请编号. */
  caseNumber?: string;
  applicant?: string;
  /** The legal date of receipt (条例 art. 31). */
  receivedOn?: string;
  /** When the corrected application was received (art. 30), if there was a 补正. */
  correctedOn?: string;
  /** The information asked for, as the applicant described it. */
  description?: string;
  replyClass?: ReplyClass;
  /** The reason id within the class: `replyReasons(replyClass)`. */
  replyReason?: string;
  reason?: string;
  /** Overrides the legal basis a reply reason brings. */
  legalBasis?: string;
  /** How, where and when the information is provided (art. 36 item 2). */
  provision?: string;
  /** Where information already public, a publication or a registry record can be obtained. */
  whereToObtain?: string;
  disclosedPart?: string;
  withheldPart?: string;
  /** The agency responsible for the information, when it is not this one (art. 36 item 5). */
  otherAgency?: string;
  otherAgencyContact?: string;
  /** The proper channel for a petition, complaint or a request to confirm information. */
  referral?: string;
  /** The earlier reply to the same request (date, number). */
  previousReply?: string;
  /** What to correct (art. 30), one item a line. */
  corrections?: string;
  guidance?: string;
  /** The date of an earlier notice: the correction notice, the fee notice, the request for reasons. */
  noticeOn?: string;
  /** The deadline the letter states: correction period, extended reply date, payment date, expected reply. */
  dueOn?: string;
  /** Working days added by an extension (art. 33: at most 20). */
  extensionDays?: number;
  /** The fee in yuan. */
  amount?: number;
  feeCalculation?: string;
  paymentMethod?: string;
  thirdParty?: string;
  /** How the application was made (当面, 邮寄, 互联网, …). */
  channel?: string;
  queryCode?: string;
  /** Defaults to 有管辖权的行政复议机关. */
  reviewBody?: string;
  /** Defaults to 有管辖权的人民法院. */
  court?: string;
  contact?: string;
  attachments?: string;
}

export interface Letter {
  kind: LetterKind;
  title: string;
  /** 文号, when the agency numbers its letters. */
  number?: string;
  salutation: string;
  paragraphs: string[];
  /** The closing: agency and date, and the line where the seal goes. */
  signature: { agency: string; date: string; seal: string };
}

/** A letter that cannot be written from the data given; the message names what is wrong, in Chinese. */
export class LetterError extends Error {
  constructor(
    message: string,
    /** The LetterData fields at fault. */
    readonly fields: string[] = [],
  ) {
    super(message);
    this.name = 'LetterError';
  }
}

// --- templates ---------------------------------------------------------------------------------------

type Paragraph = string | { text: string; when?: string[]; unless?: string[] };
type RemedyMode = 'none' | 'either' | 'review_first';

interface Part {
  name?: string;
  title?: string;
  labels?: Record<string, string>;
  paragraphs?: Paragraph[];
  remedy?: string;
}

interface LetterTemplate extends Part {
  name: string;
  title: string;
  salutation: string;
  paragraphs: Paragraph[];
}

interface ReasonTemplate extends Part {
  label: string;
  /** Fills {statement} in the class's paragraphs. */
  statement?: string;
  /** The default {legalBasis}. */
  basis?: string;
}

interface ClassTemplate extends Part {
  name: string;
  title: string;
  remedy: string;
  reasons?: Record<string, ReasonTemplate>;
}

interface TemplateBook {
  fields: Record<string, string>;
  fallbacks: Record<string, string>;
  closing: { seal: string };
  trailer: Paragraph[];
  remedy: { either: string; reviewFirst: string; reviewFirstFrom: string };
  letters: Record<Exclude<LetterKind, 'reply'>, LetterTemplate>;
  reply: { name: string; title: string; salutation: string; opening: Paragraph[]; classes: Record<ReplyClass, ClassTemplate> };
}

const templates: TemplateBook = book;

/** How each field is checked and written out. */
const FIELD_TYPES: Record<keyof LetterData, 'text' | 'date' | 'days' | 'money' | 'choice'> = {
  agency: 'text',
  signedOn: 'date',
  letterNumber: 'text',
  caseNumber: 'text',
  applicant: 'text',
  receivedOn: 'date',
  correctedOn: 'date',
  description: 'text',
  replyClass: 'choice',
  replyReason: 'choice',
  reason: 'text',
  legalBasis: 'text',
  provision: 'text',
  whereToObtain: 'text',
  disclosedPart: 'text',
  withheldPart: 'text',
  otherAgency: 'text',
  otherAgencyContact: 'text',
  referral: 'text',
  previousReply: 'text',
  corrections: 'text',
  guidance: 'text',
  noticeOn: 'date',
  dueOn: 'date',
  extensionDays: 'days',
  amount: 'money',
  feeCalculation: 'text',
  paymentMethod: 'text',
  thirdParty: 'text',
  channel: 'text',
  queryCode: 'text',
  reviewBody: 'text',
  court: 'text',
  contact: 'text',
  attachments: 'text',
};

/** Every field a template may name: the LetterData fields plus {statement}, which the reply reason brings. */
export const PLACEHOLDER_FIELDS: readonly string[] = [...Object.keys(FIELD_TYPES), 'statement'];

/** The most an extension may add (条例2019 art. 33 ¶2). */
const MAX_EXTENSION_DAYS = REGIMES['2019'].periodWorkingDays;

/** The reasons a reply class offers, for a form's choice list. */
export function replyReasons(replyClass: ReplyClass): { id: string; label: string }[] {
  return Object.entries(templates.reply.classes[replyClass].reasons ?? {}).map(([id, r]) => ({ id, label: r.label }));
}

/** The placeholders of a text, in order. */
export function placeholders(text: string): string[] {
  return [...text.matchAll(/\{([A-Za-z]+)\}/g)].map((m) => m[1]!);
}

// --- choosing the text ---------------------------------------------------------------------------------

/** The text a letter is made of, once kind, class and reason are settled. */
interface Chosen {
  name: string;
  title: string;
  salutation: string;
  body: Paragraph[];
  remedy: RemedyMode;
  labels: Record<string, string>;
  /** Values the template brings: {statement}, the default {legalBasis}. */
  given: Record<string, string>;
}

function choose(kind: LetterKind, data: LetterData): Chosen {
  if (kind === 'reply') return chooseReply(data);
  const t = (templates.letters as Record<string, LetterTemplate | undefined>)[kind];
  if (!t) throw new LetterError(`未知的文书种类：${String(kind)}`);
  return {
    name: t.name,
    title: t.title,
    salutation: t.salutation,
    body: t.paragraphs,
    remedy: 'none',
    labels: { ...templates.fields, ...t.labels },
    given: {},
  };
}

function chooseReply(data: LetterData): Chosen {
  const reply = templates.reply;
  const labels = { ...templates.fields };
  if (!filled(data.replyClass)) {
    throw new LetterError(`生成「${reply.name}」缺少：${labels['replyClass']}`, ['replyClass']);
  }
  const cls = (reply.classes as Record<string, ClassTemplate | undefined>)[data.replyClass!];
  if (!cls) throw new LetterError(`未知的答复类别：${data.replyClass}`, ['replyClass']);
  Object.assign(labels, cls.labels);

  let reason: ReasonTemplate | undefined;
  if (cls.reasons) {
    if (!filled(data.replyReason)) {
      throw new LetterError(`生成「${cls.name}」缺少：${labels['replyReason']}`, ['replyReason']);
    }
    reason = cls.reasons[data.replyReason!];
    if (!reason) throw new LetterError(`「${cls.name}」没有“${data.replyReason}”这一答复情形`, ['replyReason']);
    Object.assign(labels, reason.labels);
  }

  const body = reason?.paragraphs ?? cls.paragraphs;
  if (!body) throw new Error(`templates.json: reply class ${data.replyClass} has no paragraphs`);
  const given: Record<string, string> = {};
  if (reason?.statement) given['statement'] = reason.statement;
  if (reason?.basis) given['legalBasis'] = reason.basis;
  return {
    name: reason?.name ?? cls.name,
    title: reason?.title ?? cls.title,
    salutation: reply.salutation,
    body: [...reply.opening, ...body],
    remedy: remedyMode(reason?.remedy ?? cls.remedy, data.signedOn),
    labels,
    given,
  };
}

/** review_first applies to letters signed once the revised 行政复议法 is in force; before that, either route. */
function remedyMode(mode: string, signedOn: string): RemedyMode {
  if (mode === 'none' || mode === 'either') return mode;
  if (mode !== 'review_first') throw new Error(`templates.json: unknown remedy mode ${mode}`);
  const signed = parseIsoDate(signedOn ?? '');
  const from = parseIsoDate(templates.remedy.reviewFirstFrom);
  return signed !== null && from !== null && signed >= from ? 'review_first' : 'either';
}

// --- filling it in ---------------------------------------------------------------------------------------

function filled(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value);
  return typeof value === 'string' && value.trim() !== '';
}

function textOf(p: Paragraph): string {
  return typeof p === 'string' ? p : p.text;
}

/** The raw value of a placeholder: the data's own, else what the template brings, else the fallback. */
function rawValue(field: string, data: LetterData, chosen: Chosen): string | number | undefined {
  const own = (data as unknown as Record<string, unknown>)[field];
  if (filled(own)) return typeof own === 'number' ? own : (own as string).trim().replace(/\r\n?/g, '\n');
  return chosen.given[field] ?? templates.fallbacks[field];
}

function included(p: Paragraph, present: (field: string) => boolean): boolean {
  if (typeof p === 'string') return true;
  return (p.when ?? []).every(present) && !(p.unless ?? []).some(present);
}

/** 2026-11-25 → 2026年11月25日. */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

function formatValue(field: string, raw: string | number, name: string, label: string): string {
  const type = FIELD_TYPES[field as keyof LetterData] ?? 'text';
  const refuse = (what: string) => new LetterError(`生成「${name}」时${label}${what}`, [field]);
  switch (type) {
    case 'date':
      if (typeof raw !== 'string' || parseIsoDate(raw) === null) {
        throw refuse(`不是有效日期（应为 YYYY-MM-DD）：${String(raw)}`);
      }
      return chineseDate(raw);
    case 'days':
      if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < 1 || raw > MAX_EXTENSION_DAYS) {
        throw refuse(`应为 1 至 ${MAX_EXTENSION_DAYS} 的整数（延长的期限最长不得超过${MAX_EXTENSION_DAYS}个工作日）：${String(raw)}`);
      }
      return String(raw);
    case 'money':
      if (typeof raw !== 'number' || !(raw > 0)) throw refuse(`应为大于 0 的金额：${String(raw)}`);
      return Number.isInteger(raw) ? String(raw) : raw.toFixed(2);
    default:
      if (typeof raw !== 'string') throw refuse(`应为文字：${String(raw)}`);
      return raw;
  }
}

/** Trailing punctuation a value may bring, dropped when the template goes on after it (no “。。”). */
const TRAILING_PUNCTUATION = /[。，；、,;]+$/;

function fill(text: string, values: Map<string, string>): string {
  return text.replace(/\{([A-Za-z]+)\}/g, (_, field: string, at: number) => {
    const value = values.get(field)!;
    const last = at + field.length + 2 >= text.length;
    return last ? value : value.replace(TRAILING_PUNCTUATION, '');
  });
}

/**
 * The letter of `kind` filled from `data`. Throws LetterError naming every missing field
 * (生成「不予公开告知书」缺少：不予公开的理由), an invalid date or an out-of-range number.
 */
export function renderLetter(kind: LetterKind, data: LetterData): Letter {
  const chosen = choose(kind, data);
  const present = (field: string) => rawValue(field, data, chosen) !== undefined;
  const remedy =
    chosen.remedy === 'none' ? [] : [chosen.remedy === 'review_first' ? templates.remedy.reviewFirst : templates.remedy.either];
  const texts = [...chosen.body, ...remedy, ...templates.trailer].filter((p) => included(p, present)).map(textOf);

  const needed = [...new Set(placeholders([chosen.salutation, ...texts, '{agency}', '{signedOn}'].join('\n')))];
  const missing = needed.filter((f) => !present(f));
  if (missing.length > 0) {
    const names = missing.map((f) => chosen.labels[f] ?? f);
    throw new LetterError(`生成「${chosen.name}」缺少：${names.join('、')}`, missing);
  }
  const values = new Map<string, string>();
  for (const field of needed) {
    values.set(field, formatValue(field, rawValue(field, data, chosen)!, chosen.name, chosen.labels[field] ?? field));
  }

  const letter: Letter = {
    kind,
    title: chosen.title,
    salutation: fill(chosen.salutation, values),
    paragraphs: texts.map((t) => fill(t, values)),
    signature: { agency: values.get('agency')!, date: values.get('signedOn')!, seal: templates.closing.seal },
  };
  if (filled(data.letterNumber)) letter.number = data.letterNumber!.trim();
  return letter;
}
