// Every relation of formats.json, one implementation per relation id (the expressions there are prose).
// Rows and columns come from the format's schema, so table 三's leaves differ between fmt2019 (one （六）其他处理
// row) and fmt2021 (three) without a list here. A relation without an implementation is reported as
// not_checkable, never skipped; a test holds every id of formats.json to an implementation. Each implementation
// prepares, once per table layout, the cells and names it needs; a report's checks then only read its values.
import { relationsOf } from '../../reports/formats.ts';
import type { Check, CellId } from '../model.ts';
import { atMost, cannotCheck, cellValue, nameOf, otherYear, ruleCheck, shown, sumEquals, sumSpec, unknownOf, valueOf, type Ctx, type Rule } from './arithmetic.ts';
import { rowName, type Schema } from './schema.ts';

/** A relation made ready for one table layout: its checks of one report. */
type Evaluate = (ctx: Ctx) => Check[];
/** One implementation per relation id: from the layout (schema), the cells and names it needs, made once per layout. */
type Implementation = (s: Schema, rule: Rule) => Evaluate;

/** Cell ids by row and column, each made once: an id made again is a new string to hash for each look-up. */
const CELL_IDS = new Map<string, Map<string, CellId>>();

function cell(row: string, column: string): CellId {
  let byColumn = CELL_IDS.get(row);
  if (byColumn === undefined) CELL_IDS.set(row, (byColumn = new Map()));
  let id = byColumn.get(column);
  if (id === undefined) byColumn.set(column, (id = `${row}/${column}`));
  return id;
}

/** The row id of a cell id (the whole id when it has no column). */
function rowOf(id: CellId): string {
  const at = id.indexOf('/');
  return at < 0 ? id : id.slice(0, at);
}

/** Something made once per layout (and per key). */
function perSchema<T>(make: (s: Schema, key: string) => T): (s: Schema, key?: string) => T {
  const made = new WeakMap<Schema, Map<string, T>>();
  return (s, key = '') => {
    let byKey = made.get(s);
    if (byKey === undefined) made.set(s, (byKey = new Map()));
    let value = byKey.get(key);
    if (value === undefined) byKey.set(key, (value = make(s, key)));
    return value;
  };
}

/** 「（一）收到申请数」: a cell's row as a part of a sum. */
const rowPart = perSchema((s) => {
  const labels = new Map<CellId, string>();
  return (id: CellId): string => {
    let label = labels.get(id);
    if (label === undefined) labels.set(id, (label = `「${rowName(s, rowOf(id))}」`));
    return label;
  };
});

/** 「自然人」: a cell's column (in the table of `tableRow`) as a part of a sum. */
const columnPart = perSchema((s, tableRow) => {
  const labels = new Map((s.rows.get(tableRow)?.columns ?? []).map((c) => [c.id, `「${c.label}」`]));
  return (id: CellId): string => labels.get(id.slice(id.indexOf('/') + 1)) ?? `「${id}」`;
});

/** The value columns of the row's table: value (+ cumulative for 福建累计); the 7 applicant columns of 表三. */
const columnsOf = perSchema((s, row) => (s.rows.get(row)?.columns ?? []).map((c) => c.id));

/** A row equals the sum of its children, in every value column of its table. */
function childrenSum(parent: string, partsWord = '各分项'): Implementation {
  return (s, rule) => {
    const parts = s.children(parent).map((r) => r.id);
    const sums = columnsOf(s, parent).map((c) => sumSpec(cell(parent, c), parts.map((p) => cell(p, c)), rowPart(s), partsWord));
    return (ctx) => sums.map((sum) => sumEquals(ctx, rule, sum));
  };
}

/** Each child of a group is at most the given total, in every value column. */
function childrenAtMost(group: string, total: string, why: string): Implementation {
  return (s, rule) => {
    const pairs = s.children(group).flatMap((child) => columnsOf(s, total).map((c): [CellId, CellId] => [cell(child.id, c), cell(total, c)]));
    return (ctx) => pairs.map(([small, big]) => atMost(ctx, rule, small, big, why));
  };
}

function pairsAtMost(rows: [string, string][]): Implementation {
  return (s, rule) => {
    const pairs = rows.flatMap(([small, big]) => columnsOf(s, big).map((c): [CellId, CellId] => [cell(small, c), cell(big, c)]));
    return (ctx) => pairs.map(([small, big]) => atMost(ctx, rule, small, big));
  };
}

function equal(ctx: Ctx, rule: Rule, a: CellId, b: CellId, note: string): Check {
  const x = valueOf(ctx, a);
  const y = valueOf(ctx, b);
  if (typeof x !== 'number' || typeof y !== 'number') {
    return cannotCheck(ctx, rule, unknownOf(ctx, [a, b]), [a, b]);
  }
  const text = `${cellValue(ctx, a)}${x === y ? '，等于' : '，不等于'}${cellValue(ctx, b)}`;
  return ruleCheck(ctx, rule, x === y ? 'holds' : 'fails', x === y ? text : `${text}${note}`, [a, b]);
}

/** sum(parts) >= total: certain as soon as the known parts reach the total. */
function sumAtLeast(ctx: Ctx, rule: Rule, parts: CellId[], total: CellId, partName: (id: CellId) => string): Check {
  const t = valueOf(ctx, total);
  const cells = [total, ...parts];
  if (typeof t !== 'number') return cannotCheck(ctx, rule, [total], cells);
  const unknown = unknownOf(ctx, parts);
  const sum = parts.reduce((s, id) => s + (valueOf(ctx, id) ?? 0), 0);
  const text = `${parts.filter((id) => !unknown.includes(id)).map((id) => `${partName(id)}${shown(valueOf(ctx, id) as number)}`).join(' + ')} = ${shown(sum)}`;
  if (sum >= t - 1e-6) return ruleCheck(ctx, rule, 'holds', `各渠道之和 ${text}，不小于${cellValue(ctx, total)}`, cells);
  if (unknown.length > 0) return cannotCheck(ctx, rule, unknown, cells);
  return ruleCheck(ctx, rule, 'fails', `各渠道之和 ${text}，小于${cellValue(ctx, total)}（每条信息至少经一个渠道公开）`, cells);
}

const legacy = {
  proactiveTotal: 'legacy.proactive.total',
  channels: 'legacy.proactive.channels',
  responseChannels: 'legacy.response.channels',
  hotspots: 'legacy.response.hotspots',
  received: 'legacy.requests.received',
  closed: 'legacy.requests.closed',
  answered: 'legacy.requests.answered',
} as const;

function channelsGeTotal(s: Schema, rule: Rule): Evaluate {
  const channels = s.children(legacy.channels).map((r) => cell(r.id, 'value'));
  const total = cell(legacy.proactiveTotal, 'value');
  return (ctx) => [sumAtLeast(ctx, rule, channels, total, rowPart(s))];
}

function hotspotsVsChannels(s: Schema, rule: Rule): Evaluate {
  const hotspots = cell(legacy.hotspots, 'value');
  const channels = s.children(legacy.responseChannels).map((r) => cell(r.id, 'value'));
  const cells = [hotspots, ...channels];
  const partName = rowPart(s);
  return (ctx) => {
    const h = valueOf(ctx, hotspots);
    const positive = channels.filter((id) => (valueOf(ctx, id) ?? 0) > 0);
    if (typeof h !== 'number') return [cannotCheck(ctx, rule, [hotspots], cells)];
    if (h > 0) return [ruleCheck(ctx, rule, 'holds', `${cellValue(ctx, hotspots)}，大于 0`, cells)];
    if (positive.length > 0) {
      const list = positive.map((id) => `${partName(id)}${shown(valueOf(ctx, id) as number)}`).join('、');
      return [ruleCheck(ctx, rule, 'fails', `${nameOf(ctx, hotspots)}：0，而${list} 均大于 0：有回应解读却没有回应的热点或舆情`, [hotspots, ...positive])];
    }
    const unknown = unknownOf(ctx, channels);
    return unknown.length > 0
      ? [cannotCheck(ctx, rule, unknown, cells)]
      : [ruleCheck(ctx, rule, 'holds', `${nameOf(ctx, hotspots)}：0，各回应渠道也均为 0`, cells)];
  };
}

function answeredLeReceived(_: Schema, rule: Rule): Evaluate {
  const answered = cell(legacy.answered, 'value');
  const received = cell(legacy.received, 'value');
  return (ctx) => {
    const a = valueOf(ctx, answered);
    const r = valueOf(ctx, received);
    if (typeof a === 'number' && typeof r === 'number' && a > r) {
      return [otherYear(ctx, rule, `上一年度未办结的申请数（${cellValue(ctx, answered)}，大于${cellValue(ctx, received)}）`, [answered, received])];
    }
    return [atMost(ctx, rule, answered, received)];
  };
}

const t3 = { results: 't3.results', total: 't3.results.total', new: 't3.new', carried: 't3.carried_over', forward: 't3.carry_forward' } as const;

function t3Balance(s: Schema, rule: Rule): Evaluate {
  const partName = rowPart(s);
  const columns = columnsOf(s, t3.new).map((c) => {
    const left = [cell(t3.new, c), cell(t3.carried, c)];
    const right = [cell(t3.total, c), cell(t3.forward, c)];
    return { left, right, cells: [...left, ...right], column: columnPart(s, t3.new)(cell(t3.new, c)) };
  });
  return (ctx) =>
    columns.map(({ left, right, cells, column }) => {
      const unknown = unknownOf(ctx, cells);
      if (unknown.length > 0) return cannotCheck(ctx, rule, unknown, cells);
      const text = `表三${column}列：${side(ctx, left, partName)} = ${shown(sumOf(ctx, left))}，${side(ctx, right, partName)} = ${shown(sumOf(ctx, right))}`;
      return ruleCheck(ctx, rule, Math.abs(sumOf(ctx, left) - sumOf(ctx, right)) < 1e-6 ? 'holds' : 'fails', text, cells);
    });
}

/** The sum of cells that all have a number. */
function sumOf(ctx: Ctx, ids: CellId[]): number {
  return ids.reduce((s, id) => s + (valueOf(ctx, id) as number), 0);
}

/** 「二、上年结转政府信息公开申请数量」3 + 「一、本年新收政府信息公开申请数量」5 */
function side(ctx: Ctx, ids: CellId[], partName: (id: CellId) => string): string {
  return ids.map((id) => `${partName(id)}${shown(valueOf(ctx, id) as number)}`).join(' + ');
}

function t3RowTotal(s: Schema, rule: Rule): Evaluate {
  const rows = [...s.rows.values()].filter((i) => i.table === '表三' && i.row.kind !== 'group').map((i) => i.row.id);
  const columns = columnsOf(s, t3.new).filter((c) => c !== 'total');
  const sums = rows.map((row) => sumSpec(cell(row, 'total'), columns.map((c) => cell(row, c)), columnPart(s, row), '各申请人类型'));
  return (ctx) => sums.map((sum) => sumEquals(ctx, rule, sum));
}

function t3ResultsTotal(s: Schema, rule: Rule): Evaluate {
  const leaves = s.leaves(t3.results).map((r) => r.id);
  const sums = columnsOf(s, t3.total).map((c) => sumSpec(cell(t3.total, c), leaves.map((l) => cell(l, c)), rowPart(s), '各项办理结果'));
  return (ctx) => sums.map((sum) => sumEquals(ctx, rule, sum));
}

/** A group row (（三）不予公开 …) carries a figure only where the report states a subtotal (usually in prose). */
function t3GroupSubtotals(s: Schema, rule: Rule): Evaluate {
  const groups = [...s.rows.values()].filter((i) => i.row.parent === t3.results && i.row.kind === 'group').map((i) => i.row.id);
  const sums = groups.flatMap((group) =>
    columnsOf(s, t3.total).map((c) => sumSpec(cell(group, c), s.leaves(group).map((l) => cell(l.id, c)), rowPart(s), '各子项')),
  );
  const names = groups.map((g) => `「${rowName(s, g)}」`).join('、');
  return (ctx) => {
    const checks = sums.filter((sum) => typeof valueOf(ctx, sum.total) === 'number').map((sum) => sumEquals(ctx, rule, sum));
    return checks.length > 0 ? checks : [ruleCheck(ctx, rule, 'not_checkable', `无法校验：报告未单列${names}的小计`, [])];
  };
}

/** Every cell of a table is >= 0 (and a whole number where the relation says so); blank cells are skipped. */
function nonNegative(table: string, options: { integer: boolean; except?: string }): Implementation {
  return (s, rule) => {
    const infos = [...s.rows.values()].filter((i) => i.table === table && i.row.kind !== 'group');
    const cells = infos.flatMap((i) => i.columns.filter((c) => c.id !== options.except).map((c) => cell(i.row.id, c.id)));
    const kind = options.integer ? '非负整数' : '非负数';
    return (ctx) => {
      const present = cells.filter((id) => typeof valueOf(ctx, id) === 'number');
      if (present.length === 0) return [ruleCheck(ctx, rule, 'not_checkable', `无法校验：未找到${table}的数据`, [])];
      const bad = present.filter((id) => {
        const v = valueOf(ctx, id) as number;
        return v < 0 || (options.integer && !Number.isInteger(v));
      });
      if (bad.length === 0) return [ruleCheck(ctx, rule, 'holds', `${table}已报告的 ${present.length} 个单元格均为${kind}`, [])];
      const list = bad.map((id) => cellValue(ctx, id)).join('；');
      return [ruleCheck(ctx, rule, 'fails', `${list}：应为${kind}`, bad)];
    };
  };
}

function t4Total(group: string): Implementation {
  return (s, rule) => {
    const row = 't4.cases';
    const parts = columnsOf(s, row).filter((c) => c.startsWith(`${group}.`) && c !== `${group}.total`);
    const sum = sumSpec(cell(row, `${group}.total`), parts.map((c) => cell(row, c)), columnPart(s, row), '各项结果');
    return (ctx) => [sumEquals(ctx, rule, sum)];
  };
}

const artOneRows = (s: Schema) => s.tables.find((t) => t.id === 't2.art20_1')?.rows.map((r) => r.id) ?? [];

function repealedLeStock(s: Schema, rule: Rule): Evaluate {
  const rows = artOneRows(s).map((row) => ({ repealed: cell(row, 'repealed'), issued: cell(row, 'issued') }));
  return (ctx) =>
    rows.map(({ repealed, issued }) => {
      const r = valueOf(ctx, repealed);
      const i = valueOf(ctx, issued);
      if (typeof r === 'number' && typeof i === 'number' && r <= i) {
        return ruleCheck(ctx, rule, 'holds', `${cellValue(ctx, repealed)}，不大于${cellValue(ctx, issued)}，无论上年现行有效件数多少都成立`, [repealed, issued]);
      }
      if (typeof r !== 'number') return cannotCheck(ctx, rule, [repealed], [repealed, issued]);
      return otherYear(ctx, rule, `上一年度报告的「现行有效件数」（${cellValue(ctx, repealed)}）`, [repealed, issued]);
    });
}

function publishedLeTotal(s: Schema, rule: Rule): Evaluate {
  const rows = artOneRows(s).map((row) => [cell(row, 'new_published'), cell(row, 'published_total')] as const);
  return (ctx) => rows.map(([published, total]) => atMost(ctx, rule, published, total));
}

function fjCumulative(s: Schema, rule: Rule): Evaluate {
  const rows = [...s.rows.keys()].filter((id) => id.startsWith('fj.')).map((row) => [cell(row, 'value'), cell(row, 'cumulative')] as const);
  return (ctx) => [
    ...rows.map(([value, cumulative]) => atMost(ctx, rule, value, cumulative, '（历年累计不应少于本年）')),
    otherYear(ctx, rule, '上一年度报告的「历年累计」（本年累计 = 上年累计 + 本年）'),
  ];
}

/** A relation that needs another year's report. */
function needsOtherYear(which: string): Implementation {
  return (_, rule) => (ctx) => [otherYear(ctx, rule, which)];
}

export const implementations: Record<string, Implementation> = {
  'legacy.received_sum': childrenSum(legacy.received),
  'legacy.closed_sum': childrenSum(legacy.closed),
  'legacy.answered_sum': childrenSum(legacy.answered),
  'legacy.refused_sum': childrenSum('legacy.requests.answered.refused'),
  'legacy.review_sum': childrenSum('legacy.review'),
  'legacy.litigation_sum': childrenSum('legacy.litigation'),
  'legacy.staff_sum': childrenSum('legacy.org.staff'),
  'legacy.deposit_sum': childrenSum('legacy.deposit'),
  'legacy.complaints_sum': childrenSum('legacy.complaints'),
  'legacy.channel_le_total': childrenAtMost(legacy.channels, legacy.proactiveTotal, '（总数中不同渠道公开的相同信息计1条，单一渠道不应多于总数）'),
  'legacy.channels_ge_total': channelsGeTotal,
  'legacy.normative_le_total': pairsAtMost([['legacy.proactive.total.normative_published', legacy.proactiveTotal]]),
  'legacy.principal_le_total': pairsAtMost([
    ['legacy.response.press_conferences.principal', 'legacy.response.press_conferences'],
    ['legacy.response.online_interviews.principal', 'legacy.response.online_interviews'],
  ]),
  'legacy.hotspots_vs_channels': hotspotsVsChannels,
  'legacy.answered_le_received': answeredLeReceived,
  'legacy.closed_eq_answered': (_, rule) => (ctx) => [
    equal(ctx, rule, cell(legacy.closed, 'value'), cell(legacy.answered, 'value'), '（通常二者相等）'),
  ],
  'fj.received_sum': childrenSum('fj.received'),
  'fj.answered_sum': childrenSum('fj.answered'),
  'fj.proactive_channels': childrenAtMost('fj.proactive', 'fj.proactive', '（渠道可重叠，但单一渠道不应多于总数）'),
  'fj.cumulative': fjCumulative,
  't2.items_change_cross_year': needsOtherYear('下一年度报告的「上一年项目数量」'),
  't2.published_le_total': publishedLeTotal,
  't2.non_negative': nonNegative('表二', { integer: false, except: 'items_change' }),
  't2.in_force_roll': needsOtherYear('上一年度报告的「现行有效件数」'),
  't2.repealed_le_stock': repealedLeStock,
  't3.balance': t3Balance,
  't3.results_total': t3ResultsTotal,
  't3.row_total': t3RowTotal,
  't3.group_subtotals': t3GroupSubtotals,
  't3.non_negative': nonNegative('表三', { integer: true }),
  't3.cross_year': needsOtherYear('上一年度报告的「四、结转下年度继续办理」（应等于本年「二、上年结转政府信息公开申请数量」）'),
  't4.review_total': t4Total('review'),
  't4.direct_total': t4Total('litigation_direct'),
  't4.after_review_total': t4Total('litigation_after_review'),
};

/** A relation of a layout: its rule, and its evaluation (undefined: not implemented). */
interface Prepared {
  rule: Rule;
  expression: string;
  evaluate: Evaluate | undefined;
}

/** Every relation of a layout's format and variant, made ready once per layout. */
const prepared = perSchema((s): Prepared[] =>
  relationsOf(s.format, s.variant).map((relation) => {
    const rule = { id: relation.id, severity: relation.severity };
    return { rule, expression: relation.expression, evaluate: implementations[relation.id]?.(s, rule) };
  }),
);

/** Every relation of the report's format and variant, evaluated per its scope. */
export function relationChecks(ctx: Ctx): Check[] {
  const s = ctx.schema;
  if (!ctx.report.format || !s) return [];
  const out: Check[] = [];
  for (const { rule, expression, evaluate } of prepared(s)) {
    if (!evaluate) {
      out.push(ruleCheck(ctx, rule, 'not_checkable', `无法校验：本版本尚未实现该关系（${expression}）`, []));
      continue;
    }
    const checks = evaluate(ctx);
    if (checks.some((c) => printed(s, c))) out.push(...checks);
    else out.push(ruleCheck(ctx, rule, 'not_checkable', '无法校验：本报告的统计表样式没有该关系涉及的栏目', []));
  }
  return out;
}

/** Whether the table of the report's variant has a row the check names (福建累计 has none of the national rows). */
function printed(s: Schema, check: Check): boolean {
  const ids = Object.keys(check.values);
  return ids.length === 0 || ids.some((id) => s.rows.has(rowOf(id)));
}
