// Checks of the report as a document: its years, what it announces and what it has, the statutory parts
// of its regime, its tables and their unit column, dates that cannot be read, and events it cannot know.
import { formatById, type FormatId } from '../../reports/formats.ts';
import { codeSet, inSet } from '../code-set.ts';
import { allMatches } from '../matches.ts';
import { readMeta } from '../meta.ts';
import { cellsOf, isEnumerated, lineHas } from '../normalize.ts';
import type { Check, Line, Sections, Severity } from '../model.ts';
import type { Ctx } from './arithmetic.ts';
import { checkData, ownCheck, quote, where } from './own.ts';
import { formatName } from './schema.ts';

export function yearMismatch(ctx: Ctx): Check[] {
  const { years, year, format } = ctx.report;
  if (year === null) return [ownCheck(ctx, 'year_mismatch', 'not_checkable', '无法校验：报告的标题和统计期限都未写明年度')];
  const problems: string[] = [];
  if (years.title !== null && years.period !== null && years.title !== years.period) {
    problems.push(`标题中的年度为 ${years.title} 年，统计期限却是 ${years.period} 年`);
  }
  // template is set only when the format was recognised from the tables printed, not assumed from the year.
  if (format !== null && years.template !== null) {
    const { from, to } = formatById(format).applies_to_report_years;
    if ((from !== null && year < from) || (to !== null && year > to)) {
      problems.push(`${year} 年度报告使用了《${formatName(format)}》，该格式适用于 ${from ?? ''}–${to ?? '今'} 年度的报告`);
    }
  }
  return problems.length > 0
    ? [ownCheck(ctx, 'year_mismatch', 'fails', problems.join('；'))]
    : [ownCheck(ctx, 'year_mismatch', 'holds', `报告年度 ${year}：标题、统计期限与表格格式一致`)];
}

const mentions = checkData.dated_mentions.map((m) => ({ ...m, pattern: new RegExp(m.pattern, 'g') }));

export function anachronism(ctx: Ctx): Check[] {
  const year = ctx.report.year;
  if (year === null) return [];
  const checks: Check[] = [];
  for (const mention of mentions) {
    if (year >= mention.known_from) continue;
    const pattern = mention.pattern;
    for (const line of ctx.text) {
      if (!mention.keywords.some((k) => lineHas(line, k))) continue;
      for (const m of allMatches(pattern, line.text)) {
        checks.push(ownCheck(ctx, 'anachronism', 'fails', `${year} 年度报告${where(line.no)}${quote(line.text, m.index, m[0].length)}提到${mention.what}，晚于报告年度（报告可能在期限后写成，或把活动记错了年度）`));
      }
    }
  }
  return checks.length > 0 ? checks : [ownCheck(ctx, 'anachronism', 'holds', `未发现晚于 ${year} 年度的事件`)];
}

// ── sections ─────────────────────────────────────────────────────────────────────────────────────────────

const kinds = checkData.section_kinds.map((k) => ({ kind: k.kind, pattern: new RegExp(k.pattern) }));
const fillerWords: readonly string[] = checkData.section_fillers;
const FILLER_START = codeSet(fillerWords.map((f) => f.charCodeAt(0)));

const SECTION_ENUMERATOR = /^\s*(?:[一二三四五六七八九十]{1,3}[、.]|[(（][一二三四五六七八九十]{1,3}[)）])/;
const YEAR_SIGN = '年'.charCodeAt(0);
const DEGREE_SIGN = '度'.charCodeAt(0);

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/** 九、2018年政府信息公开情况统计表。 → 政府信息公开情况统计表: no enumerator, no year (2018年, 2018年度), only the
 *  ideographs (U+4E00–U+9FFF) of the rest. */
function sectionKey(label: string): string {
  const from = SECTION_ENUMERATOR.exec(label)?.[0].length ?? 0;
  let key = '';
  for (let i = from; i < label.length; i++) {
    const c = label.charCodeAt(i);
    if (c === YEAR_SIGN && i - 4 >= from && isDigit(label.charCodeAt(i - 1)) && isDigit(label.charCodeAt(i - 2)) && isDigit(label.charCodeAt(i - 3)) && isDigit(label.charCodeAt(i - 4))) {
      if (label.charCodeAt(i + 1) === DEGREE_SIGN) i++;
      continue;
    }
    if (c >= 0x4e00 && c <= 0x9fff) key += label[i];
  }
  return key;
}

const WITH_TABLE = /^(.+?)(?:与|和|及)(附表|统计表)$/;

/** 需要说明的事项与附表 → 需要说明的事项 + 附表: two parts in one heading. */
function splitParts(label: string): string[] {
  const key = sectionKey(label);
  const m = key.endsWith('附表') || key.endsWith('统计表') ? WITH_TABLE.exec(key) : null;
  return m ? [m[1]!, m[2]!] : [key];
}

/** A section label as compared: its kind (table, fees …) and the character pairs of its words without fillers. */
interface Key {
  text: string;
  kind: string | undefined;
  /** Each pair of adjacent characters as one number (the two UTF-16 code units), once, in increasing order. */
  pairs: number[];
  /** How many pairs there are, repeats included. */
  count: number;
}

function keyOf(text: string): Key {
  const words = withoutFillers(text);
  const pairs: number[] = [];
  for (let i = 0; i + 1 < words.length; i++) {
    // Sorted by insertion (a label has a few dozen pairs), each pair once.
    const pair = words.charCodeAt(i) * 0x10000 + words.charCodeAt(i + 1);
    let at = pairs.length;
    while (at > 0 && pairs[at - 1]! > pair) at--;
    if (at > 0 && pairs[at - 1] === pair) continue;
    pairs.push(pair);
    for (let j = pairs.length - 1; j > at; j--) pairs[j] = pairs[j - 1]!;
    pairs[at] = pair;
  }
  return { text, kind: kindOf(text), pairs, count: Math.max(0, words.length - 1) };
}

function kindOf(text: string): string | undefined {
  for (const k of kinds) if (k.pattern.test(text)) return k.kind;
  return undefined;
}

function fillerAt(text: string, at: number): string | undefined {
  for (const f of fillerWords) if (text.startsWith(f, at)) return f;
  return undefined;
}

/** The text without the filler words (政府信息公开, 工作, 情况 …): at each place the first filler, in the order of
 *  checks.json, that stands there is dropped, as a replacement with their alternation would. */
function withoutFillers(text: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; ) {
    const filler = inSet(FILLER_START, text.charCodeAt(i)) ? fillerAt(text, i) : undefined;
    if (filler === undefined) {
      i++;
      continue;
    }
    out += text.slice(from, i);
    i += filler.length;
    from = i;
  }
  return from === 0 ? text : out + text.slice(from);
}

/** Same part: one label contains the other, both are of one kind, or they share half their character pairs. */
function similar(a: Key, b: Key): boolean {
  if (a.text === '' || b.text === '') return false;
  if (a.text.includes(b.text) || b.text.includes(a.text)) return true;
  if (a.kind !== undefined && a.kind === b.kind) return true;
  if (a.count === 0 || b.count === 0) return false;
  let common = 0;
  for (let i = 0, j = 0; i < a.pairs.length && j < b.pairs.length; ) {
    if (a.pairs[i] === b.pairs[j]) {
      common++;
      i++;
      j++;
    } else if (a.pairs[i]! < b.pairs[j]!) i++;
    else j++;
  }
  return (2 * common) / (a.count + b.count) >= 0.5;
}

const TABLE_WORDS = /统计表|附表|报告表/;
const SENTENCE_MARKS = /[。，,;；]/;

/** A short line naming the statistics table (附件：2017年政务公开工作情况统计表), which is a part of its own. */
function tableLines(lines: Line[]): string[] {
  return lines
    .filter((l) => l.text.length <= 40 && lineHas(l, '表') && TABLE_WORDS.test(l.text) && !SENTENCE_MARKS.test(l.text))
    .map((l) => sectionKey(l.text.replace(/^附件[:：]?/, '')));
}

export function sectionsAnnounced(ctx: Ctx, sections: Sections): Check[] {
  const announced = sections.announced.flatMap(splitParts).filter((s) => s !== '').map(keyOf);
  if (announced.length === 0) return [ownCheck(ctx, 'sections_announced', 'not_checkable', '报告未在开头列出其组成部分')];
  const present = sections.present.flatMap((p) => splitParts(p.label).map((key) => ({ key: keyOf(key), label: p.label })));
  // Each announced part against each part present, once: an announced part none is like is missing, a part present
  // no announced one is like is unannounced. A table named on a line of its own also counts as present.
  const matched = present.map(() => false);
  let tables: Key[] | undefined;
  const missing: string[] = [];
  for (const a of announced) {
    let found = false;
    present.forEach((p, j) => {
      if (!similar(a, p.key)) return;
      found = true;
      matched[j] = true;
    });
    if (!found && !(tables ??= tableLines(ctx.text).map(keyOf)).some((t) => similar(a, t))) missing.push(a.text);
  }
  const unannounced = [...new Set(present.filter((_, j) => !matched[j]).map((p) => p.label))];
  if (missing.length === 0 && unannounced.length === 0) {
    return [ownCheck(ctx, 'sections_announced', 'holds', `开头列出的 ${announced.length} 个部分均在正文中`)];
  }
  const parts = [
    missing.length > 0 ? `开头列出但正文中没有：${missing.map((m) => `「${m}」`).join('、')}` : '',
    unannounced.length > 0 ? `正文中有但开头未列出：${unannounced.map((u) => `「${u}」`).join('、')}` : '',
  ].filter((p) => p !== '');
  return [ownCheck(ctx, 'sections_announced', 'fails', parts.join('；'))];
}


/** Headings at any level: the heading part (up to 。 or :) of an enumerated line. */
function headings(lines: Line[]): Heading[] {
  return lines
    .filter((l) => isEnumerated(l.text) && !lineHas(l, '|'))
    .map((l) => ({ text: untilStop(l.text).slice(0, 40), line: l.no }));
}

const STOP = /[。:：]/;

/** The text before its first 。 or colon. */
function untilStop(text: string): string {
  const m = STOP.exec(text);
  return m ? text.slice(0, m.index) : text;
}

const DIGITS = '〇一二三四五六七八九';

/** 32 → 三十二 (article and item numbers). */
function chinese(n: number): string {
  if (n < 10) return DIGITS[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens > 1 ? DIGITS[tens] : ''}十${ones ? DIGITS[ones] : ''}`;
}

/** formats.json's "2008 条例 art.32(3)" → （2008年《条例》第三十二条第（三）项）. */
function article(basis: string | undefined): string {
  const m = /art\.\s*(\d+)\((\d+)\)/.exec(basis ?? '');
  return m ? `（2008年《条例》第${chinese(Number(m[1]))}条第（${chinese(Number(m[2]))}）项）` : '';
}

/** The statutory parts: the national format's six sections are top-level headings; a legacy report's parts
 *  may sit at any level (004: （四）政务公开收费情况 under 二、政务公开工作情况). */
/** A statutory part of a format as the check names it: its label without the enumerator, its article, its words. */
interface RequiredPart {
  label: string;
  article: string;
  keywords: string[];
  severity: Severity;
}

const REQUIRED = new Map(
  (Object.keys(checkData.required_sections) as FormatId[]).map((format) => {
    const sections = formatById(format).sections as { id: string; label: string; statutory_basis?: string }[];
    const parts = checkData.required_sections[format].map((r): RequiredPart => {
      const section = sections.find((s) => s.id === r.section);
      const label = section?.label.replace(/^[一二三四五六七八九十]、/, '') ?? r.section;
      return { label, article: article(section?.statutory_basis), keywords: r.keywords, severity: r.severity as Severity };
    });
    return [format, parts] as const;
  }),
);

export function sectionsRequired(ctx: Ctx, present: Sections['present']): Check[] {
  const format = ctx.report.format;
  if (format === null) return [];
  const top = present.map((p) => ({ text: p.label, line: p.line }));
  const found = format === 'legacy' ? [...top, ...headings(ctx.text)] : top;
  const search = searchable(found);
  return (REQUIRED.get(format) ?? []).map(({ label, article, keywords, severity }) => {
    const hit = firstWith(search, keywords);
    return hit
      ? ownCheck(ctx, 'sections_required', 'holds', `「${label}」：见${where(hit.line)}“${hit.text}”`, [], severity)
      : ownCheck(ctx, 'sections_required', 'fails', `缺少「${label}」部分${article}`, [], severity);
  });
}

interface Heading {
  text: string;
  line: number;
}

/** Headings as one text, to find the first that has a word with one search per word (legacy reports have a hundred). */
interface Searchable {
  headings: Heading[];
  joined: string;
  /** Where each heading starts in `joined`. */
  starts: number[];
}

function searchable(headings: Heading[]): Searchable {
  const starts: number[] = [];
  let at = 0;
  for (const h of headings) {
    starts.push(at);
    at += h.text.length + 1;
  }
  return { headings, joined: headings.map((h) => h.text).join('\n'), starts };
}

/** The first heading that has any of the words (none has a line break, so no match spans two headings). */
function firstWith(s: Searchable, words: readonly string[]): Heading | undefined {
  let first = -1;
  for (const word of words) {
    const at = s.joined.indexOf(word);
    if (at >= 0 && (first < 0 || at < first)) first = at;
  }
  if (first < 0) return undefined;
  let i = 0;
  while (i + 1 < s.starts.length && s.starts[i + 1]! <= first) i++;
  return s.headings[i];
}

export function sectionChecks(ctx: Ctx): Check[] {
  const sections = ctx.report.sections ?? readMeta(ctx.lines).sections;
  return [...sectionsAnnounced(ctx, sections), ...sectionsRequired(ctx, sections.present)];
}

// ── tables ───────────────────────────────────────────────────────────────────────────────────────────────

export function tablePresent(ctx: Ctx): Check[] {
  const { format, figures } = ctx.report;
  if (format === null || !ctx.schema) return [];
  const fromTable = figures.filter((f) => f.from === 'table');
  if (format === 'legacy') {
    return fromTable.length > 0
      ? [ownCheck(ctx, 'table_present', 'holds', `统计表：读出 ${fromTable.length} 个数字`, [], 'info')]
      : [ownCheck(ctx, 'table_present', 'fails', '报告未附《政府信息公开情况统计表》（或未能读出），数字只能从正文中读取，复议、诉讼的结果等无从核对', [], 'info')];
  }
  const tables = [...new Map(ctx.schema.tables.map((t) => [t.name, t.id.split('.')[0]!])).entries()];
  const perTable = new Map<string, number>();
  for (const f of fromTable) {
    const dot = f.id.indexOf('.');
    if (dot > 0) perTable.set(f.id.slice(0, dot), (perTable.get(f.id.slice(0, dot)) ?? 0) + 1);
  }
  return tables.map(([name, prefix]) => {
    const n = perTable.get(prefix) ?? 0;
    return n > 0
      ? ownCheck(ctx, 'table_present', 'holds', `${name}：读出 ${n} 个数字`)
      : ownCheck(ctx, 'table_present', 'fails', `未找到${name}（或未能读出其中的数字）`);
  });
}

const units = new Set(checkData.units);

/** A legacy table that prints a 单位 column but leaves it empty (003). */
export function unitColumn(ctx: Ctx): Check[] {
  if (ctx.report.format !== 'legacy') return [];
  const tableLinesNo = ctx.report.figures.filter((f) => f.from === 'table').map((f) => f.line);
  if (tableLinesNo.length === 0) return [];
  const first = Math.min(...tableLinesNo);
  const last = Math.max(...tableLinesNo);
  const lines = ctx.text;
  const header = lines.filter((l) => l.no <= first && l.no >= first - 30).find((l) => cellsOf(l).includes('单位'));
  if (!header) return [];
  const printed = lines.some((l) => l.no > header.no && l.no <= last + 2 && cellsOf(l).some((c) => units.has(c)));
  return printed
    ? [ownCheck(ctx, 'unit_column', 'holds', '统计表的「单位」列已填写')]
    : [ownCheck(ctx, 'unit_column', 'fails', `统计表印有「单位」列（${where(header.no)}），但各行均未填写单位`)];
}

// ── dates ────────────────────────────────────────────────────────────────────────────────────────────────

const typos = checkData.date_typos.map((t) => ({ pattern: new RegExp(t.pattern, 'g'), what: t.what }));
/** Any of the typos: one test of a line before each is looked for. */
const ANY_TYPO = new RegExp(checkData.date_typos.map((t) => `(?:${t.pattern})`).join('|'));

export function dateTypos(ctx: Ctx): Check[] {
  const checks: Check[] = [];
  for (const line of ctx.text) {
    if (!lineHas(line, '月') || !ANY_TYPO.test(line.text)) continue;
    for (const typo of typos) {
      for (const m of allMatches(typo.pattern, line.text)) {
        checks.push(ownCheck(ctx, 'date_typo', 'fails', `${where(line.no)}${quote(line.text, m.index, m[0].length, 8)}：${typo.what}`));
      }
    }
  }
  return checks.length > 0 ? checks : [ownCheck(ctx, 'date_typo', 'holds', '未发现无法识读的日期')];
}
