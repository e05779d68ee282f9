// The statute's numbers for the reply clock (shared/domain/rules.md §2, §5; clock.md), in one place for the
// engine, the explanation and the input checks.
import { dayOf } from '../calendar/dates.ts';

export type Regime = '2008' | '2019';

export interface RegimeRules {
  regime: Regime;
  /** Reply period, and the most an extension adds, in working days. */
  periodWorkingDays: number;
  title: string;
  /** The article that sets the reply period. */
  replyArticle: string;
  /** Whether the regime allows an art. 35 custom deadline (条例2019 only). */
  customDeadline: boolean;
}

const RULES_2008: RegimeRules = {
  regime: '2008',
  periodWorkingDays: 15,
  title: '条例2008（国务院令第492号）',
  replyArticle: '第二十四条',
  customDeadline: false,
};
const RULES_2019: RegimeRules = {
  regime: '2019',
  periodWorkingDays: 20,
  title: '条例2019（国务院令第711号）',
  replyArticle: '第三十三条',
  customDeadline: true,
};

export const REGIMES: Readonly<Record<Regime, RegimeRules>> = { '2008': RULES_2008, '2019': RULES_2019 };

/** First receipt day under 条例2019; configurable (clock.md). */
export const DEFAULT_CUTOVER = dayOf('2019-05-15');

/** 条例2008 came into force: no statutory reply period before it. */
export const FIRST_RECEIPT_DAY = dayOf('2008-05-01');

/** The correction (补正) notice is due within 7 working days of receipt (条例2019 art. 30). */
export const CORRECTION_NOTICE_DAYS = 7;

/** The regime by receipt date: received before the cut-over → 条例2008. */
export function rulesFor(receivedOn: number, cutover: number): RegimeRules {
  return receivedOn < cutover ? RULES_2008 : RULES_2019;
}
