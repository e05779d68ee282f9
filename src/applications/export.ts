// Export of cases (依申请公开) to CSV and XLSX. The columns are data below; personal fields are masked unless
// the caller reveals them explicitly — which it may do only for a user who handles every case in the rows
// (DESIGN §4).
import ExcelJS from 'exceljs';
import { maskContact, type ApplicantContact } from './privacy.ts';

/** One case as a row of the export; labels are already in Chinese, dates are `YYYY-MM-DD`. */
export interface ExportRow {
  /** 申请编号 */
  number: string;
  /** 收到日期 */
  receivedOn: string;
  /** 申请人: shown in full, like in the staff lists. */
  applicant: string;
  /** 申请人类型 */
  applicantKind: string;
  /**
   * Kind of the document in `idNumber` (not a column): an organisation's 统一社会信用代码 (`credit_code`) stays
   * unmasked; any other kind, or none, is a person's document and is masked.
   */
  idKind?: string | null;
  /** 证件号码 */
  idNumber: string | null;
  /** 联系电话 */
  phone: string | null;
  /** 通讯地址 */
  address: string | null;
  /** 电子邮箱 */
  email: string | null;
  /** 所需信息 */
  description: string;
  /** 承办部门 */
  department: string | null;
  /** 状态 */
  state: string;
  /** 答复期限 */
  dueOn: string | null;
  /** 答复日期 */
  answeredOn: string | null;
  /** 答复类型 */
  reply: string | null;
  /** 送达日期 */
  deliveredOn: string | null;
  /** 是否按时 */
  onTime: string | null;
}

export type ExportColumnId = Exclude<keyof ExportRow, 'idKind'>;

export interface ExportColumn {
  id: ExportColumnId;
  header: string;
  /** Width in Excel character units. */
  width: number;
  /** Personal data: masked unless the export is revealed. */
  personal: boolean;
  /** Formatted as text in XLSX, so Excel keeps every digit and leading zero when the cell is edited. */
  text: boolean;
}

export const exportColumns: readonly ExportColumn[] = [
  { id: 'number', header: '申请编号', width: 18, personal: false, text: true },
  { id: 'receivedOn', header: '收到日期', width: 12, personal: false, text: false },
  { id: 'applicant', header: '申请人', width: 16, personal: false, text: false },
  { id: 'applicantKind', header: '申请人类型', width: 14, personal: false, text: false },
  { id: 'idNumber', header: '证件号码', width: 22, personal: true, text: true },
  { id: 'phone', header: '联系电话', width: 16, personal: true, text: true },
  { id: 'address', header: '通讯地址', width: 36, personal: true, text: false },
  { id: 'email', header: '电子邮箱', width: 24, personal: true, text: false },
  { id: 'description', header: '所需信息', width: 48, personal: false, text: false },
  { id: 'department', header: '承办部门', width: 18, personal: false, text: false },
  { id: 'state', header: '状态', width: 12, personal: false, text: false },
  { id: 'dueOn', header: '答复期限', width: 12, personal: false, text: false },
  { id: 'answeredOn', header: '答复日期', width: 12, personal: false, text: false },
  { id: 'reply', header: '答复类型', width: 20, personal: false, text: false },
  { id: 'deliveredOn', header: '送达日期', width: 12, personal: false, text: false },
  { id: 'onTime', header: '是否按时', width: 10, personal: false, text: false },
];

export interface ExportOptions {
  /**
   * Personal fields in full. Only `true` reveals; leaving it out masks. The caller must have checked that the
   * user handles every case in the rows.
   */
  reveal?: boolean;
}

export interface XlsxOptions extends ExportOptions {
  /** Worksheet name; characters Excel forbids are replaced, and it is cut to 31 characters. */
  sheetName?: string;
}

/** A copy of the row with 证件号码, phone, address and e-mail masked by privacy.ts. */
export function maskRow(row: ExportRow): ExportRow {
  const contact: ApplicantContact = {
    name: row.applicant,
    idNumber: row.idNumber,
    phone: row.phone,
    address: row.address,
    email: row.email,
  };
  if (row.idKind != null) contact.idKind = row.idKind;
  const masked = maskContact(contact);
  return {
    ...row,
    idNumber: masked.idNumber ?? null,
    phone: masked.phone ?? null,
    address: masked.address ?? null,
    email: masked.email ?? null,
  };
}

/** The cells of a row in column order; masked unless `reveal` is exactly `true`. */
function cellsOf(row: ExportRow, options: ExportOptions): (string | null)[] {
  const shown = options.reveal === true ? row : maskRow(row);
  return exportColumns.map((column) => shown[column.id]);
}

// ---------------------------------------------------------------------------------------------------------
// CSV

const BOM = '\uFEFF';
const CRLF = '\r\n';
/** First characters that make Excel and other spreadsheets read a cell as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV field: formula-injection guard (leading `'`), then RFC 4180 quoting. */
function csvField(value: string | null): string {
  let text = value ?? '';
  if (FORMULA_START.test(text)) text = `'${text}`;
  if (/[",\r\n]/.test(text)) text = `"${text.replaceAll('"', '""')}"`;
  return text;
}

/**
 * The rows as CSV: UTF-8 byte order mark (so Excel reads the Chinese), a header row, CRLF after every record,
 * RFC 4180 quoting, and a leading `'` on any cell that would start a formula. Masked unless `{ reveal: true }`.
 */
export function toCsv(rows: readonly ExportRow[], options: ExportOptions = {}): string {
  const records = [exportColumns.map((column) => column.header), ...rows.map((row) => cellsOf(row, options))];
  return BOM + records.map((cells) => cells.map(csvField).join(',') + CRLF).join('');
}

// ---------------------------------------------------------------------------------------------------------
// XLSX

const DEFAULT_SHEET_NAME = '政府信息公开申请';
const SHEET_NAME_MAX = 31;
/** Excel refuses a cell longer than this. */
const CELL_MAX = 32_767;
/** Characters XML 1.0 cannot carry: they would make the workbook unreadable. */
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function sheetNameOf(name: string | undefined): string {
  const cleaned = (name ?? '').replace(/[[\]:*?/\\]/g, '_').replace(/^'+|'+$/g, '').trim();
  const cut = Array.from(cleaned).slice(0, SHEET_NAME_MAX).join('');
  return cut === '' ? DEFAULT_SHEET_NAME : cut;
}

/** A cell's text as XLSX can hold it: empty → no value, invalid XML characters dropped, cut to Excel's limit. */
function xlsxCell(value: string | null): string | null {
  if (value == null || value === '') return null;
  const text = value.replace(XML_INVALID, '');
  return text.length > CELL_MAX ? `${text.slice(0, CELL_MAX - 1).replace(/[\uD800-\uDBFF]$/, '')}…` : text;
}

/**
 * The rows as an XLSX workbook of one sheet: bold frozen header row, the column widths above, text format for
 * the columns marked `text`. Every value is written as a string, never a formula. Masked unless `{ reveal: true }`.
 */
export async function toXlsx(rows: readonly ExportRow[], options: XlsxOptions = {}): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Gongkai';
  const sheet = workbook.addWorksheet(sheetNameOf(options.sheetName), {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }],
  });
  sheet.columns = exportColumns.map((column) => ({
    header: column.header,
    key: column.id,
    width: column.width,
    style: column.text ? { numFmt: '@' } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(cellsOf(row, options).map(xlsxCell));
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer);
}
