// Text → normalised lines: one Line per input line (numbers kept), full-width ASCII folded to half-width (digits,
// latin, | % ( ) : , …, so （一） and (一) read the same), odd spaces collapsed, zero-width characters dropped,
// traditional characters converted to simplified (opencc-js, character level), tabs turned into cell separators, and
// web-page furniture (索引号, 发布机构, 字体, 打印, 关闭, {{ pvCount }} …) marked so the readers skip it. Pure.
import * as OpenCC from 'opencc-js/t2cn';
import { codeSet, codesOf, inSet } from './code-set.ts';
import type { Line } from './model.ts';

/** Traditional characters frequent in these reports (the corpus converted to traditional, minus 覆 and 瞭, which
 *  simplified text uses too): a cheap test that decides whether a text needs the converter at all (it costs about
 *  1 ms per 5,000 characters). */
const TRADITIONAL =
  '開數條務請況項辦業發動關會網進議報結訴時機佈計規審複處實統爲於過對單應廳費衆責內強確國訟總體臺範設經組讀資點門問題險屬專個類後領職員據羣織負傳電欄創戶權輿維導與現決並號構萬區嚴線錄將準舉轉詢標參圍糾減熱當編訓覈認調態從視級訪補協監堅祕穩許執別極聞錯護圖質採係無絡閱館產貫積諮優勞聯歷稱華論續環預運來佔談製納徹頭長廣節斷階證檔紙說劃見還礎檢郵輯書場難購沒獲綜間繳簡醫療學際擴則針達隨隱濟討訂廢簽層繞養變義話週識徑額記繼細傷夠響畢擔財繫擬駁試評罰這適註籌緊冊曉貼復營違們習黨聲豐頻滿備雙終載講庫託張術誰慮崗較語鄉詳紹幫併農貧寫驗遞種寬盡揮雖車塊誤稅兩約風鑑鏈縣閩勵邏棄牽陽畫鎮鐵滾興綠僕陸漸紅軍輕觀頁絲東膠餘屆獨買選幹駐鐘黃絕連靜諧績樣顯軌訊蓋紛遲暢亞團師溝測蹤闢藍倉裏誠齊讓縱樞紐離饋撐肅暫順勢';

/** Phrases a machine conversion to Taiwan usage produces that the character converter keeps (資訊 → 资讯). */
const PHRASES: readonly [string, string][] = [['資訊', '信息']];

let toSimplified: ((text: string) => string) | undefined;

function simplify(text: string): string {
  const convert = (toSimplified ??= OpenCC.Converter({ from: 't', to: 'cn' }));
  let out = text;
  for (const [from, to] of PHRASES) out = out.split(from).join(to);
  return convert(out);
}

/** Full-width ASCII (！ to ～) → half-width, and the ideographic space → space. Digits, latin, （）｜％：，… */
const WIDE = /[\uff01-\uff5e\u3000]/;

export function foldWidth(text: string): string {
  if (!WIDE.test(text)) return text;
  return text.replace(/[\uff01-\uff5e\u3000]/g, (ch) => (ch === '\u3000' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0)));
}

const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;

/** What each character becomes, one for one (by UTF-16 code unit): full-width ASCII folded to half-width, odd spaces
 *  (no-break, ideographic, en/em, form feed …) to a space, minus signs to '-'; every other character itself. */
const MAPPED = new Uint16Array(0x10000);
for (let c = 0; c < 0x10000; c++) MAPPED[c] = c;
for (let c = 0xff01; c <= 0xff5e; c++) MAPPED[c] = c - 0xfee0;
for (const ch of '\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\f\v') MAPPED[ch.charCodeAt(0)] = 0x20;
for (const ch of '\u2212\ufe63') MAPPED[ch.charCodeAt(0)] = 0x2d;

/** What the one pass over the text notes of a character (bits, by UTF-16 code unit). */
const TRADITIONAL_CHAR = 1;
const LINE_BREAK = 2;
/** A character finishLine changes besides trimming: zero-width, soft hyphen, tab (two spaces are noted apart). */
const TO_FINISH_CHAR = 4;
const NOTES = new Uint8Array(0x10000);
for (const ch of TRADITIONAL) NOTES[ch.charCodeAt(0)]! |= TRADITIONAL_CHAR;
for (const ch of '\r\n\u2028\u2029') NOTES[ch.charCodeAt(0)]! |= LINE_BREAK;
for (const ch of '\u200b\u200c\u200d\u2060\ufeff\u00ad\t') NOTES[ch.charCodeAt(0)]! |= TO_FINISH_CHAR;

/** Characters the readers look for before reading a line further (a bit each): the pass over the text notes them for
 *  every line at once (lineHas), where each test would read the line again. */
const LOOKED_FOR = '|%全所月公申条表元议讼';
const LOOKED_FOR_BIT = new Uint32Array(0x10000);
[...LOOKED_FOR].forEach((ch, i) => (LOOKED_FOR_BIT[ch.charCodeAt(0)] = 1 << i));

/** The characters the pass must look at more closely: mapped to another, noted, looked for, or (mapped to) a space. */
const SPECIAL = codeSet(
  Array.from({ length: 0x10000 }, (_, c) => c).filter((c) => MAPPED[c] !== c || NOTES[c] !== 0 || LOOKED_FOR_BIT[MAPPED[c]!] !== 0 || MAPPED[c] === 0x20),
);

function marksOf(line: Line): number {
  if (line.marks !== undefined) return line.marks;
  let marks = 0;
  const text = line.text;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inSet(SPECIAL, c)) marks |= LOOKED_FOR_BIT[c]!;
  }
  return (line.marks = marks);
}

/** Whether a line's text has a word: false at once when the line lacks the word's first character and that is one of
 *  the characters looked for (LOOKED_FOR). */
export function lineHas(line: Line, word: string): boolean {
  const bit = LOOKED_FOR_BIT[word.charCodeAt(0)]!;
  if (bit !== 0 && (marksOf(line) & bit) === 0) return false;
  return word.length === 1 && bit !== 0 ? true : line.text.includes(word);
}

const UTF16 = new TextDecoder('utf-16le');

/** Every character mapped (MAPPED): widths folded, odd spaces and minus signs replaced, one character for one, so line
 *  breaks stay where they were. */
function mapCharacters(text: string): string {
  let i = 0;
  while (i < text.length && MAPPED[text.charCodeAt(i)] === text.charCodeAt(i)) i++;
  if (i === text.length) return text;
  const codes = new Uint16Array(text.length);
  for (let j = 0; j < text.length; j++) codes[j] = MAPPED[text.charCodeAt(j)]!;
  return UTF16.decode(codes);
}

const HAS_ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff\u00ad]/;
const SPACE = 0x20;
const TAB = 0x09;

/** Zero-width characters dropped (line by line: one between \r and \n would join two lines), the line trimmed, tabs
 *  turned into cell separators, runs of spaces made one: a run of spaces and tabs with a tab in it becomes ' | ', a
 *  run of spaces one space. */
function finishLine(text: string): string {
  const line = (HAS_ZERO_WIDTH.test(text) ? text.replace(ZERO_WIDTH, '') : text).trim();
  let out = '';
  let from = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c !== SPACE && c !== TAB) continue;
    let end = i;
    let tab = false;
    for (let d = c; end < line.length && (d === SPACE || d === TAB); d = line.charCodeAt(++end)) if (d === TAB) tab = true;
    if (tab || end - i > 1) {
      out += line.slice(from, i) + (tab ? ' | ' : ' ');
      from = end;
    }
    i = end - 1;
  }
  return from === 0 ? line : out + line.slice(from);
}

/** One line of text, normalised (everything but the traditional → simplified step, which runs on the whole text). */
export function normalizeLine(raw: string): string {
  return finishLine(mapCharacters(raw));
}

/** Page furniture of published web pages: metadata fields, counters, buttons. Matched on the normalised line. The
 *  patterns anchored at the start are one expression (one test a line); {{ … }} may stand anywhere. */
const FURNITURE = new RegExp(
  [
    /^(?:索 ?引 ?号|发布机构|发文机关|文 ?号|生成日期|成文日期|发布日期|发布时间|来 ?源|信息来源|字体|字号|阅读|浏览|访问量|点击|主题分类|体裁分类|责任编辑|编辑|有效性|所属主题|分 ?类)(?:次数|显示)?\s*[:：]/,
    /^【?(?:打印|关闭|分享|收藏|打印本页|关闭窗口|返回顶部|扫一扫|字体[:：]?|大|中|小|默认|[\s|【】]+)+】?$/,
    /^(?:分享到|扫一扫在手机打开当前页|当前位置[:：]|您当前的位置|首页\s*>)/,
  ]
    .map((re) => `(?:${re.source})`)
    .join('|'),
);
const TEMPLATE = /\{\{[^}]*\}\}/;

export function isFurniture(text: string): boolean {
  if (text === '') return false;
  return FURNITURE.test(text) || (text.includes('{{') && TEMPLATE.test(text));
}

/** A line's cells: its text split at | and trimmed. Meta, both table readers and the checks read a line's cells;
 *  the split is made once and kept on the line (the same strings then also hash once in labelKey's cache). */
export function cellsOf(line: Line): readonly string[] {
  if (line.cells !== undefined) return line.cells;
  const text = line.text;
  return (line.cells = lineHas(line, '|') ? text.split('|').map((c) => c.trim()) : [text.trim()]);
}

/** An enumerated line (一、 (一) （一） 1. 1、): a heading, or an item of a list. */
const ENUMERATED = /^(?:[一二三四五六七八九十]{1,3}[、.]|[(（][一二三四五六七八九十]{1,3}[)）]|\d{1,2}[.、](?!\d))/;
/** The characters such a line starts with. */
const ENUMERATION_START = codeSet(codesOf('一二三四五六七八九十(（0123456789'));

export function isEnumerated(text: string): boolean {
  return inSet(ENUMERATION_START, text.charCodeAt(0)) && ENUMERATED.test(text);
}

const NEWLINE = /\r\n|\r|\n|\u2028|\u2029/;

/** The input's lines as the reader numbers them (\r\n, \r, \n, U+2028/9): line `no` is `splitLines(text)[no - 1]`. */
export function splitLines(text: string): string[] {
  return text.split(NEWLINE);
}

function line(no: number, raw: string, text: string, marks: number | undefined): Line {
  // Every line gets every field, in one order: one object shape for the whole pipeline's property reads.
  return { no, text, raw, furniture: isFurniture(text), cells: undefined, marks };
}

/** The input text as normalised lines; `no` is the 1-based line number in `text` (see splitLines). One pass over the
 *  characters maps them (MAPPED) and notes where lines end, which lines need more than trimming, which characters
 *  looked for each line has, and whether the text has traditional characters; mapping keeps every character in its
 *  place, so a line of the mapped text is cut where the raw one is. Most characters (ideographs) are none of these:
 *  one test of a small bitmap (SPECIAL) lets them by. */
export function normalizeText(text: string): Line[] {
  const lines: Line[] = [];
  let notes = 0;
  let lineNotes = 0;
  let lineMarks = 0;
  let spaceBefore = false;
  const ends: number[] = [];
  const finish: boolean[] = [];
  const marks: number[] = [];
  /** The mapped characters, from the first one that maps to another (null while none has). */
  let codes: Uint16Array | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!inSet(SPECIAL, c)) {
      if (codes !== null) codes[i] = c;
      spaceBefore = false;
      continue;
    }
    const mapped = MAPPED[c]!;
    if (codes !== null) codes[i] = mapped;
    else if (mapped !== c) {
      codes = new Uint16Array(text.length);
      for (let j = 0; j < i; j++) codes[j] = text.charCodeAt(j);
      codes[i] = mapped;
    }
    lineMarks |= LOOKED_FOR_BIT[mapped]!;
    const space = mapped === 0x20;
    if (space && spaceBefore) lineNotes |= TO_FINISH_CHAR;
    spaceBefore = space;
    const note = NOTES[c]!;
    if (note === 0) continue;
    notes |= note;
    if ((note & LINE_BREAK) === 0) {
      lineNotes |= note;
      continue;
    }
    ends.push(i);
    finish.push((lineNotes & TO_FINISH_CHAR) !== 0);
    marks.push(lineMarks);
    lineNotes = 0;
    lineMarks = 0;
    spaceBefore = false;
    if (c === 0x0d && text.charCodeAt(i + 1) === 0x0a) {
      i++;
      if (codes !== null) codes[i] = 0x0a;
    }
  }
  if ((notes & TRADITIONAL_CHAR) !== 0) return convertedText(text);
  const mapped = codes === null ? text : UTF16.decode(codes);
  ends.push(text.length);
  finish.push((lineNotes & TO_FINISH_CHAR) !== 0);
  marks.push(lineMarks);
  let start = 0;
  for (let k = 0; k < ends.length; k++) {
    const end = ends[k]!;
    const part = mapped.slice(start, end);
    // A line finishLine changes (tabs become separators, but not at its ends) has its marks read from its text.
    const finished = finish[k] ? finishLine(part) : part.trim();
    lines.push(line(k + 1, mapped === text ? part : text.slice(start, end), finished, finish[k] ? undefined : marks[k]));
    start = end + (text.charCodeAt(end) === 0x0d && text.charCodeAt(end + 1) === 0x0a ? 2 : 1);
  }
  return lines;
}

/** A text with traditional characters: converted as a whole, then split again (the converter may not keep lengths). */
function convertedText(text: string): Line[] {
  const raws = splitLines(text);
  const mappedLines = mapCharacters(simplify(text)).split(NEWLINE);
  return raws.map((raw, i) => line(i + 1, raw, finishLine(mappedLines[i] ?? mapCharacters(raw)), undefined));
}

/**
 * A label reduced to what identifies it, for comparing table labels across copies: no spaces, no enumerators
 * (一、 (一) 1. (1)), no parenthetical notes ((区分处理的……) (单位:万元)), no punctuation or quotes (、 vs , ; “三安全一稳定”),
 * and no trailing 数量/数 (申请数量 vs 申请数). Both the report's text and formats.json's labels go through it.
 */
export function labelKey(label: string): string {
  let key = KEYS.get(label);
  if (key === undefined) {
    if (KEYS.size >= MAX_KEYS) KEYS.clear();
    key = computeKey(label);
    KEYS.set(label, key);
  }
  return key;
}

/** Labels repeat from report to report: their keys are remembered (a bounded cache, cleared when full). */
const KEYS = new Map<string, string>();
const MAX_KEYS = 20_000;

function computeKey(label: string): string {
  return foldWidth(label)
    .replace(/\s+/g, '')
    .replace(/^[一二三四五六七八九十]{1,3}[、.,]/, '')
    .replace(/\([一二三四五六七八九十]{1,3}\)|\(\d{1,2}\)/g, '')
    .replace(/(?<![\d.])\d{1,2}[.、,](?!\d)/g, '')
    .replace(/\([^()]*\)/g, '')
    .replace(/[“”"'‘’「」『』《》、,.。;:!?·•\-—_/|()]/g, '')
    .replace(/(?:数量|数)$/, '');
}
