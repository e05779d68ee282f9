// Checks of the figures stated in sentences: against the table cell of the same id, against each other, a
// category of published items against the proactive total, percentages against their counts, and the unit
// in which applications are counted.
import { codeSet, codesOf, inSet } from '../code-set.ts';
import { allMatches } from '../matches.ts';
import { lineHas } from '../normalize.ts';
import type { Check, CellId, Figure } from '../model.ts';
import { cellValue, nameOf, shown, valueOf, type Ctx } from './arithmetic.ts';
import { checkData, ownCheck, quote, where } from './own.ts';

const hints: Record<string, string> = checkData.narrative_hints;

/** The figure's sentence quoted around its number — the occurrence followed by a unit where there are several
 *  (截至2017年12月31日……其中2017年主动公开政府信息12条: the 12 of 12条, not of 12月). */
function snippet(figure: Figure): string {
  if (figure.value === null) return quote(figure.text);
  const number = shown(figure.value);
  const text = figure.text;
  let first = -1;
  for (let at = text.indexOf(number); at >= 0; at = text.indexOf(number, at + 1)) {
    if (NUMBER_CHAR.test(text[at - 1] ?? '') || NUMBER_CHAR.test(text[at + number.length] ?? '')) continue; // part of another number
    if (UNIT_AFTER.test(text[at + number.length] ?? '')) return quote(text, at, number.length);
    if (first < 0) first = at;
  }
  return first >= 0 ? quote(text, first, number.length) : quote(text);
}

const NUMBER_CHAR = /^[\d.]$/;
const UNIT_AFTER = /^[条件次项个篇人元万]$/;

/** The figures of each cell that has a prose figure (the only ones these checks compare), made once per report. */
function proseCells(ctx: Ctx): Map<CellId, Figure[]> {
  let map = PROSE_CELLS.get(ctx);
  if (map !== undefined) return map;
  map = new Map<CellId, Figure[]>();
  for (const f of ctx.report.figures) if (f.from === 'prose') map.set(f.id, []);
  for (const f of ctx.report.figures) map.get(f.id)?.push(f);
  PROSE_CELLS.set(ctx, map);
  return map;
}

const PROSE_CELLS = new WeakMap<Ctx, Map<CellId, Figure[]>>();

/** A prose figure against the table figure of the same cell. */
export function narrativeVsTable(ctx: Ctx): Check[] {
  const checks: Check[] = [];
  for (const [id, figures] of proseCells(ctx)) {
    const table = figures.find((f) => f.from === 'table');
    if (!table) continue;
    for (const prose of figures.filter((f) => f.from === 'prose' && f.value !== null)) {
      const p = prose.value as number;
      const head = `正文${where(prose.line)}${snippet(prose)}：${nameOf(ctx, id)}为 ${shown(p)}`;
      const cells = { [id]: table.value, [`${id}#prose`]: p };
      if (table.value === p) {
        checks.push(withValues(ownCheck(ctx, 'narrative_vs_table', 'holds', `${head}，与表中一致`), cells));
      } else {
        const tableText = table.value === null ? '表中该格未填报' : `表中为 ${shown(table.value)}`;
        const hint = hints[id] ? `（${hints[id]}）` : '';
        checks.push(withValues(ownCheck(ctx, 'narrative_vs_table', 'fails', `${head}，而${tableText}${hint}`), cells));
      }
    }
  }
  return checks;
}

/** The printed label of a table figure's row: its text without the numbers and cell separators. */
const labelOfRow = (text: string) => text.replace(/[|\d.,+\-—/\s]+/g, '');

/** 003: the row 主动公开文件数 counts documents, the narrative's 主动公开政府信息12条 items of information. */
export function labelVsNarrative(ctx: Ctx): Check[] {
  const checks: Check[] = [];
  let compared = 0;
  for (const [id, figures] of proseCells(ctx)) {
    const table = figures.find((f) => f.from === 'table');
    if (!table || !table.text.includes('文') || !labelOfRow(table.text).includes('文件')) continue;
    for (const prose of figures.filter((f) => f.from === 'prose')) {
      compared++;
      if (prose.text.includes('文件') || !prose.text.includes('信息')) continue;
      const message = `${nameOf(ctx, id)}（${where(table.line)}）计的是文件，正文${where(prose.line)}${snippet(prose)}计的是政府信息：两者的计数对象可能不同`;
      checks.push(withValues(ownCheck(ctx, 'label_vs_narrative', 'fails', message), { [id]: table.value, [`${id}#prose`]: prose.value }));
    }
  }
  if (checks.length === 0 && compared > 0) checks.push(ownCheck(ctx, 'label_vs_narrative', 'holds', '统计表中计文件的行，正文也按文件叙述'));
  return checks;
}

function withValues(check: Check, values: Record<string, number | null>): Check {
  return { ...check, values };
}

/** Two prose figures of one cell; and "all N X" stated twice for the same X (004: 49 vs 50 service items). */
export function narrativeVsNarrative(ctx: Ctx): Check[] {
  const checks: Check[] = [];
  for (const [id, figures] of proseCells(ctx)) {
    const prose = figures.filter((f) => f.from === 'prose' && f.value !== null);
    if (prose.length < 2 || figures.some((f) => f.from === 'table')) continue;
    const values = new Set(prose.map((f) => f.value));
    const list = prose.map((f) => `${where(f.line)}${snippet(f)}`).join('；');
    const cells = Object.fromEntries(prose.map((f, i) => [i === 0 ? id : `${id}#${f.line}`, f.value]));
    const status = values.size === 1 ? 'holds' : 'fails';
    const verb = values.size === 1 ? '各处一致' : `前后不一：${[...values].map((v) => shown(v as number)).join(' 与 ')}`;
    checks.push(withValues(ownCheck(ctx, 'narrative_vs_narrative', status, `正文多处给出${nameOf(ctx, id)}，${verb}（${list}）`), cells));
  }
  return [...checks, ...totalClaims(ctx)];
}

interface Claim {
  subject: string;
  unit: string;
  value: number;
  line: number;
  text: string;
  at: number;
  length: number;
}

/** 全厅群众和企业办事事项49项 · 全部50项群众和企业办事事项 — a statement of how many X there are in all. Tried
 *  (sticky) only where 全 or 所有 stands: scanning every position of long paragraphs is the slow part. */
const CLAIM_BEFORE = /(?:全部|所有|全(?![年面力体程国省市县区天])(?:厅|局|委|办|部|系统)?)([\u4e00-\u9fff]{3,20}?)(\d+)(项|件|个|条|家)/y;
const CLAIM_AFTER = /(?:全部|所有)(\d+)(项|件|个|条|家)([\u4e00-\u9fff]{3,20}?)(?=以及|及其他|和其他|等|[,，。;；、:：(（]|$)/y;
const CLAIM_START = /全|所有/g;
/** What both claim patterns need: a number right before its unit. */
const CLAIM_COUNT = /\d(?:项|件|个|条|家)/;

/** A sticky pattern tried at one place. */
function matchAt(re: RegExp, text: string, index: number): RegExpExecArray | null {
  re.lastIndex = index;
  return re.exec(text);
}

function claimsIn(text: string, line: number): Claim[] {
  const out: Claim[] = [];
  for (const start of allMatches(CLAIM_START, text)) {
    const before = matchAt(CLAIM_BEFORE, text, start.index);
    if (before) out.push({ subject: before[1]!, value: Number(before[2]), unit: before[3]!, line, text, at: before.index, length: before[0].length });
    const after = matchAt(CLAIM_AFTER, text, start.index);
    if (after) out.push({ subject: after[3]!, value: Number(after[1]), unit: after[2]!, line, text, at: after.index, length: after[0].length });
  }
  return out.map((c) => ({ ...c, subject: c.subject.replace(/^[的了]/, '') }));
}

function totalClaims(ctx: Ctx): Check[] {
  const bySubject = new Map<string, Claim[]>();
  for (const line of ctx.text) {
    if ((!lineHas(line, '全') && !lineHas(line, '所有')) || !CLAIM_COUNT.test(line.text)) continue;
    for (const claim of claimsIn(line.text, line.no)) {
      const key = `${claim.subject}|${claim.unit}`;
      const same = bySubject.get(key);
      if (same) same.push(claim);
      else bySubject.set(key, [claim]);
    }
  }
  const checks: Check[] = [];
  for (const claims of bySubject.values()) {
    if (claims.length < 2) continue;
    const values = [...new Set(claims.map((c) => c.value))];
    const list = claims.map((c) => `${where(c.line)}${quote(c.text, c.at, c.length, 8)}`).join('；');
    const first = claims[0]!;
    checks.push(
      values.length === 1
        ? ownCheck(ctx, 'narrative_vs_narrative', 'holds', `正文两处说“${first.subject}”共 ${first.value}${first.unit}，一致（${list}）`)
        : ownCheck(ctx, 'narrative_vs_narrative', 'fails', `正文说“${first.subject}”的总数前后不一：${values.join(' 与 ')}${first.unit}（${list}）`),
    );
  }
  return checks;
}

/** 2017年共公开社会保险和基金运行情况信息176条 — one kind of information, published in the report year. */
const PART = /公开([\u4e00-\u9fff]{2,30}?)(?:信息|文件)(\d+)条/g;
const PART_HINT = /(?:信息|文件)\d+条/;
const NOT_A_PART = /累计|历年|截至|重复|渠道|通过|分别|申请|以来|五年|近年/;
const NOT_A_SUBJECT = /^(?:主动|公开|政府|各类|各项|相关|有关)*$/;
const YEARS = /(\d{4})年/g;

export function narrativePartLeTotal(ctx: Ctx): Check[] {
  const total = ['legacy.proactive.total/value', 'fj.proactive/value'].find((id) => typeof valueOf(ctx, id) === 'number');
  if (!total) return [];
  const t = valueOf(ctx, total) as number;
  const cumulative = valueOf(ctx, 'fj.proactive/cumulative');
  const year = ctx.report.year;
  const checks: Check[] = [];
  for (const line of ctx.text) {
    if (!lineHas(line, '公开') || !PART_HINT.test(line.text)) continue;
    for (const clause of clausesOf(line.text)) {
      if (NOT_A_PART.test(clause.text)) continue;
      const years = allMatches(YEARS, clause.text).map((m) => Number(m[1]));
      if (years.some((y) => y !== year)) continue;
      for (const m of allMatches(PART, clause.text)) {
        if (NOT_A_SUBJECT.test(m[1]!)) continue;
        const n = Number(m[2]);
        const head = `正文${where(line.no)}${quote(clause.text, m.index, m[0].length)}：${shown(n)} 条`;
        const cum = typeof cumulative === 'number' ? `（历年累计 ${shown(cumulative)}）` : '';
        checks.push(
          n <= t
            ? ownCheck(ctx, 'narrative_part_le_total', 'holds', `${head}，不多于${cellValue(ctx, total)}`, [total])
            : ownCheck(ctx, 'narrative_part_le_total', 'fails', `${head}，多于本年全部主动公开的${cellValue(ctx, total)}${cum}`, [total]),
        );
      }
    }
  }
  return checks;
}

/** The characters that end a sentence. */
const SENTENCE_ENDS = codeSet(codesOf('。;；!！?？'));

/** The sentences of a line, each up to and with its end mark (。；！？), and where each starts. */
function clausesOf(text: string): { text: string; at: number }[] {
  const out: { text: string; at: number }[] = [];
  let from = 0;
  for (let i = 0; i + 1 < text.length; i++) {
    if (!inSet(SENTENCE_ENDS, text.charCodeAt(i))) continue;
    out.push({ text: text.slice(from, i + 1), at: from });
    from = i + 1;
  }
  out.push({ text: text.slice(from), at: from });
  return out;
}

/** 社保信息4件,占66% — a count and its share of a base stated earlier in the same paragraph. */
const SHARE = /(\d+)(件|条|项|个|人|次|篇)[,，]?\s*(?:占|约占)(?:比|总数的|全部的)?\s*(\d+(?:\.\d+)?)\s*%/g;
const COUNT = /(\d+)(件|条|项|个|人|次|篇)/g;

interface Share {
  count: number;
  percent: string;
  at: number;
  length: number;
}

function fits(count: number, base: number, percent: string): 'rounded' | 'truncated' | 'neither' {
  const decimals = percent.split('.')[1]?.length ?? 0;
  const scale = 10 ** decimals;
  const exact = (count / base) * 100 * scale;
  const printed = Math.round(Number(percent) * scale);
  if (Math.round(exact) === printed) return 'rounded';
  return Math.floor(exact + 1e-9) === printed ? 'truncated' : 'neither';
}

export function percentVsCounts(ctx: Ctx): Check[] {
  const checks: Check[] = [];
  for (const line of ctx.text) {
    if (!lineHas(line, '%')) continue;
    const shares: (Share & { unit: string })[] = allMatches(SHARE, line.text).map((m) => ({ count: Number(m[1]), unit: m[2]!, percent: m[3]!, at: m.index, length: m[0].length }));
    if (shares.length === 0) continue;
    const unit = shares[0]!.unit;
    const own = shares.filter((s) => s.unit === unit);
    const partStarts = new Set(own.map((s) => s.at));
    // Candidate bases: counts in the same unit that are not themselves followed by a share, before the first share.
    const bases = allMatches(COUNT, line.text.slice(0, own[0]!.at))
      .filter((m) => m[2] === unit && !partStarts.has(m.index) && Number(m[1]) > 0)
      .map((m) => Number(m[1]));
    const base = bestBase([...new Set(bases)], own);
    if (base === undefined) continue;
    for (const s of own) {
      const fit = fits(s.count, base, s.percent);
      const exact = Math.round((s.count / base) * 1000) / 10;
      const head = `正文${where(line.no)}${quote(line.text, s.at, s.length, 10)}：${s.count}/${base} = ${exact}%`;
      if (fit === 'rounded') checks.push(ownCheck(ctx, 'percent_vs_counts', 'holds', `${head}，印为 ${s.percent}%，一致`));
      else if (fit === 'truncated') checks.push(ownCheck(ctx, 'percent_vs_counts', 'fails', `${head}，印为 ${s.percent}%：截断而非四舍五入（应为 ${Math.round((s.count / base) * 100)}%）`, [], 'info'));
      else checks.push(ownCheck(ctx, 'percent_vs_counts', 'fails', `${head}，而印为 ${s.percent}%`));
    }
  }
  return checks;
}

/** The base that explains at least half of the shares by rounding or truncation; the best one if several. */
function bestBase(bases: number[], shares: Share[]): number | undefined {
  let best: { base: number; score: number } | undefined;
  for (const base of bases) {
    if (shares.some((s) => s.count > base)) continue;
    const score = shares.filter((s) => fits(s.count, base, s.percent) !== 'neither').length;
    if (score * 2 >= shares.length && (!best || score > best.score)) best = { base, score };
  }
  return best?.base;
}

const COUNT_IN_TIAO = /(\d+)条/g;

/** 依申请公开政府信息条数分别为……65条 while 65 applications were received: applications counted in 条. */
export function applicationUnit(ctx: Ctx): Check[] {
  const received = ['legacy.requests.received/value', 't3.new/total', 'fj.received/value'].find((id) => typeof valueOf(ctx, id) === 'number');
  if (!received) return [];
  const n = valueOf(ctx, received) as number;
  if (n <= 0) return [];
  const checks: Check[] = [];
  const counted = `${n}条`; // in any sentence that counts the applications in 条
  for (const line of ctx.text) {
    if (!lineHas(line, '条') || !lineHas(line, '申请') || !line.text.includes(counted)) continue;
    for (const clause of clausesOf(line.text)) {
      if (!clause.text.includes('申请') || !clause.text.includes(counted)) continue;
      const hit = allMatches(COUNT_IN_TIAO, clause.text).find((m) => Number(m[1]) === n);
      if (hit) {
        const text = `正文${where(line.no)}${quote(line.text, clause.at + hit.index, hit[0].length)}：申请数 ${n} 以“条”计，${nameOf(ctx, received)}以“件”计`;
        checks.push(ownCheck(ctx, 'application_unit', 'fails', text, [received]));
      }
    }
  }
  return checks.length > 0 ? checks : [ownCheck(ctx, 'application_unit', 'holds', '正文未见以“条”计的申请数', [received])];
}
