// What the reader finds in a published annual report, and the contracts between its parts. Pure types.
//
//   bytes ──inputs/──▶ text ──normalize──▶ Line[] ──meta──▶ agency, years, format, sections
//                                             ├──tables/modern (fmt2019, fmt2021) ─┐
//                                             ├──tables/legacy (national, 山东, 福建累计)├─▶ Figure[] ──▶ cells, sources
//                                             └──prose (figures stated in sentences)─┘          └──checks──▶ Check[]
import type { FormatId, Severity } from '../reports/formats.ts';

export type { FormatId, Severity };

/** A legacy-table variant, as in formats.json (`variants[].id`); null for the national table or a modern format. */
export type VariantId = 'shandong' | 'fujian_cumulative';

/** "<row id>/<column id>" of formats.json; legacy rows "<row id>/value" (福建累计 also "<row id>/cumulative"). */
export type CellId = string;

/** One line of the normalised text; `no` is the 1-based line number in the text the input gave. */
export interface Line {
  no: number;
  /** Normalised: half-width digits and ASCII punctuation where it matters, simplified characters, trimmed. */
  text: string;
  /** The line as it was in the input (for showing the source). */
  raw: string;
  /** Web-page furniture (索引号, 发布机构, 字体, 打印, 关闭 …): table and prose readers skip it. */
  furniture?: boolean;
  /** The text split at | and trimmed, made once when first asked (normalize.cellsOf) for every reader. */
  cells?: readonly string[] | undefined;
  /** Which of the characters the readers look for the text has, worked out once when first asked (normalize.lineHas). */
  marks?: number | undefined;
}

/** A number found in the report, with where it was found. Several figures may name one cell (table and prose). */
export interface Figure {
  id: CellId;
  /** null = "not reported" (blank, -, —, /), never 0. */
  value: number | null;
  from: 'table' | 'prose';
  line: number;
  /** The source text (the table row or the sentence) the figure was read from. */
  text: string;
  /** The unit the report states for a cell whose unit the format leaves open (采购总金额: 元 or 万元). */
  unit?: string;
}

/** Where a cell's figure was read. */
export interface Source {
  line: number;
  text: string;
  from: 'table' | 'prose';
  /** See Figure.unit. */
  unit?: string;
}

export interface Years {
  /** 2022年政府信息公开工作年度报告 */
  title: number | null;
  /** 统计期限自2022年1月1日起至2022年12月31日止 */
  period: number | null;
  /** The year range the detected table format was used for (fmt2021 → 2021 onward) is not one year: the
   *  earliest year of that range, to flag a template that cannot belong to the stated year. */
  template: number | null;
}

export interface Sections {
  /** Parts the introduction says the report consists of (本报告包括……/由……组成). */
  announced: string[];
  /** Top-level headings actually present (一、… 二、…). */
  present: { label: string; line: number }[];
}

export interface ReportMeta {
  agency: string | null;
  years: Years;
  /** The report year: the title's, else the period's; null when neither is stated. */
  year: number | null;
  format: FormatId | null;
  variant: VariantId | null;
  sections: Sections;
}

export type CheckStatus = 'holds' | 'fails' | 'not_checkable';

export interface Check {
  /** A relation id of formats.json (t3.balance, legacy.received_sum …) or one of the reader's own
   *  (narrative_vs_table, percent_vs_counts, year_mismatch, sections_announced …). */
  id: string;
  severity: Severity;
  status: CheckStatus;
  /** Chinese, naming the cells involved, e.g. 「三、本年度办理结果（七）总计」自然人列 201 ≠ … */
  message: string;
  values: Record<CellId, number | null>;
}

/** What one part of the reader returns: figures it is sure of, and warnings for what it left out. */
export interface Found {
  figures: Figure[];
  warnings: string[];
}

/** The result for one file (the JSON of `gongkai parse --json`, one object per file). */
export interface ParsedReport {
  file: string;
  agency: string | null;
  year: number | null;
  years: Years;
  format: FormatId | null;
  variant: VariantId | null;
  /** Table figures first; a prose figure fills a cell only where no table gave it. */
  cells: Record<CellId, number | null>;
  sources: Record<CellId, Source>;
  /** Every figure found, including prose figures that repeat a table cell (the checks compare them). */
  figures: Figure[];
  /** The parts the report announces and has (from readMeta); the section checks read them. Absent, the checks
   *  read the lines again. */
  sections?: Sections;
  checks: Check[];
  warnings: string[];
  /** Set when the file could not be read at all; the other fields are then empty. */
  error?: string;
}

/** A failure to read an input at all (not a report, not decodable, too large): a Chinese message. */
export class ReaderError extends Error {}
