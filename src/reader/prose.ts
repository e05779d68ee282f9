// Figures stated in sentences (共收到政府信息公开申请112件，其中当面申请5件…), mapped to the cells of the report's table
// when the wording names one statistic unambiguously. Not figures: cumulative counts (累计, 历年, 截至…, …以来), other
// years (2016年…, 五年来…分别为), approximate ones (约, 以上), percentages, other subjects (微信推送367条). The patterns
// are data (prose-patterns.json); each figure keeps its sentence as `text`. Pure.
import { formatForYear, type FormatId } from '../reports/formats.ts';
import { cellName, schemaOf } from './checks/schema.ts';
import { allMatches } from './matches.ts';
import type { CellId, Figure, Found, Line, ReportMeta } from './model.ts';
import { codeSet, codesOf, inSet, type CodeSet } from './code-set.ts';
import { isEnumerated, lineHas } from './normalize.ts';
import { parseCellValue, parseChineseNumber } from './numbers.ts';
import patterns from './prose-patterns.json' with { type: 'json' };
import { mayMatch, requiredWords } from './required-words.ts';

type Target = 'legacy' | 'fujian_cumulative' | 'fmt2019' | 'fmt2021';

/** One entry of prose-patterns.json `figures`. */
interface Spec {
  name: string;
  pattern: string;
  units?: Record<string, number>;
  cells: Partial<Record<Target | 'fmt', string>>;
  zero?: boolean;
  /** An entry of `contexts`: the subject the sentence, the paragraph or the heading above must be about. */
  context?: string;
  /** Words that, before the figure in its clause, make it another subject. */
  not_in_clause?: string;
}

/** What a figure's sentence, paragraph or heading must speak of (a part not given never does: null). */
interface Context {
  /** Its bit in a sentence's or paragraph's answers (1 << its place in CONTEXTS). */
  bit: number;
  sentence: RegExp | null;
  paragraph: RegExp | null;
  heading: RegExp | null;
}

const optional = (source: string | undefined): RegExp | null => (source === undefined ? null : new RegExp(source));

/** A question's bit among a sentence's answers (kept in one number: 31 questions of a kind at most). */
function bitOf(index: number): number {
  if (index > 30) throw new Error('prose-patterns.json: more than 31 contexts or units of count');
  return 1 << index;
}

const CONTEXTS: ReadonlyMap<string, Context> = new Map(
  Object.entries(patterns.contexts as Record<string, Partial<Record<'sentence' | 'paragraph' | 'heading', string>>>).map(([name, c], index) => [
    name,
    { bit: bitOf(index), sentence: optional(c.sentence), paragraph: optional(c.paragraph), heading: optional(c.heading) },
  ]),
);

/** Chinese numerals a count may be written in (一件, 十二条, 两千零五条); not 几, 数, 余 (十余件 is no count). */
const NUMERAL = '零〇一二两三四五六七八九十百千';
/** A number in digits (1,486 / 0.35), or — in a sentence that has one before a unit of count (numeralsIn) — a Chinese
 *  numeral starting with a digit word or 十 (not after 数, 几, 约 …: 数十件 is no count); then 万 if the report counts
 *  in ten thousands (1.2万条). Group n: the number, group w: 万. Patterns are compiled both ways: the numeral
 *  alternative makes every expression slower, and few sentences need it. */
const DIGITS = String.raw`(?<![\d.,])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?`;
/** The lookbehind comes after the first character: an expression that starts with a character class is searched for
 *  quickly, one that starts with a lookbehind is tried at every position. */
const CHINESE = String.raw`[一二两三四五六七八九十](?<![${NUMERAL}数几多余约近上].)[${NUMERAL}]{0,5}`;
const NUMBERS = {
  digits: String.raw`(?<n>${DIGITS})(?<w>万(?!元))?`,
  numerals: String.raw`(?<n>${DIGITS}|${CHINESE})(?<w>万(?!元))?`,
} as const;
type NumberKind = keyof typeof NUMBERS;

/** A Chinese numeral right before a unit of count: the sentence needs the patterns that read numerals. */
const NUMERAL_COUNT = new RegExp(String.raw`${CHINESE}万?\s*(?:件|条|次|个|项|人|起|篇|份|家|场|期|元)`);

/** Amounts of money (units in 元 or 万元) may have decimals; counts may not. */
function isMoney(spec: Spec): boolean {
  return Object.keys(spec.units ?? {}).some((u) => u.endsWith('元'));
}

/** The value of a number NUMBERS matched: digits or a Chinese numeral, times 10,000 with 万. */
function numberOf(digits: string, wan: boolean): number | undefined {
  const n = parseCellValue(digits) ?? parseChineseNumber(digits);
  return typeof n === 'number' ? (wan ? Number((n * 10_000).toFixed(4)) : n) : undefined;
}

/** The number and its unit as a pattern places them (groups n and u). */
function unitPattern(spec: Spec): string {
  const units = Object.keys(spec.units ?? {}).sort((a, b) => b.length - a.length);
  return String.raw`\s*(?<u>${units.join('|')})(?![次\d])`;
}

/** A pattern as a regular expression: the wording, the connector, the number (group n) and its unit (group u). */
function compile(spec: Spec, number: string): RegExp {
  if (spec.context !== undefined && !CONTEXTS.has(spec.context)) throw new Error(`prose-patterns.json: unknown context ${spec.context}`);
  const source = spec.zero || spec.pattern.includes('{n}') ? wording(spec, number) : `(?:${spec.pattern})${patterns.connector}${number}${unitPattern(spec)}`;
  return new RegExp(source, 'gd');
}

/** The pattern's own part, with its number and unit where it places them. */
function wording(spec: Spec, number: string): string {
  return spec.pattern.replace('{n}', number).replace('{u}', unitPattern(spec));
}

/** What a figure pattern cannot match without: a number followed by one of its units (NUMBERS and the unit part of the
 *  pattern). The wording is looked for only in sentences that have them. */
interface NumberWithUnit {
  /** Its bit in a sentence's answers (1 << its place in NUMBER_WITH_UNIT). */
  bit: number;
  /** The units, one of which a sentence with a match contains (a cheap test before the pattern's). */
  units: string[];
  re: Record<NumberKind, RegExp>;
}

/** The number and unit a pattern needs; null when it has no such necessary part (a statement of zero, a pattern
 *  without units, or one that places {n} and {u} apart or inside an alternative). */
function numberWithUnit(spec: Spec): NumberWithUnit | null {
  if (spec.zero || Object.keys(spec.units ?? {}).length === 0) return null;
  const placed = spec.pattern.includes('{n}');
  if (placed && (!spec.pattern.includes('{n}{u}') || spec.pattern.includes('|'))) return null;
  const source = unitPattern(spec);
  let found = NUMBER_WITH_UNIT.get(source);
  if (!found) NUMBER_WITH_UNIT.set(source, (found = {
        bit: bitOf(NUMBER_WITH_UNIT.size),
        units: Object.keys(spec.units ?? {}),
        re: { digits: new RegExp(NUMBERS.digits + source), numerals: new RegExp(NUMBERS.numerals + source) },
      }));
  return found;
}

/** The number-and-unit parts of all figure patterns: a handful, as patterns share their units. */
const NUMBER_WITH_UNIT = new Map<string, NumberWithUnit>();

interface Compiled {
  spec: Spec;
  re: Record<NumberKind, RegExp>;
  /** Words its wording cannot match without (requiredWords): looked for before the expression is run. */
  words: string[] | null;
  notInClause: RegExp | null;
  context: Context | undefined;
  numberWithUnit: NumberWithUnit | null;
}

const COMPILED: readonly Compiled[] = (patterns.figures as Spec[]).map((spec) => {
  // A sentence without a number and unit is tried only for the statements of zero: every other pattern must read one.
  if (!spec.zero && numberWithUnit(spec) === null) throw new Error(`prose-patterns.json: ${spec.name} needs a number but no unit next to it`);
  return {
    spec,
    re: { digits: compile(spec, NUMBERS.digits), numerals: compile(spec, NUMBERS.numerals) },
    words: requiredWords(wording(spec, NUMBERS.digits)),
    notInClause: optional(spec.not_in_clause),
    context: spec.context === undefined ? undefined : CONTEXTS.get(spec.context),
    numberWithUnit: numberWithUnit(spec),
  };
});
const ZERO_WORDS = new RegExp(patterns.zero_words);
const NOT_ANNUAL_SENTENCE = new RegExp(patterns.not_annual.sentence);
const NOT_ANNUAL_CLAUSE = new RegExp(patterns.not_annual.clause);
const ANNUAL_RESET = new RegExp(patterns.annual_reset, 'g');
const APPROXIMATE_AFTER = new RegExp(patterns.approximate_after);
const INCLUDED_AFTER = new RegExp(patterns.included_after);
const JOINED_BEFORE = new RegExp(patterns.joined_before);
const YEAR = /(\d{4})\s*年(?!\d)/g;
/** The characters that end a sentence (。；！？). */
const ENDS_SENTENCE = codeSet(codesOf('。;!?；！？'));
/** The characters a line that ends its paragraph ends with. */
const ENDS_PARAGRAPH = codeSet(codesOf('。;!?:；！？：)）」”』'));

/** The report's format: as detected, else the one of its year. */
function formatOf(meta: ReportMeta): FormatId | null {
  return meta.format ?? (meta.year !== null ? formatForYear(meta.year) : null);
}

function targetOf(format: FormatId, meta: ReportMeta): Target {
  if (format === 'legacy') return meta.variant === 'fujian_cumulative' ? 'fujian_cumulative' : 'legacy';
  return format;
}

function cellOf(spec: Spec, target: Target): string | undefined {
  return spec.cells[target] ?? (target === 'fmt2019' || target === 'fmt2021' ? spec.cells.fmt : undefined);
}

type Named = { compiled: Compiled; id: CellId };

/** The patterns that name a cell of a target's table, each with that cell, in the order of prose-patterns.json, and
 *  the words they cannot match without (requiredWords), by first character: a sentence is read once for the words it
 *  has, and only the patterns one of whose words stands there are tried. */
interface PatternSet {
  list: readonly Named[];
  /** The words, by the UTF-16 code of their first character, each with the places in `list` of the patterns that
   *  need it (a pattern needs one of its words). */
  words: ReadonlyMap<number, readonly { word: string; patterns: number[] }[]>;
  /** The characters a word starts with: most characters of a sentence start none. */
  first: CodeSet;
  /** The places of the patterns whose words are not known: always tried. */
  always: readonly number[];
  /** The statements of zero, in order: all a sentence without a number is tried for, word by word. */
  zero: readonly Named[];
}

function patternSet(list: Named[]): PatternSet {
  const words = new Map<number, { word: string; patterns: number[] }[]>();
  const starts: number[] = [];
  const always: number[] = [];
  list.forEach(({ compiled }, place) => {
    if (compiled.words === null) return void always.push(place);
    for (const word of compiled.words) {
      const code = word.charCodeAt(0);
      starts.push(code);
      const entries = words.get(code) ?? [];
      const entry = entries.find((e) => e.word === word);
      if (entry) entry.patterns.push(place);
      else entries.push({ word, patterns: [place] });
      words.set(code, entries);
    }
  });
  return { list, words, first: codeSet(starts), always, zero: list.filter((p) => p.compiled.spec.zero) };
}

const PATTERNS_OF: ReadonlyMap<Target, PatternSet> = new Map(
  (['legacy', 'fujian_cumulative', 'fmt2019', 'fmt2021'] as const).map((target) => [
    target,
    patternSet(
      COMPILED.flatMap((compiled) => {
        const id = cellOf(compiled.spec, target);
        return id === undefined ? [] : [{ compiled, id }];
      }),
    ),
  ]),
);

/** Marks of the patterns whose words a sentence has, by place (reset as they are read). */
const MARKED = new Uint8Array(COMPILED.length);

/** The patterns one of whose words the sentence has, in order. */
function patternsIn(set: PatternSet, text: string): Named[] {
  for (const place of set.always) MARKED[place] = 1;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (!inSet(set.first, code)) continue;
    for (const { word, patterns } of set.words.get(code)!) if (text.startsWith(word, i)) for (const place of patterns) MARKED[place] = 1;
  }
  const out: Named[] = [];
  for (let place = 0; place < set.list.length; place++) {
    if (MARKED[place] !== 1) continue;
    MARKED[place] = 0;
    out.push(set.list[place]!);
  }
  return out;
}

// ── paragraphs: lines of running text, a line broken inside a sentence joined to the next ──────────────────────────

interface Paragraph {
  text: string;
  /** Where each line starts in `text`. */
  starts: { at: number; line: Line }[];
  /** The last heading above the paragraph (一、… (三)…), or its own inline heading. */
  heading: string;
  /** Whether it speaks of each context (see paragraphSpeaks): bits by context index, asked and answered yes. */
  asked: number;
  speaks: number;
}

function isTableLine(line: Line): boolean {
  return lineHas(line, '|') || parseCellValue(line.text) !== undefined;
}

function headingOf(text: string): string | null {
  if (!isEnumerated(text)) return null;
  const stop = text.indexOf('。');
  const head = stop < 0 ? text : text.slice(0, stop);
  return head.length <= 40 ? head : null;
}

function paragraphsOf(lines: Line[]): Paragraph[] {
  const out: Paragraph[] = [];
  let heading = '';
  let open: Paragraph | null = null;
  for (const line of lines) {
    if (line.furniture || line.text === '' || isTableLine(line)) {
      open = null;
      continue;
    }
    const own = headingOf(line.text);
    if (own !== null) heading = own;
    if (open && own === null && line.text.length >= 2) {
      open.starts.push({ at: open.text.length, line });
      open.text += line.text;
    } else {
      open = { text: line.text, starts: [{ at: 0, line }], heading, asked: 0, speaks: 0 };
      out.push(open);
    }
    if (line.text.length < 20 || inSet(ENDS_PARAGRAPH, line.text.charCodeAt(line.text.length - 1)) || own === line.text) open = null;
  }
  return out;
}

function lineAt(p: Paragraph, at: number): Line {
  let line = p.starts[0]!.line;
  for (const s of p.starts) if (s.at <= at) line = s.line;
  return line;
}

// ── one sentence's candidates ────────────────────────────────────────────────────────────────────────────────────

interface Candidate {
  id: CellId;
  value: number;
  /** The figure's place in the paragraph: its number, or the subject of a statement of zero (未发生…行政复议). */
  at: number;
  start: number;
  end: number;
}

/** Whether the words before a figure make it something other than this year's count: 累计, 截至, 五年来…分别为 in
 *  its sentence, 上年, 同比 in its clause. A clause that starts again with this year (…，其中2017年主动公开…) counts
 *  from there. */
function notAnnual(before: string, year: number | null): boolean {
  let from = 0;
  for (const m of allMatches(ANNUAL_RESET, before)) {
    const y = m.groups?.year;
    if (y === undefined || Number(y) === year) from = m.index;
  }
  const words = before.slice(from);
  return NOT_ANNUAL_SENTENCE.test(words) || NOT_ANNUAL_CLAUSE.test(clauseOf(words));
}

const CLAUSE_BREAKS = new Set([...',，;；:：']);

/** The end of a text from its last clause break (，；：). */
function clauseOf(text: string): string {
  let at = text.length;
  while (at > 0 && !CLAUSE_BREAKS.has(text[at - 1]!)) at--;
  return text.slice(at);
}

/** The last year named before a figure in its paragraph (titles in 《》 aside) must be the report year. */
function otherYear(before: string, year: number | null): boolean {
  const years = allMatches(YEAR, before.replace(/《[^》]*》/g, ''));
  const last = years[years.length - 1];
  return last !== undefined && Number(last[1]) !== year;
}

/** Whether a paragraph speaks of a context, in its text or in the heading above it: asked only for the contexts of
 *  the patterns tried, and answered once per paragraph (by the context's index; undefined = not asked yet). */
function paragraphSpeaks(p: Paragraph, c: Context): boolean {
  if ((p.asked & c.bit) === 0) {
    p.asked |= c.bit;
    if ((c.paragraph?.test(p.text) ?? false) || (c.heading?.test(p.heading) ?? false)) p.speaks |= c.bit;
  }
  return (p.speaks & c.bit) !== 0;
}

/** A number with any unit of the patterns (NUMBER_WITH_UNIT's units together): most sentences with digits have none
 *  (dates, article numbers) and can then only state a figure in words (a statement of zero). Only a yes or no is
 *  asked of it: the digits are written digit first (the lookbehind after it), so that the search skips to digits. */
const ANY_COUNT: Record<NumberKind, RegExp> = (() => {
  const units = [...new Set([...NUMBER_WITH_UNIT.values()].flatMap((n) => n.units))].sort((a, b) => b.length - a.length);
  const unit = String.raw`(?:万(?!元))?\s*(?:${units.join('|')})(?![次\d])`;
  const digits = String.raw`\d(?<![\d.,]\d)(?:\d{0,2}(?:,\d{3})+|\d*)(?:\.\d+)?`;
  return { digits: new RegExp(digits + unit), numerals: new RegExp(String.raw`(?:${digits}|${CHINESE})` + unit) };
})();

/** One sentence of a paragraph, with what the patterns need of it, each worked out when first asked (most sentences
 *  are tried for a few patterns only): whether it (or its paragraph) speaks of a context, whether it has a number
 *  with a unit (both by index; undefined = not asked yet). */
interface Sentence {
  p: Paragraph;
  from: number;
  text: string;
  /** It has a number with a unit of the patterns (numerals when a Chinese numeral stands before a unit): only then
   *  are the patterns that read a number tried. */
  counted: boolean;
  /** It has a word of negation (zero_words): only then are the statements of zero tried. */
  negates: boolean;
  number: NumberKind;
  /** Answers worked out when first asked, as bits by index: contexts asked and spoken of, numbers with unit asked
   *  and present. */
  asked: number;
  speaks: number;
  askedNumbers: number;
  numbers: number;
}

/** Where each sentence of a paragraph starts and ends: up to and with its 。；！？ (the last one: to the end). */
function sentencesOf(text: string): [number, number][] {
  const out: [number, number][] = [];
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    if (!inSet(ENDS_SENTENCE, text.charCodeAt(i))) continue;
    out.push([from, i + 1]);
    from = i + 1;
  }
  if (from < text.length) out.push([from, text.length]);
  return out;
}

/** `mayCount`, `mayNegate`: whether the paragraph has a number with a unit, a word of negation at all (no sentence of
 *  one without has). A number with its unit never spans two sentences (no sentence mark inside it, none before a digit
 *  or numeral it looks back at). */
function sentenceOf(p: Paragraph, from: number, to: number, mayCount: boolean, mayNegate: boolean): Sentence {
  const text = p.text.slice(from, to);
  const number: NumberKind = mayCount && NUMERAL_COUNT.test(text) ? 'numerals' : 'digits';
  const counted = mayCount && ANY_COUNT[number].test(text);
  return { p, from, text, counted, negates: mayNegate && ZERO_WORDS.test(text), number, asked: 0, speaks: 0, askedNumbers: 0, numbers: 0 };
}

function speaks(s: Sentence, c: Context): boolean {
  if ((s.asked & c.bit) === 0) {
    s.asked |= c.bit;
    if ((c.sentence?.test(s.text) ?? false) || paragraphSpeaks(s.p, c)) s.speaks |= c.bit;
  }
  return (s.speaks & c.bit) !== 0;
}

function hasNumber(s: Sentence, n: NumberWithUnit): boolean {
  if ((s.askedNumbers & n.bit) === 0) {
    s.askedNumbers |= n.bit;
    if (hasUnit(s.text, n.units) && n.re[s.number].test(s.text)) s.numbers |= n.bit;
  }
  return (s.numbers & n.bit) !== 0;
}

function hasUnit(text: string, units: string[]): boolean {
  for (const unit of units) if (text.includes(unit)) return true;
  return false;
}

/** Whether a pattern can match in a sentence at all: its context is spoken of, its number and unit stand there. */
function applies(c: Compiled, s: Sentence): boolean {
  return (c.context === undefined || speaks(s, c.context)) && (c.numberWithUnit === null || hasNumber(s, c.numberWithUnit));
}

function candidatesOf(s: Sentence, target: Target, year: number | null): Candidate[] {
  const { p, from, text: sentence } = s;
  const out: Candidate[] = [];
  const set = PATTERNS_OF.get(target)!;
  // A sentence without a number with a unit can only state a zero: its few patterns are looked for word by word.
  const tried = s.counted ? patternsIn(set, sentence) : set.zero.filter((z) => mayMatch(z.compiled.words, sentence));
  for (const { compiled, id } of tried) {
    // A statement of zero only in a sentence that negates; any other pattern only where a number with a unit stands.
    if (compiled.spec.zero ? !s.negates : !s.counted) continue;
    if (!applies(compiled, s)) continue;
    const { spec, notInClause } = compiled;
    const re = compiled.re[s.number];
    for (const m of allMatches(re, sentence)) {
      const start = m.index;
      const end = start + m[0].length;
      const after = sentence.slice(end);
      const before = sentence.slice(0, start);
      if (notAnnual(before, year) || otherYear(p.text.slice(0, from + start), year) || (notInClause?.test(clauseOf(before)) ?? false)) continue;
      if (APPROXIMATE_AFTER.test(after) || INCLUDED_AFTER.test(after)) continue;
      if (!spec.zero && JOINED_BEFORE.test(before)) continue; // 予以公开及部分公开258件: the two together
      let value = 0;
      let at = m.indices?.groups?.s?.[0] ?? start;
      if (!spec.zero) {
        const n = numberOf(m.groups?.n ?? '', m.groups?.w !== undefined);
        const unit = m.groups?.u ?? '';
        const scale = spec.units?.[unit] ?? 1;
        if (typeof n !== 'number' || (!Number.isInteger(n) && !isMoney(spec))) continue; // a count is whole
        value = Number((n * scale).toFixed(8));
        at = m.indices?.groups?.n?.[0] ?? at;
      }
      out.push({ id, value, at: from + at, start: from + start, end: from + end });
    }
  }
  return out;
}

/** Matches of one number: a wording inside a longer one yields to it (办结 inside 按时办结); two readings left that
 *  name different cells are ambiguous. */
function settle(candidates: Candidate[]): { kept: Candidate[]; ambiguous: Candidate[][] } {
  const byPlace = new Map<number, Candidate[]>();
  for (const c of candidates) byPlace.set(c.at, [...(byPlace.get(c.at) ?? []), c]);
  const kept: Candidate[] = [];
  const ambiguous: Candidate[][] = [];
  for (const group of byPlace.values()) {
    const outer = group.filter((c) => !group.some((o) => o !== c && o.start <= c.start && o.end >= c.end && o.end - o.start > c.end - c.start));
    const ids = new Set(outer.map((c) => c.id));
    if (ids.size === 1) kept.push(outer[0]!);
    else ambiguous.push(outer);
  }
  return { kept: kept.sort((a, b) => a.at - b.at), ambiguous };
}

function excerpt(text: string): string {
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

/**
 * Figures stated in the report's sentences, as cells of its table (format and variant from `meta`; the table of the
 * report year when the format is unknown). Each figure's `text` is its sentence. A number two wordings claim for
 * different cells is left out with a warning. Every figure is kept, also when two sentences give one cell different
 * numbers: the pipeline then fills no cell from them, and the checks compare them.
 */
export function readProse(lines: Line[], meta: ReportMeta): Found {
  const format = formatOf(meta);
  if (format === null) return { figures: [], warnings: [] };
  const target = targetOf(format, meta);
  const schema = schemaOf(format, format === 'legacy' ? meta.variant : null);
  const figures: Figure[] = [];
  const warnings: string[] = [];
  for (const p of paragraphsOf(lines)) {
    const mayCount = ANY_COUNT.numerals.test(p.text);
    const mayNegate = ZERO_WORDS.test(p.text);
    if (!mayCount && !mayNegate) continue; // no sentence of it can state a figure
    for (const [from, to] of sentencesOf(p.text)) {
      const s = sentenceOf(p, from, to, mayCount, mayNegate);
      const sentence = s.text;
      const candidates = candidatesOf(s, target, meta.year);
      if (candidates.length === 0) continue; // most sentences state no figure
      const { kept, ambiguous } = settle(candidates);
      for (const c of kept) figures.push({ id: c.id, value: c.value, from: 'prose', line: lineAt(p, c.at).no, text: sentence });
      for (const group of ambiguous) {
        const names = group.map((c) => cellName(schema, c.id, meta.year)).join('、');
        warnings.push(`正文第${lineAt(p, group[0]!.at).no}行「${excerpt(sentence)}」中的数字 ${group[0]!.value} 可以理解为${names}，无法确定，未采用`);
      }
    }
  }
  return { figures, warnings };
}
