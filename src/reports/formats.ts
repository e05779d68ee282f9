// The three national annual-report formats (legacy ≤ 2018, fmt2019, fmt2021) as data: every row, column and
// relation with its stable id, from formats.json (a copy of the project's domain file report-formats.json,
// the single source for labels and checks). Pure: the JSON is imported, not read at run time.
import formatsFile from './formats.json' with { type: 'json' };

export type FormatId = 'legacy' | 'fmt2019' | 'fmt2021';
export type Severity = 'error' | 'warning' | 'info';

export interface Column {
  id: string;
  label: string;
  group?: string;
  unit?: string;
}

export interface Row {
  id: string;
  label: string;
  unit?: string;
  kind: 'value' | 'group' | 'total';
  parent?: string;
  note?: string;
}

export interface Relation {
  id: string;
  expression: string;
  scope: string;
  severity: Severity;
  source: string;
}

export interface SubTable {
  id: string;
  heading: string;
  columns: Column[];
  rows: Row[];
}

export interface Table {
  id: string;
  title: string;
  columns?: Column[];
  rows?: Row[];
  subtables?: SubTable[];
  relations?: Relation[];
  header_note?: string;
}

export interface Variant {
  id: string;
  columns?: Column[];
  extra_rows?: Row[];
  extra_relations?: Relation[];
  differences?: string[];
}

export interface Section {
  id: string;
  label: string;
  table?: string;
}

export interface Format {
  id: FormatId;
  name: string;
  applies_to_report_years: { from: number | null; to: number | null };
  sections: Section[];
  tables: Table[];
  variants?: Variant[];
}

interface FormatsFile {
  formats: Format[];
}

export const formats: readonly Format[] = (formatsFile as unknown as FormatsFile).formats;

export function formatById(id: FormatId): Format {
  const format = formats.find((f) => f.id === id);
  if (!format) throw new Error(`unknown report format ${id}`);
  return format;
}

/** The format that governs a report year (the year the data covers, not the publication date). */
export function formatForYear(year: number): FormatId {
  if (year >= 2021) return 'fmt2021';
  if (year >= 2019) return 'fmt2019';
  return 'legacy';
}

export function variantOf(format: Format, variantId: string | null | undefined): Variant | undefined {
  return variantId ? format.variants?.find((v) => v.id === variantId) : undefined;
}

/** Every relation that applies to a format (and variant), with the variant's extra ones. */
export function relationsOf(formatId: FormatId, variantId?: string | null): Relation[] {
  const format = formatById(formatId);
  const own = format.tables.flatMap((t) => t.relations ?? []);
  return [...own, ...(variantOf(format, variantId)?.extra_relations ?? [])];
}

/** The data columns of the legacy statistics table (统计数; 福建累计: the report year and 历年累计). */
export function legacyColumns(variantId?: string | null): Column[] {
  const format = formatById('legacy');
  const own = format.tables.flatMap((t) => t.columns ?? []);
  return (variantOf(format, variantId)?.columns ?? own).filter((c) => c.id !== 'label' && c.id !== 'unit');
}

/**
 * The rows of the legacy statistics table for a variant, in printed order. A variant with columns of its own
 * (福建累计) is a table of its own: its rows replace the national ones. Otherwise (山东) its rows are added to the
 * national ones: a child after the last row of its parent's family (5.其他形式 after 4.信函申请数), a new top-level
 * row right after the extra row placed before it (七、向图书馆… after 六's children).
 */
export function legacyRows(variantId?: string | null): Row[] {
  const format = formatById('legacy');
  const national = format.tables.flatMap((t) => t.rows ?? []);
  const variant = variantOf(format, variantId);
  const extra = variant?.extra_rows ?? [];
  if (variant?.columns) return extra;
  const rows = [...national];
  let previous = rows.length - 1;
  for (const row of extra) {
    let at = previous;
    const parent = row.parent;
    if (parent) for (const [i, r] of rows.entries()) if (r.id === parent || r.id.startsWith(`${parent}.`)) at = i;
    rows.splice(at + 1, 0, row);
    previous = at + 1;
  }
  return rows;
}

/** Every data cell id "<row id>/<column id>" of a format (legacy: "<row id>/value", 福建累计 also
 *  "<row id>/cumulative"), in table order. */
export function cellIdsOf(formatId: FormatId, variantId?: string | null): string[] {
  if (formatId === 'legacy') {
    const columns = legacyColumns(variantId);
    return legacyRows(variantId)
      .filter((r) => r.kind !== 'group')
      .flatMap((r) => columns.map((c) => `${r.id}/${c.id}`));
  }
  const ids: string[] = [];
  for (const table of formatById(formatId).tables) {
    for (const part of table.subtables ?? [{ columns: table.columns ?? [], rows: table.rows ?? [] }]) {
      for (const row of part.rows) if (row.kind !== 'group') for (const c of part.columns) ids.push(`${row.id}/${c.id}`);
    }
  }
  return ids;
}
