// Reply types (答复类型) per regime, from replies.json: class, legal basis, what the letter must contain, and the
// row of each report format the closed application counts in. 条例2019 replies follow table 三's 三、本年度办理结果
// (with art. 36(1) and 36(5) kept apart from the rows they are counted in); 条例2008 replies follow the legacy
// table's （三）申请答复数.
import repliesFile from './replies.json' with { type: 'json' };
import type { Regime } from '../clock/law.ts';
import type { IsoDate } from '../calendar/dates.ts';
import type { FormatId } from '../reports/formats.ts';
import type { Checked, Confidence } from './model.ts';

type RegimesFile = typeof repliesFile.regimes;
export type ReplyTypeId2019 = keyof RegimesFile['2019']['types'];
export type ReplyTypeId2008 = keyof RegimesFile['2008']['types'];
export type ReplyTypeId = ReplyTypeId2019 | ReplyTypeId2008;
export type ReplyTypeIdOf<R extends Regime> = R extends '2019' ? ReplyTypeId2019 : ReplyTypeId2008;
export type ReplyClass2019 = keyof RegimesFile['2019']['classes'];
export type ReplyClass2008 = keyof RegimesFile['2008']['classes'];

export interface ReplyType {
  id: ReplyTypeId;
  regime: Regime;
  /** The class, as the report groups it: withheld (不予公开), unable (无法提供) … for 2019; refused … for 2008. */
  class: ReplyClass2019 | ReplyClass2008;
  classLabel: string;
  label: string;
  /** 不予公开（属于国家秘密）; the class label alone where the type is the whole class (予以公开). */
  title: string;
  /** Article and paragraph, e.g. 条例2019第三十六条第（三）项、第十四条; null where no article governs. */
  basis: string | null;
  /** The article requires the letter to state reasons (说明理由). */
  reasonRequired: boolean;
  /** The letter tells the applicant of 行政复议 and 行政诉讼 (basis: remedyBasis(regime)). */
  remedyNotice: boolean;
  /** Row id per report format the reply can be counted in (no legacy row for 条例2019 replies). */
  rows: Partial<Record<FormatId, string>>;
  confidence: Confidence;
  note?: string;
}

type ReplyData = Pick<ReplyType, 'label' | 'basis' | 'reasonRequired' | 'remedyNotice' | 'rows' | 'confidence' | 'note'> & {
  class: string;
};

interface RegimeData {
  statute: string;
  remedyBasis: string;
  classes: Readonly<Record<string, string>>;
  types: Readonly<Record<string, ReplyData>>;
}

const REGIMES = repliesFile.regimes as Readonly<Record<Regime, RegimeData>>;
const ORDER: readonly Regime[] = ['2019', '2008'];

function build(regime: Regime): ReplyType[] {
  const { classes, types } = REGIMES[regime];
  return Object.entries(types).map(([id, t]) => {
    const classLabel = classes[t.class]!;
    return {
      id: id as ReplyTypeId,
      regime,
      ...t,
      class: t.class as ReplyType['class'],
      classLabel,
      title: t.label === classLabel ? classLabel : `${classLabel}（${t.label}）`,
    };
  });
}

const BY_REGIME: Readonly<Record<Regime, readonly ReplyType[]>> = { '2019': build('2019'), '2008': build('2008') };
const BY_ID = new Map<string, ReplyType>(ORDER.flatMap((r) => BY_REGIME[r].map((t) => [t.id, t] as const)));

/** The reply types of a regime, in the order of the report table. */
export function replyTypes(regime: Regime): readonly ReplyType[] {
  return BY_REGIME[regime];
}

export function replyType(id: ReplyTypeId): ReplyType {
  const t = BY_ID.get(id);
  if (!t) throw new Error(`unknown reply type ${id}`);
  return t;
}

export function isReplyTypeId(value: unknown): value is ReplyTypeId {
  return typeof value === 'string' && BY_ID.has(value);
}

/** Whether `id` is a reply type of `regime`. */
export function isValidReply<R extends Regime>(regime: R, id: unknown): id is ReplyTypeIdOf<R> {
  return typeof id === 'string' && BY_ID.get(id)?.regime === regime;
}

/** The statute's short name (条例2019) and the article that opens 行政复议/行政诉讼 to the applicant. */
export function statuteOf(regime: Regime): { statute: string; remedyBasis: string } {
  const { statute, remedyBasis } = REGIMES[regime];
  return { statute, remedyBasis };
}

/**
 * The reply type for an application under `regime`, or why it cannot be used:
 * 答复类型「同意公开」属于条例2008，不适用于条例2019（本申请于 2024-09-27 收到）.
 */
export function checkReply(regime: Regime, id: string, receivedOn?: IsoDate): Checked<ReplyType> {
  const t = BY_ID.get(id);
  if (!t) return { ok: false, message: `未知的答复类型「${id}」` };
  if (t.regime === regime) return { ok: true, value: t };
  const when = receivedOn ? `（本申请于 ${receivedOn} 收到）` : '';
  return {
    ok: false,
    message: `答复类型「${t.title}」属于${REGIMES[t.regime].statute}，不适用于${REGIMES[regime].statute}${when}`,
  };
}

/**
 * The row of a report format a closed application with this reply counts in; null when the reply cannot occur
 * in that format (a 条例2019 reply in the legacy table, which covers years up to 2018).
 */
export function reportRow(id: ReplyTypeId, formatId: FormatId): string | null {
  return replyType(id).rows[formatId] ?? null;
}
