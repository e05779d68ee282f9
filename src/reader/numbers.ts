// Numbers as reports print them: table cells (1,486 / 0.35 / 增15 / 减4 / -1 / full-width digits) and Chinese
// numerals in prose (一百一十二). Pure.
import { foldWidth } from './normalize.ts';

/** The ideographs a number may start with (增15, 减4): a cell starting with any other is no number. */
const SIGN_IDEOGRAPHS = new Set(Array.from('增加减少', (ch) => ch.charCodeAt(0)));

/** Cells that mean "not reported": never 0. */
const NOT_REPORTED = new Set(['', '-', '--', '—', '——', '–', '/', '\\', '—/—']);

const DIGITS_ONLY = /^\d{1,15}$/;
const PLAIN = /^\d+(?:\.\d+)?$/;
const GROUPED = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const SIGN_WORDS: readonly [RegExp, 1 | -1][] = [
  [/^(?:\+|增加|增)/, 1],
  [/^(?:-|减少|减)/, -1],
];

/** A character no number or not-reported mark has, in any width (digits . , signs 增加减少, - — – / \\, spaces): a
 *  cell with one is not a number, whatever it says (a label, a sentence). */
const NOT_IN_NUMBERS = /[^\d\uff10-\uff19.\uff0e,\uff0c+\uff0b\-\uff0d\u2212\ufe63增加减少—–/\uff0f\\\uff3c\s]/;

/**
 * A table cell's text → its number; null for "not reported" (blank, -, —, –, /); undefined when the text is not a
 * number at all (a label, 无, a percentage, a number with a unit). Signs are kept: 增15 → 15, 减4 → −4, +2, −1.
 */
export function parseCellValue(text: string): number | null | undefined {
  const first = text.charCodeAt(0);
  if (first >= 0x4e00 && first <= 0x9fff && !SIGN_IDEOGRAPHS.has(first)) return undefined; // a label, a sentence
  if (DIGITS_ONLY.test(text)) return Number(text);
  if (NOT_IN_NUMBERS.test(text)) return undefined;
  const cell = foldWidth(text).replace(/[\u00a0\u3000]/g, ' ').trim().replace(/[−﹣－]/g, '-');
  if (NOT_REPORTED.has(cell)) return null;
  let sign: 1 | -1 = 1;
  let body = cell;
  for (const [prefix, s] of SIGN_WORDS) {
    const m = prefix.exec(body);
    if (m) {
      sign = s;
      body = body.slice(m[0].length).trimStart();
      break;
    }
  }
  if (PLAIN.test(body)) return sign * Number(body);
  if (GROUPED.test(body)) return sign * Number(body.replace(/,/g, ''));
  return undefined;
}

const DIGITS: Readonly<Record<string, number>> = {
  零: 0, 〇: 0, 一: 1, 壹: 1, 二: 2, 贰: 2, 两: 2, 三: 3, 叁: 3, 四: 4, 肆: 4,
  五: 5, 伍: 5, 六: 6, 陆: 6, 七: 7, 柒: 7, 八: 8, 捌: 8, 九: 9, 玖: 9,
};
const SMALL_UNITS: Readonly<Record<string, number>> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
const BIG_UNITS: Readonly<Record<string, number>> = { 万: 1e4, 亿: 1e8 };

/**
 * A Chinese numeral → its value: 十二 → 12, 一百一十二 → 112, 两千零五 → 2005, 三万五千 → 35000, 二〇二二 → 2022 (digit
 * by digit when there is no unit). Arabic digits mixed with units (3万) are accepted. undefined when not a numeral.
 */
export function parseChineseNumber(text: string): number | undefined {
  const s = foldWidth(text).trim();
  if (s === '') return undefined;
  if (/^\d+(?:\.\d+)?$/.test(s)) return Number(s);
  if (!/^[\d零〇一壹二贰两三叁四肆五伍六陆七柒八捌九玖十拾百佰千仟万亿.]+$/.test(s)) return undefined;
  if (!/[十拾百佰千仟万亿]/.test(s)) {
    // 二〇二二: digit by digit.
    let v = 0;
    for (const ch of s) {
      const d = DIGITS[ch] ?? (/\d/.test(ch) ? Number(ch) : undefined);
      if (d === undefined) return undefined;
      v = v * 10 + d;
    }
    return v;
  }
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  let i = 0;
  const chars = [...s];
  while (i < chars.length) {
    const ch = chars[i]!;
    if (/\d/.test(ch)) {
      let j = i;
      while (j < chars.length && /[\d.]/.test(chars[j]!)) j++;
      digit = Number(chars.slice(i, j).join(''));
      if (Number.isNaN(digit)) return undefined;
      i = j;
      continue;
    }
    if (ch in DIGITS) digit = DIGITS[ch]!;
    else if (ch in SMALL_UNITS) {
      section += (digit ?? 1) * SMALL_UNITS[ch]!;
      digit = null;
    } else if (ch in BIG_UNITS) {
      // 万 scales the section since the last big unit; 亿 scales everything before it (一亿二千万 = 1.2e8).
      const unit = BIG_UNITS[ch]!;
      const part = section + (digit ?? 0);
      total = unit === 1e8 ? (total + part) * unit : total + part * unit;
      section = 0;
      digit = null;
    } else return undefined;
    i++;
  }
  return total + section + (digit ?? 0);
}
