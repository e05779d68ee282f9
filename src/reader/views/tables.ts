// A parsed report's tables in the layout of its format — rows with their labels from formats.json, the
// values found, where each came from — for the command-line summary and the result page alike. Pure.
import { formatById, variantOf, type Column, type Row } from '../../reports/formats.ts';
import { shown } from '../checks/arithmetic.ts';
import { printedLabel, schemaOf } from '../checks/schema.ts';
import type { CellId, Check, ParsedReport, Severity, Source } from '../model.ts';

export const severityNames: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };

export interface CellView {
  id: CellId;
  /** undefined: not found in the report; null: printed as not reported. */
  value: number | null | undefined;
  source?: Source;
  /** A failed check names this cell. */
  flagged: boolean;
}

export interface RowView {
  id: string;
  label: string;
  kind: Row['kind'];
  /** 0 for a top-level row; children one deeper than their parent. */
  depth: number;
  /** The unit a legacy table prints for the row (条, 件, 万元 …; — for a heading row). */
  unit?: string;
  cells: CellView[];
}

export interface TableView {
  id: string;
  /** 表二 / 表三 / 表四 / 统计表 */
  name: string;
  /** The printed title: 三、收到和处理政府信息公开申请情况; 政府信息公开情况统计表（2017年度）. */
  title: string;
  heading?: string;
  columns: Column[];
  rows: RowView[];
  /** Cells found in this table (a table with none is not shown). */
  found: number;
  /** The table prints a 单位 column (the national legacy table). */
  units: boolean;
  /** The first header cell: 信息内容 (表二), the 勾稽关系 note (表三), 统计指标 / 指标名称 (legacy). */
  corner: string;
}

/** Cells named by a failed check (the cell view marks them). */
export function flaggedCells(checks: Check[]): Set<CellId> {
  return new Set(checks.filter((c) => c.status === 'fails').flatMap((c) => Object.keys(c.values)));
}

export function tablesOf(report: ParsedReport): TableView[] {
  if (!report.format) return [];
  const schema = schemaOf(report.format, report.variant);
  const flagged = flaggedCells(report.checks);
  const depthOf = (row: Row): number => {
    const parent = row.parent ? schema.rows.get(row.parent)?.row : undefined;
    return parent ? depthOf(parent) + 1 : 0;
  };
  return schema.tables.map((t) => {
    let found = 0;
    const rows = t.rows.map((row) => {
      const cells = row.kind === 'group' ? [] : t.columns.map((c) => cellView(report, `${row.id}/${c.id}`, flagged));
      found += cells.filter((c) => c.value !== undefined).length;
      // Only the legacy table prints a 单位 column; the national format's tables carry the unit in their headers.
      const unit = report.format === 'legacy' ? row.unit?.replace(/\s*\(.*\)$/, '') : undefined;
      return { id: row.id, label: printedLabel(row), kind: row.kind, depth: depthOf(row), ...(unit !== undefined ? { unit } : {}), cells };
    });
    const units = rows.some((r) => r.unit !== undefined);
    // 福建累计 prints the report year as the heading of its annual column.
    const columns = t.columns.map((c) => (report.variant === 'fujian_cumulative' && c.id === 'value' ? { ...c, label: String(report.year ?? '本年') } : c));
    const corner = cornerOf(report, t.id);
    const title = t.title.replace('YYYY', String(report.year ?? ''));
    return { id: t.id, name: t.name, title, ...(t.heading ? { heading: t.heading } : {}), columns, rows, found, units, corner };
  });
}

function cornerOf(report: ParsedReport, tableId: string): string {
  const format = formatById(report.format!);
  if (tableId.startsWith('t2.')) return '信息内容';
  const table = format.tables.find((t) => t.id === tableId);
  if (table?.header_note) return table.header_note;
  const columns = variantOf(format, report.variant)?.columns ?? table?.columns ?? [];
  return columns.find((c) => c.id === 'label')?.label ?? '';
}

function cellView(report: ParsedReport, id: CellId, flagged: Set<CellId>): CellView {
  const value = Object.hasOwn(report.cells, id) ? report.cells[id] : undefined;
  const source = report.sources[id];
  return { id, value, ...(source ? { source } : {}), flagged: flagged.has(id) };
}

/** A cell as printed: the number, — for not reported, empty for not found. */
/** A cell as shown: blank when not found, — when not reported, the number with the unit the report states. */
export function cellText(value: number | null | undefined, unit?: string): string {
  if (value === undefined) return '';
  return value === null ? '—' : `${shown(value)}${unit ?? ''}`;
}
