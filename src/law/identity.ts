// Checks of the identity and contact details an application carries (条例2019 art. 29 ¶2 (1)): the resident
// identity card number (GB 11643-1999), the unified social credit code (GB 32100-2015), a phone number and a
// postcode. Each returns the normalised value or one precise Chinese message.
import { parseIsoDate, todayInChina, type IsoDate } from '../calendar/dates.ts';
import type { Checked } from './model.ts';

export type IdCardChecked = { ok: true; value: string; birthDate: IsoDate } | { ok: false; message: string };

/** Full-width characters (ＡＢ１２) to ASCII, spaces (also 　) removed, letters upper-cased. */
function compact(s: string): string {
  return s.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}

// GB 11643-1999: weight of position i (1-based, from the left) is 2^(18-i) mod 11; the check digit a18 makes
// Σ ai·Wi ≡ 1 (mod 11) with a18 = 10 written X (ISO 7064 MOD 11-2).
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;

/** The check character (0–9 or X) of the first 17 digits of an identity card number. */
export function idCardCheckDigit(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i]!;
  const check = (12 - (sum % 11)) % 11;
  return check === 10 ? 'X' : String(check);
}

/** 居民身份证号码 (GB 11643-1999): 18 characters, birth date that exists and is not after `today`, MOD 11-2 check. */
export function checkIdCardNumber(s: string, today: IsoDate = todayInChina()): IdCardChecked {
  const v = compact(s);
  if (v === '') return { ok: false, message: '请填写身份证号码' };
  if (v.length === 15 && /^\d{15}$/.test(v)) {
    return { ok: false, message: '身份证号码应为 18 位；15 位的第一代居民身份证号码已停止使用' };
  }
  if (v.length !== 18) return { ok: false, message: `身份证号码应为 18 位，现为 ${v.length} 位` };
  for (let i = 0; i < 17; i++) {
    const c = v[i]!;
    if (c < '0' || c > '9') return { ok: false, message: `身份证号码第 ${i + 1} 位「${c}」不是数字：前 17 位应为数字` };
  }
  if (!/^[0-9X]$/.test(v[17]!)) return { ok: false, message: `身份证号码第 18 位「${v[17]}」无效：应为数字或 X` };
  if (v[0] === '0') return { ok: false, message: '身份证号码第 1 位（地址码）不能为 0' };
  const birth = `${v.slice(6, 10)}-${v.slice(10, 12)}-${v.slice(12, 14)}`;
  if (parseIsoDate(birth) === null) return { ok: false, message: `身份证号码中的出生日期 ${birth} 不存在` };
  if (birth > today) return { ok: false, message: `身份证号码中的出生日期 ${birth} 晚于今天（${today}）` };
  const check = idCardCheckDigit(v);
  if (v[17] !== check) return { ok: false, message: `身份证号码校验位错误：按前 17 位计算应为 ${check}，现为 ${v[17]}` };
  return { ok: true, value: v, birthDate: birth };
}

// GB 32100-2015: 31 characters (no I, O, S, V, Z), each worth its index; weight of position i is 3^(i-1) mod 31;
// the check character is worth 31 − (Σ mod 31), 31 meaning 0.
const CREDIT_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/** The check character of the first 17 characters of a unified social credit code. */
export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_ALPHABET.indexOf(first17[i]!) * CREDIT_WEIGHTS[i]!;
  return CREDIT_ALPHABET[(31 - (sum % 31)) % 31]!;
}

/** 统一社会信用代码 (GB 32100-2015): 18 characters of the code alphabet, digits in 3–8, MOD 31 check. */
export function checkCreditCode(s: string): Checked<string> {
  const v = compact(s);
  if (v === '') return { ok: false, message: '请填写统一社会信用代码' };
  if (v.length !== 18) return { ok: false, message: `统一社会信用代码应为 18 位，现为 ${v.length} 位` };
  for (let i = 0; i < 18; i++) {
    const c = v[i]!;
    if (!CREDIT_ALPHABET.includes(c)) {
      return { ok: false, message: `统一社会信用代码第 ${i + 1} 位「${c}」不是有效字符：只用数字和除 I、O、S、V、Z 以外的大写字母` };
    }
  }
  if (!/^\d{6}$/.test(v.slice(2, 8))) return { ok: false, message: '统一社会信用代码第 3–8 位（登记管理机关行政区划码）应为数字' };
  const check = creditCodeCheckChar(v);
  if (v[17] !== check) return { ok: false, message: `统一社会信用代码第 18 位校验码错误：按前 17 位计算应为 ${check}，现为 ${v[17]}` };
  return { ok: true, value: v };
}

const EXTENSION = /^(.*?)\s*(?:转|分机|EXT\.?|X|#)\s*(\d*)$/;
const SEPARATORS = /[\s\-－—–]+/;
const THREE_DIGIT_AREA = /^0(?:10|2\d)/;

/**
 * A mainland phone number: mobile (1[3-9] + 9 digits) or landline with area code (010 and 02x + 8 digits,
 * 0[3-9]xx + 7 or 8 digits), optionally with an extension (转 123, -123, #123) and a +86 / 0086 prefix.
 * Normalised to 13812345678, 010-12345678 or 0531-1234567-123.
 */
export function checkPhone(s: string): Checked<string> {
  let t = s.normalize('NFKC').trim().toUpperCase();
  if (t === '') return { ok: false, message: '请填写电话号码' };
  const prefix = /^(?:\+|00)\s*86[\s-]*|^\(\+?86\)\s*/.exec(t);
  if (prefix) t = t.slice(prefix[0].length);
  let extension: string | undefined;
  const ext = EXTENSION.exec(t);
  if (ext) {
    t = ext[1]!;
    extension = ext[2]!;
    if (!/^\d{1,6}$/.test(extension)) return { ok: false, message: '分机号应为 1–6 位数字' };
  }
  t = t.replace(/^\((\d{2,4})\)/, '$1-');
  const bad = /[^\d\s\-－—–]/.exec(t);
  if (bad) return { ok: false, message: `电话号码含有无效字符「${bad[0]}」` };
  const groups = t.split(SEPARATORS).filter((g) => g !== '');
  // After +86 the trunk 0 of an area code is dropped: +86 10 … is Beijing, +86 531 … Jinan.
  if (prefix && groups[0] !== undefined && !groups[0].startsWith('0') && !/^1[1-9]/.test(groups[0])) groups[0] = `0${groups[0]}`;
  const digits = groups.join('');
  if (digits === '') return { ok: false, message: '电话号码中没有数字' };
  if (digits.startsWith('1')) {
    if (extension !== undefined) return { ok: false, message: '手机号码不带分机号' };
    if (digits.length !== 11) return { ok: false, message: `手机号码应为 11 位，现为 ${digits.length} 位` };
    if (!/^1[3-9]/.test(digits)) return { ok: false, message: `手机号码第 2 位应为 3–9，现为 ${digits[1]}` };
    return { ok: true, value: digits };
  }
  if (!digits.startsWith('0')) return { ok: false, message: '固定电话号码应带区号，如 010-12345678' };
  let area: string;
  let local: string;
  if (groups.length >= 2 && groups[0]!.length <= 4) {
    area = groups[0]!;
    const rest = groups.slice(1);
    // 010-12345678-123: what follows a complete local number is the extension.
    if (rest.length >= 2 && rest[0]!.length >= 7 && extension === undefined) {
      local = rest[0]!;
      extension = rest.slice(1).join('');
      if (extension.length > 6) return { ok: false, message: '分机号应为 1–6 位数字' };
    } else local = rest.join('');
  } else {
    // 01012345678 or 01012345678-123: the area code is known by its first digits.
    const number = groups[0]!;
    if (groups.length >= 2 && extension === undefined) extension = groups.slice(1).join('');
    if (extension !== undefined && extension.length > 6) return { ok: false, message: '分机号应为 1–6 位数字' };
    area = number.slice(0, THREE_DIGIT_AREA.test(number) ? 3 : 4);
    local = number.slice(area.length);
  }
  if (area.length === 3 && !THREE_DIGIT_AREA.test(area)) return { ok: false, message: `区号「${area}」无效：除 010 和 02x 外，区号为 4 位` };
  if (area.length === 4 && THREE_DIGIT_AREA.test(area)) return { ok: false, message: `区号「${area}」无效：010 和 02x 的区号为 3 位` };
  if (area.length === 4 && !/^0[3-9]\d\d$/.test(area)) return { ok: false, message: `区号「${area}」无效` };
  if (area.length < 3) return { ok: false, message: `区号「${area}」无效：区号为 3 位或 4 位` };
  const lengths = area.length === 3 ? [8] : [7, 8];
  if (!lengths.includes(local.length)) {
    return { ok: false, message: `区号 ${area} 后的本地号码应为 ${lengths.join(' 或 ')} 位，现为 ${local.length} 位` };
  }
  if (local.startsWith('0')) return { ok: false, message: '本地号码不能以 0 开头' };
  return { ok: true, value: `${area}-${local}${extension === undefined ? '' : `-${extension}`}` };
}

/** 邮政编码: six digits. */
export function checkPostcode(s: string): Checked<string> {
  const v = compact(s);
  if (v === '') return { ok: false, message: '请填写邮政编码' };
  if (!/^\d+$/.test(v)) return { ok: false, message: '邮政编码只能由数字组成' };
  if (v.length !== 6) return { ok: false, message: `邮政编码应为 6 位数字，现为 ${v.length} 位` };
  return { ok: true, value: v };
}
