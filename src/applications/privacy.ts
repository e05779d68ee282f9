// Masking of an applicant's personal data (证件号码, phone, address, e-mail, postcode) for every place that is not
// the case's own handlers: list pages, exports, reports, logs, the search index (DESIGN §4). Pure.
//
// Every mask fails closed: a value it cannot recognise is hidden more, never less, and masking a masked value
// never shows more than the first mask did.

/** An applicant's contact details as the case stores them. */
export interface ApplicantContact {
  name: string;
  idKind?: string;
  idNumber?: string | null;
  creditCode?: string | null;
  phone?: string | null;
  email?: string | null;
  address?: string | null;
  postcode?: string | null;
}

const STAR = '*';
/** What replaces everything after the administrative prefix of an address; fixed, so the length stays hidden. */
const ADDRESS_TAIL = '****';

function stars(count: number): string {
  return STAR.repeat(Math.max(0, count));
}

/** Characters as the reader sees them (code points, so a character outside the BMP counts once). */
function charsOf(s: string): string[] {
  return Array.from(s);
}

// ---------------------------------------------------------------------------------------------------------
// 证件号码

/** Values shorter than this are hidden entirely: keeping 2 + 2 characters would show half of them or more. */
const DOCUMENT_MIN_PARTIAL = 8;

/**
 * A person's document number: the first 2 and the last 2 characters stay, every other one becomes `*`, and the
 * length stays. For a 居民身份证 number that hides the county code (positions 3–6), the birth date (7–14) and
 * the first sequence digit; the kept 2 digits name only the province. Shorter than 8 characters: all `*`.
 */
export function maskIdNumber(s: string): string {
  const chars = charsOf(s.trim());
  if (chars.length < DOCUMENT_MIN_PARTIAL) return stars(chars.length);
  return chars.map((c, i) => (i < 2 || i >= chars.length - 2 ? c : STAR)).join('');
}

/**
 * Document kinds whose number belongs to an organisation. A 统一社会信用代码 is published in the national
 * enterprise credit register, so it is not personal data. law/applicants.json lists only the documents of a
 * person (resident_id_card, passport …); `credit_code` (or its Chinese name) is how a caller says that a
 * 证件号码 column holds an organisation's code. Any other kind, or none, is a person's document.
 */
const ORGANISATION_DOCUMENT_KINDS: ReadonlySet<string> = new Set(['credit_code', '统一社会信用代码']);

/** The shape of a 统一社会信用代码 (GB 32100-2015): 18 characters of digits and capitals without I, O, S, V, Z. */
const CREDIT_CODE = /^[0-9A-HJ-NPQRTUWXY]{18}$/;

const ID_WEIGHTS: readonly number[] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK_CHARS = '10X98765432';

/** Whether a value is a well-formed 18-digit 居民身份证 number: plausible birth month/day and a valid check character. */
export function looksLikeResidentIdNumber(s: string): boolean {
  const value = s.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(value)) return false;
  const month = Number(value.slice(10, 12));
  const day = Number(value.slice(12, 14));
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(value[i]) * (ID_WEIGHTS[i] ?? 0);
  return ID_CHECK_CHARS[sum % 11] === value[17];
}

/**
 * A document number by its kind: an organisation's 统一社会信用代码 stays as it is; every person's document
 * (居民身份证, 护照, 通行证, 居留证 …) is masked by `maskIdNumber`. A value filed under the credit_code kind that
 * is not shaped like a credit code, or that is a valid 居民身份证 number, is masked all the same.
 */
export function maskDocument(kind: string | null | undefined, s: string): string {
  const value = s.trim();
  const organisation = kind != null && ORGANISATION_DOCUMENT_KINDS.has(kind.trim());
  if (organisation && CREDIT_CODE.test(value) && !looksLikeResidentIdNumber(value)) return value;
  return maskIdNumber(value);
}

// ---------------------------------------------------------------------------------------------------------
// 联系电话

/** Mobile numbers, with an optional +86 / 86 country code: 1[3-9] and 9 more digits. */
const MOBILE = /^(\+?86)?(1[3-9]\d)(\d{4})(\d{4})$/;
/** Landlines: area code (010, 02x, or 4 digits from 03xx), local number of 7–8 digits, optional extension. */
const LANDLINE = /^(?:\+?86)?(010|02\d|0[3-9]\d{2})(\d{7,8})(?:(?:转|分机|ext\.?|x|#)?\d{1,6})?$/i;
/** Other numbers shorter than this are hidden entirely. */
const PHONE_MIN_PARTIAL = 6;

/**
 * A phone number: a mobile keeps its first 3 and last 4 digits (138****5678); a landline keeps its area code and
 * the last 2 digits of the local number (0531-******66, extension dropped); anything else keeps its last 2
 * characters at the same length, or is all `*` when shorter than 6.
 */
export function maskPhone(s: string): string {
  const value = s.trim();
  const compact = value.replace(/[\s\-()（）]/g, '');
  const mobile = MOBILE.exec(compact);
  if (mobile) return `${mobile[1] ? `${mobile[1]} ` : ''}${mobile[2] ?? ''}****${mobile[4] ?? ''}`;
  const landline = LANDLINE.exec(compact);
  if (landline) {
    const local = landline[2] ?? '';
    return `${landline[1] ?? ''}-${stars(local.length - 2)}${local.slice(-2)}`;
  }
  const chars = charsOf(value);
  if (chars.length < PHONE_MIN_PARTIAL) return stars(chars.length);
  return stars(chars.length - 2) + chars.slice(-2).join('');
}

// ---------------------------------------------------------------------------------------------------------
// 通讯地址

/** A character of an administrative name: CJK, and not one of the suffixes that close a unit. */
const NAME = '(?:(?![省市区县])[\\u4e00-\\u9fff])';
const PROVINCE = new RegExp(
  `^(?:北京市|天津市|上海市|重庆市|香港特别行政区|澳门特别行政区|${NAME}{2,3}省|${NAME}{2,6}?自治区)`,
);
const PREFECTURE = new RegExp(`^${NAME}{2,7}?(?:市|自治州|地区|盟)`);
const COUNTY = new RegExp(`^${NAME}{1,7}?(?:区|县|市)`);
/** Characters of streets and buildings: a unit containing one is not an administrative division. */
const NOT_ADMINISTRATIVE = /[路街巷弄号楼栋室村组]/;
/** Names ending in 区 that are places, not divisions: 小区, 社区, 园区 … */
const PLACE_SUFFIX = /(?:小区|社区|园区|校区|景区|厂区|片区|街区|院区|营区|商区)$/;
/** The kept prefix never exceeds this many characters; whole units are dropped from the end until it fits. */
const ADDRESS_MAX_PREFIX = 10;

/** The leading 省 / 市 / 区县 units of an address, each at most once and in that order. */
function administrativeUnits(address: string): string[] {
  const units: string[] = [];
  let rest = address;
  for (const pattern of [PROVINCE, PREFECTURE, COUNTY]) {
    const unit = pattern.exec(rest)?.[0];
    if (unit === undefined || NOT_ADMINISTRATIVE.test(unit) || PLACE_SUFFIX.test(unit)) continue;
    units.push(unit);
    rest = rest.slice(unit.length);
  }
  return units;
}

/**
 * An address: the leading administrative divisions down to the county level (省, 市, 区/县) stay, at most 10
 * characters of whole units, and the rest becomes `****` whatever its length (山东省济南市历下区解放路12号3单元501
 * → 山东省济南市历下区****). Spaces are ignored; an address with no recognisable division is `****`.
 */
export function maskAddress(s: string): string {
  const units = administrativeUnits(s.replace(/\s+/g, ''));
  while (units.join('').length > ADDRESS_MAX_PREFIX) units.pop();
  return units.join('') + ADDRESS_TAIL;
}

// ---------------------------------------------------------------------------------------------------------
// 电子邮箱, 邮政编码

/** An e-mail address: the first character of the local part, `***`, and the domain (z***@example.com). */
export function maskEmail(s: string): string {
  const value = s.trim();
  const at = value.lastIndexOf('@');
  const local = at < 0 ? value : value.slice(0, at);
  const domain = at < 0 ? '' : value.slice(at);
  const first = charsOf(local)[0] ?? '';
  return `${first === STAR ? '' : first}***${domain}`;
}

/**
 * A postcode: the first 4 digits (province, postal area, county) stay and the 2 of the delivery office become
 * `**` — the same county-level precision as `maskAddress`. Anything that is not 6 digits is all `*`.
 */
export function maskPostcode(s: string): string {
  const value = s.trim();
  // A postcode masked before (2500**) keeps its shape, so masking twice changes nothing.
  if (/^\d{4}[\d*]{2}$/.test(value)) return `${value.slice(0, 4)}**`;
  return stars(charsOf(value).length);
}

// ---------------------------------------------------------------------------------------------------------
// 姓名

/** Two-character surnames, kept whole by `maskName`. */
const COMPOUND_SURNAMES: ReadonlySet<string> = new Set([
  '欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒', '夏侯',
  '轩辕', '令狐', '端木', '澹台', '公冶', '宗政', '濮阳', '淳于', '单于', '太叔', '申屠', '仲孙', '钟离',
  '闻人', '万俟', '赫连', '呼延', '独孤', '南宫', '西门', '百里', '东郭', '南门', '羊舌', '第五', '拓跋',
  '司空', '司寇', '亓官', '微生', '梁丘', '左丘', '东门', '谷梁', '公羊', '乐正', '公良', '漆雕', '巫马',
  '公西', '颛孙', '段干', '鲜于', '闾丘',
]);
/** Separators inside a name (维吾尔族 names, Latin names) that stay visible. */
const NAME_SEPARATOR = /^[\s·•・.]$/;

/**
 * A person's name for PUBLIC pages only (张三 → 张*, 欧阳娜娜 → 欧阳**): the surname stays, every other
 * character becomes `*`. Staff lists and exports show the applicant's name in full — handling a case needs it
 * and it is not one of the fields DESIGN §4 masks — so `maskContact` leaves names alone unless asked.
 */
export function maskName(s: string): string {
  const chars = charsOf(s.trim());
  if (chars.length <= 1) return stars(chars.length);
  const keep = chars.length >= 3 && COMPOUND_SURNAMES.has(chars.slice(0, 2).join('')) ? 2 : 1;
  return chars.map((c, i) => (i < keep || NAME_SEPARATOR.test(c) ? c : STAR)).join('');
}

// ---------------------------------------------------------------------------------------------------------
// A whole contact

export interface MaskContactOptions {
  /** Mask the name as well: only for public-facing pages. */
  name?: boolean;
}

function maskField(value: string | null | undefined, mask: (s: string) => string): string | null | undefined {
  return value == null || value === '' ? value : mask(value);
}

/**
 * A copy of the contact with every personal field masked: 证件号码 by its kind, phone, e-mail, address and
 * postcode. The 统一社会信用代码 of an organisation stays; the name stays unless `options.name` (public pages).
 * Absent, null and empty fields stay as they are. Only the fields of `ApplicantContact` are copied, so an extra
 * property of a wider object passed in never travels unmasked.
 */
export function maskContact(c: ApplicantContact, options: MaskContactOptions = {}): ApplicantContact {
  const masked: ApplicantContact = { name: options.name === true ? maskName(c.name) : c.name };
  if ('idKind' in c) masked.idKind = c.idKind;
  if ('creditCode' in c) masked.creditCode = c.creditCode;
  if ('idNumber' in c) masked.idNumber = maskField(c.idNumber, (s) => maskDocument(c.idKind, s));
  if ('phone' in c) masked.phone = maskField(c.phone, maskPhone);
  if ('email' in c) masked.email = maskField(c.email, maskEmail);
  if ('address' in c) masked.address = maskField(c.address, maskAddress);
  if ('postcode' in c) masked.postcode = maskField(c.postcode, maskPostcode);
  return masked;
}
