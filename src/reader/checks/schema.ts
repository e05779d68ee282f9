// The rows and columns of a report's tables as the checks and the result page need them: which table a row
// belongs to, its parent and children, its columns, and the Chinese name of a cell. Everything comes from
// formats.json through src/reports/formats.ts; no label is written here.
import { formatById, legacyColumns, legacyRows, type Column, type FormatId, type Row } from '../../reports/formats.ts';
import type { CellId, VariantId } from '../model.ts';

export interface RowInfo {
  row: Row;
  /** 表二 / 表三 / 表四 / 统计表 */
  table: string;
  /** The sub-table heading of table 二 (第二十条第（一）项 …). */
  heading?: string;
  columns: Column[];
}

/** One printed table (or sub-table) in the order of the format: what the result page draws. */
export interface TableShape {
  id: string;
  name: string;
  /** The printed title (三、收到和处理政府信息公开申请情况; 政府信息公开情况统计表（YYYY年度）). */
  title: string;
  heading?: string;
  columns: Column[];
  rows: Row[];
}

export interface Schema {
  format: FormatId;
  variant: VariantId | null;
  tables: TableShape[];
  rows: Map<string, RowInfo>;
  /** A row's children with cells (kind value/total), in table order. */
  children(rowId: string): Row[];
  /** The value rows under a row, through its groups (t3.results → every leaf of 三、本年度办理结果). */
  leaves(rowId: string): Row[];
  /** Row and cell names, made once: messages ask for them again and again. */
  names: Map<string, string>;
}

/** 《中华人民共和国政府信息公开工作年度报告格式（2021修订）》: formats.json's name without its English note. */
export function formatName(format: FormatId): string {
  return formatById(format).name.replace(/\s*\([^)]*\)$/, '');
}

const variantNames: Record<VariantId, string> = { shandong: '山东省统计表样式', fujian_cumulative: '福建省含历年累计的统计表样式' };

export function variantName(variant: VariantId): string {
  return variantNames[variant];
}

const tableNames: Record<string, string> = { t2: '表二', t3: '表三', t4: '表四', 'legacy.stats': '统计表' };

const cache = new Map<string, Schema>();

export function schemaOf(format: FormatId, variant: VariantId | null): Schema {
  const key = `${format}/${variant ?? ''}`;
  const known = cache.get(key);
  if (known) return known;
  const schema = buildSchema(format, variant);
  cache.set(key, schema);
  return schema;
}

function buildSchema(format: FormatId, variant: VariantId | null): Schema {
  const tables: TableShape[] = [];
  for (const table of formatById(format).tables) {
    const name = tableNames[table.id] ?? table.title;
    if (table.subtables) {
      for (const sub of table.subtables) tables.push({ id: sub.id, name, title: table.title, heading: sub.heading, columns: sub.columns, rows: sub.rows });
      continue;
    }
    // The legacy table: 福建累计 replaces the national rows with its own; 山东 adds rows to them.
    const title = table.title;
    if (format === 'legacy') tables.push({ id: table.id, name, title, columns: legacyColumns(variant), rows: legacyRows(variant) });
    else tables.push({ id: table.id, name, title, columns: table.columns ?? [], rows: table.rows ?? [] });
  }
  const rows = new Map<string, RowInfo>();
  for (const t of tables) {
    for (const row of t.rows) rows.set(row.id, { row, table: t.name, ...(t.heading ? { heading: t.heading } : {}), columns: t.columns });
  }
  const childMap = new Map<string, Row[]>();
  for (const { row } of rows.values()) {
    if (!row.parent) continue;
    const list = childMap.get(row.parent) ?? [];
    list.push(row);
    childMap.set(row.parent, list);
  }
  const collect = (id: string): Row[] =>
    (childMap.get(id) ?? []).flatMap((r) => (r.kind === 'group' ? collect(r.id) : r.kind === 'value' ? [r] : []));
  // Both asked for on every check of every report: computed once per row.
  const childrenOf = new Map([...rows.keys()].map((id) => [id, (childMap.get(id) ?? []).filter((r) => r.kind !== 'group')]));
  const leavesOf = new Map([...rows.keys()].map((id) => [id, collect(id)]));
  const children = (id: string) => childrenOf.get(id) ?? [];
  const leaves = (id: string) => leavesOf.get(id) ?? [];
  return { format, variant, tables, rows, children, leaves, names: new Map() };
}

/** A label without its trailing explanatory note: （一）主动公开政府信息数（不同渠道…计1条） → （一）主动公开政府信息数. */
export function shortLabel(label: string): string {
  const short = label.replace(/[（(][^（）()]*[）)]$/, '');
  return /[\u4e00-\u9fff]/.test(short.replace(/^[（(][一二三四五六七八九十]+[）)]/, '')) ? short : label;
}

/** The label a row prints; t4.cases has none (its formats.json label is a note on the single data row). */
export function printedLabel(row: Row): string {
  return row.label.startsWith('（single') ? '' : row.label;
}

function memo(schema: Schema, key: string, make: () => string): string {
  let name = schema.names.get(key);
  if (name === undefined) schema.names.set(key, (name = make()));
  return name;
}

/** The Chinese name of a row with its groups: 三、本年度办理结果（三）不予公开 1.属于国家秘密. */
export function rowName(schema: Schema, rowId: string): string {
  return memo(schema, rowId, () => {
    const chain: string[] = [];
    for (let info = schema.rows.get(rowId); info; info = info.row.parent ? schema.rows.get(info.row.parent) : undefined) {
      const label = printedLabel(info.row);
      if (label === '') break;
      chain.unshift(shortLabel(label));
      if (schema.format === 'legacy') break; // legacy labels are printed as they stand
    }
    return chain.reduce((name, part) => (name === '' || /^[（(]/.test(part) ? name + part : `${name} ${part}`), '');
  });
}

/** 表三「三、本年度办理结果（七）总计」「自然人」列 — the cell as a reader of the printed table finds it. */
export function cellName(schema: Schema, cell: CellId, year: number | null): string {
  // The year only names 福建累计's annual column.
  return memo(schema, schema.variant === 'fujian_cumulative' ? `${cell}@${year}` : cell, () => {
    const [rowId = '', columnId = ''] = cell.split('/');
    const info = schema.rows.get(rowId);
    if (!info) return `「${cell}」`;
    const heading = info.heading ? `「${info.heading}」` : '';
    const row = rowName(schema, rowId);
    return `${info.table}${heading}${row ? `「${row}」` : ''}${columnName(schema, info, columnId, year)}`;
  });
}

function columnName(schema: Schema, info: RowInfo, columnId: string, year: number | null): string {
  if (info.columns.length <= 1) return '';
  const column = info.columns.find((c) => c.id === columnId);
  if (!column) return `「${columnId}」列`;
  if (schema.variant === 'fujian_cumulative' && column.id === 'value') return `「${year ?? '本年'}」列`;
  const group = column.group?.split('/').pop();
  return `「${group && group !== '法人或其他组织' ? `${group} ` : ''}${column.label}」列`;
}
