// What a report says about itself: the issuing body, the years (title, statistics period, template), the format of
// its tables (detected from the labels it prints, not from the year), the legacy variant, and its sections
// (announced in the introduction and present as headings 一、二、…). Pure.
import { formatById, formats, formatForYear } from '../reports/formats.ts';
import type { FormatId } from '../reports/formats.ts';
import type { Line, ReportMeta, Sections, Years } from './model.ts';
import { codeSet, codesOf, inSet } from './code-set.ts';
import { cellsOf, labelKey, lineHas } from './normalize.ts';
import { parseChineseNumber } from './numbers.ts';
import { detectLegacyVariant } from './tables/legacy.ts';

const YEAR = String.raw`(\d{4}|[〇零一二三四五六七八九]{4})\s*年`;
const REPORT_TAIL = String.raw`(?:工作)?(?:的)?(?:年度报告|年报)`;
const REPORT = String.raw`(?:政府信息公开|政务公开|信息公开)${REPORT_TAIL}`;
/** 某局2022年政府信息公开工作年度报告, 2022年度政府信息公开年度报告, 某局关于2022年政府信息公开工作的年度报告 */
const TITLE = new RegExp(String.raw`^(.*?)(?:关于)?${YEAR}度?\s*(?:的)?${REPORT}`);
/** 2022年度某局政府信息公开工作年度报告 */
const TITLE_YEAR_FIRST = new RegExp(String.raw`^${YEAR}度?(.{2,}?)(?:关于)?(?:政府信息公开|政务公开)${REPORT_TAIL}`);
/** 某局政府信息公开工作年度报告（2022年度） */
const TITLE_YEAR_LAST = new RegExp(String.raw`^(.{2,}?)${REPORT}\s*\(?${YEAR}度?\)?$`);
/** 现发布某局2018年政府信息公开工作年度报告 */
const ANNOUNCED_TITLE = new RegExp(String.raw`(?:现|特|予以|现予)(?:发布|公布|公开)(.*?)${YEAR}度?(?:的)?${REPORT}`);
const PERIOD = /(\d{4})\s*年\s*(?:1|一|元)\s*月\s*(?:1|l|I|一)\s*日.{0,8}?至\s*(\d{4})\s*年\s*(?:12|十二)\s*月\s*(?:31|三十一)\s*日/;
const AGENCY_LINE = /^[\u4e00-\u9fff()]{3,40}(?:局|厅|委|委员会|办公室|办|政府|院|中心|部|署|会|所|处|馆|队|公司|集团|街道|镇|乡|管委会|区|县|市|旗|盟|州)$/;
const DATE_LINE = /^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$/;
const HEADING = /^([一二三四五六七八九十]{1,3})、(.*)$/;
const NUMERAL_START = codeSet(codesOf('一二三四五六七八九十'));
const HEAD_LINES = 40;

function toYear(text: string | undefined): number | null {
  if (text === undefined) return null;
  const y = parseChineseNumber(text);
  return y !== undefined && y >= 1990 && y <= 2100 ? y : null;
}

function cleanAgency(text: string): string | null {
  const name = text.replace(/^[\s,，。:：、]+|[\s,，。:：、]+$/g, '').replace(/关于$/, '');
  return name.length >= 2 && name.length <= 60 && !/[,，。;；]/.test(name) ? name : null;
}

function content(lines: Line[]): Line[] {
  return lines.filter((l) => l.text !== '' && !l.furniture);
}

interface TitleFound {
  agency: string | null;
  year: number | null;
}

/** The title line (agency before the year, or on one of the two lines above), else the introduction's 现发布……. */
function readTitle(head: Line[]): TitleFound {
  for (let i = 0; i < head.length; i++) {
    const line = head[i]!;
    if (line.text.length > 80 || /[。;]/.test(line.text)) continue;
    const m = TITLE.exec(line.text);
    const first = TITLE_YEAR_FIRST.exec(line.text);
    const last = TITLE_YEAR_LAST.exec(line.text);
    if (!m && !first && !last) continue;
    let agency = cleanAgency(m?.[1] ?? '') ?? cleanAgency(first?.[2] ?? '') ?? cleanAgency(last?.[1] ?? '');
    const year = toYear(m?.[2] ?? first?.[1] ?? last?.[2]);
    for (let j = i - 1; agency === null && j >= Math.max(0, i - 2); j--) {
      const prev = head[j]!.text;
      if (AGENCY_LINE.test(prev)) agency = prev;
    }
    return { agency, year };
  }
  for (const line of head) {
    const m = ANNOUNCED_TITLE.exec(line.text);
    if (m) return { agency: cleanAgency(m[1] ?? ''), year: toYear(m[2]) };
  }
  return { agency: null, year: null };
}

/** A signature at the end: the body's name on the line above the date. */
function readSignature(all: Line[]): string | null {
  for (let i = all.length - 1; i > 0 && i >= all.length - 8; i--) {
    const prev = all[i - 1]!.text;
    if (DATE_LINE.test(all[i]!.text) && AGENCY_LINE.test(prev)) return prev;
  }
  return null;
}

function readPeriod(lines: Line[]): number | null {
  let first: RegExpExecArray | null = null;
  for (const line of lines) {
    const m = PERIOD.exec(line.text);
    if (!m) continue;
    if (/统计|期限|时限|期间|数据/.test(line.text)) return m[1] === m[2] ? Number(m[1]) : null;
    first ??= m;
  }
  return first && first[1] === first[2] ? Number(first[1]) : null;
}

// ── format detection: label keys printed as cells that belong to one format only ─────────────────────────────────

function labelsOf(format: FormatId): Set<string> {
  const keys = new Set<string>();
  const f = formatById(format);
  for (const table of f.tables) {
    for (const part of table.subtables ?? [table]) {
      for (const c of part.columns ?? []) {
        keys.add(labelKey(c.label));
        for (const g of c.group?.split('/') ?? []) keys.add(labelKey(g));
      }
      for (const r of part.rows ?? []) keys.add(labelKey(r.label));
    }
  }
  for (const v of f.variants ?? []) {
    for (const c of v.columns ?? []) keys.add(labelKey(c.label));
    for (const r of v.extra_rows ?? []) keys.add(labelKey(r.label));
  }
  keys.delete('');
  return keys;
}

const LABELS: ReadonlyMap<FormatId, Set<string>> = new Map(formats.map((f) => [f.id, labelsOf(f.id)]));

function only(format: FormatId): Set<string> {
  const own = LABELS.get(format)!;
  const others = [...LABELS].filter(([id]) => id !== format).map(([, keys]) => keys);
  return new Set([...own].filter((k) => k.length >= 2 && !others.some((o) => o.has(k))));
}

const MARKERS: ReadonlyMap<FormatId, Set<string>> = new Map(formats.map((f) => [f.id, only(f.id)]));
/** Keys of tables 三 and 四, shared by the two modern formats. */
const MODERN_SHARED = new Set(
  [...LABELS.get('fmt2019')!].filter((k) => k.length >= 2 && LABELS.get('fmt2021')!.has(k) && !LABELS.get('legacy')!.has(k)),
);
/** Every row label of every format: lines that are table rows, not section headings. */
const ALL_ROW_KEYS = new Set([...LABELS.values()].flatMap((s) => [...s]));

/** Longer cells are sentences, not labels. */
const MAX_LABEL = 60;

/** The marker sets a label key belongs to, for counting without collecting every key of the report. */
const MARKER_SETS: ReadonlyMap<string, ('legacy' | 'fmt2019' | 'fmt2021' | 'modern')[]> = (() => {
  const out = new Map<string, ('legacy' | 'fmt2019' | 'fmt2021' | 'modern')[]>();
  const add = (set: Set<string>, name: 'legacy' | 'fmt2019' | 'fmt2021' | 'modern') => {
    for (const k of set) out.set(k, [...(out.get(k) ?? []), name]);
  };
  add(MARKERS.get('legacy')!, 'legacy');
  add(MARKERS.get('fmt2019')!, 'fmt2019');
  add(MARKERS.get('fmt2021')!, 'fmt2021');
  add(MODERN_SHARED, 'modern');
  return out;
})();

/** Every marker has a character beyond ASCII and Latin (all are Chinese): a cell without one (a number) is none. */
const MARKERS_ARE_WIDE = [...MARKER_SETS.keys()].every((k) => hasWide(k));

function hasWide(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 0x2e80) return true;
  return false;
}

/** The distinct marker keys printed as cells (or as space-separated parts of a cell), by marker set. */
function markerCounts(lines: Line[]): Record<'legacy' | 'fmt2019' | 'fmt2021' | 'modern', number> {
  const seen = new Set<string>();
  const counts = { legacy: 0, fmt2019: 0, fmt2021: 0, modern: 0 };
  const count = (cell: string) => {
    const key = labelKey(cell);
    const sets = MARKER_SETS.get(key);
    if (sets === undefined || seen.has(key)) return;
    seen.add(key);
    for (const name of sets) counts[name]++;
  };
  for (const line of lines) {
    if (line.text.length > MAX_LABEL && !lineHas(line, '|')) continue; // a sentence
    for (const cell of cellsOf(line)) {
      if (cell.length > MAX_LABEL || (MARKERS_ARE_WIDE && !hasWide(cell))) continue; // a sentence, a number
      count(cell);
      if (cell.includes(' ')) for (const part of cell.split(' ')) count(part);
    }
  }
  return counts;
}

interface FormatFound {
  format: FormatId | null;
  fromContent: boolean;
}

export function detectFormat(lines: Line[], year: number | null): FormatFound {
  const { legacy, fmt2019: f19, fmt2021: f21, modern } = markerCounts(lines);
  const byYear = year === null ? null : formatForYear(year);
  if (legacy === 0 && f19 === 0 && f21 === 0 && modern === 0) return { format: byYear, fromContent: false };
  if (legacy > f19 + f21 + modern) return { format: 'legacy', fromContent: true };
  if (f21 > f19) return { format: 'fmt2021', fromContent: true };
  if (f19 > f21) return { format: 'fmt2019', fromContent: true };
  if (legacy > 0 && legacy === f19 + f21 + modern) return { format: byYear, fromContent: false };
  // Only the shared tables 三/四 (or a tie): the year decides between the two modern formats.
  return { format: year !== null && year >= 2021 ? 'fmt2021' : 'fmt2019', fromContent: year !== null };
}

// ── sections ─────────────────────────────────────────────────────────────────────────────────────────────────────

/** 本年度报告……由概述、……、附注九部分组成 */
const COMPOSED = /报告[^。]*?由([^。;,]+?)(?:等)?(?:的)?(?:内容|方面)?(?:共)?(?:[一二三四五六七八九十\d]+个?大?(?:部分|方面))?(?:组成|构成)/;
/** 本报告包括概述、……等内容 / 主要内容包括: / 分为……三个大部分 */
const INCLUDES = /(?:报告|内容)(?:主要)?(?:包括|包含|分为|共分为)[:]?([^。;,]+)/;
const LIST_END = /(?:等)?(?:的)?(?:内容|方面)?(?:共)?(?:[一二三四五六七八九十\d]+个?大?(?:部分|方面))?$/;

/** The parts the introduction announces, split at 、 and 以及 (so an announced part that itself contains 、 comes
 *  out as several items: compare loosely). */
function announcedSections(head: Line[]): string[] {
  for (const line of head) {
    const list = COMPOSED.exec(line.text)?.[1] ?? INCLUDES.exec(line.text)?.[1]?.replace(LIST_END, '');
    const items = list?.split(/、|以及/).map((s) => s.trim()).filter((s) => s !== '') ?? [];
    if (items.length >= 2) return items;
  }
  return [];
}

const NUMERALS = '一二三四五六七八九十';

function numeral(text: string): number | undefined {
  return parseChineseNumber(text) ?? (NUMERALS.includes(text) ? NUMERALS.indexOf(text) + 1 : undefined);
}

function presentSections(lines: Line[]): Sections['present'] {
  const present: Sections['present'] = [];
  let last = 0;
  for (const line of lines) {
    if (lineHas(line, '|')) continue;
    const m = inSet(NUMERAL_START, line.text.charCodeAt(0)) ? HEADING.exec(line.text) : null;
    if (!m) continue;
    const n = numeral(m[1]!);
    if (n === undefined || n <= last || n > last + 2) continue;
    if (ALL_ROW_KEYS.has(labelKey(line.text))) continue;
    const label = line.text.split(/[。:]/)[0]!.slice(0, 60);
    present.push({ label, line: line.no });
    last = n;
  }
  return present;
}

export function readMeta(lines: Line[]): ReportMeta {
  const body = content(lines);
  const head = body.slice(0, HEAD_LINES);
  const title = readTitle(head);
  const period = readPeriod(body);
  const year = title.year ?? period;
  const { format, fromContent } = detectFormat(body, year);
  const years: Years = {
    title: title.year,
    period,
    template: format !== null && fromContent ? formatById(format).applies_to_report_years.from : null,
  };
  return {
    agency: title.agency ?? readSignature(body),
    years,
    year,
    format,
    variant: format === 'legacy' ? detectLegacyVariant(lines) : null,
    sections: { announced: announcedSections(head), present: presentSections(body) },
  };
}
