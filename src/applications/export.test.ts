import { test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { exportColumns, maskRow, toCsv, toXlsx, type ExportRow } from './export.ts';

const person: ExportRow = {
  number: '0020240001',
  receivedOn: '2024-03-01',
  applicant: '张三',
  applicantKind: '自然人',
  idKind: 'resident_id_card',
  idNumber: '11010519491231002X',
  phone: '13812345678',
  address: '山东省济南市历下区解放路12号3单元501',
  email: 'zhangsan@example.com',
  description: '2023年本市老旧小区改造项目清单',
  department: '住房和城乡建设局',
  state: '已答复',
  dueOn: '2024-03-22',
  answeredOn: '2024-03-20',
  reply: '予以公开',
  deliveredOn: '2024-03-21',
  onTime: '是',
};

const company: ExportRow = {
  number: '0020240002',
  receivedOn: '2024-03-04',
  applicant: '某某科技有限公司',
  applicantKind: '法人或者其他组织',
  idKind: 'credit_code',
  idNumber: '91370000163044841F',
  phone: '0531-88886666',
  address: null,
  email: null,
  description: '某项目环评批复',
  department: null,
  state: '办理中',
  dueOn: '2024-03-25',
  answeredOn: null,
  reply: null,
  deliveredOn: null,
  onTime: null,
};

/** The personal values of `person` that must never leave unmasked. */
const secrets = ['11010519491231002X', '19491231', '13812345678', '1234', '解放路12号', 'zhangsan'];

/** A small RFC 4180 reader, written here so the tests do not reuse the writer's logic. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i += 1;
    } else field += c;
  }
  assert.equal(field, '', 'the last record ends with CRLF');
  assert.equal(record.length, 0);
  return records;
}

/** The text of every entry of an XLSX (a ZIP), sharedStrings.xml included. */
function xlsxTexts(bytes: Uint8Array): Map<string, string> {
  const entries = unzipSync(bytes);
  const decoder = new TextDecoder('utf-8');
  return new Map(Object.entries(entries).map(([name, data]) => [name, decoder.decode(data)]));
}

async function readXlsx(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return workbook;
}

// --- columns ------------------------------------------------------------------------------------------------

test('the columns are the sixteen of the export, in order, each once', () => {
  assert.deepEqual(
    exportColumns.map((c) => c.header),
    ['申请编号', '收到日期', '申请人', '申请人类型', '证件号码', '联系电话', '通讯地址', '电子邮箱', '所需信息', '承办部门',
      '状态', '答复期限', '答复日期', '答复类型', '送达日期', '是否按时'],
  );
  assert.equal(new Set(exportColumns.map((c) => c.id)).size, exportColumns.length);
  assert.deepEqual(
    exportColumns.filter((c) => c.personal).map((c) => c.id),
    ['idNumber', 'phone', 'address', 'email'],
  );
});

test('maskRow changes exactly the personal columns', () => {
  const masked = maskRow(person);
  for (const column of exportColumns) {
    if (column.personal) assert.notEqual(masked[column.id], person[column.id], column.header);
    else assert.equal(masked[column.id], person[column.id], column.header);
  }
  assert.deepEqual(
    [masked.idNumber, masked.phone, masked.address, masked.email],
    ['11**************2X', '138****5678', '山东省济南市历下区****', 'z***@example.com'],
  );
  assert.equal(maskRow(company).idNumber, '91370000163044841F', 'an organisation credit code is public');
});

// --- CSV ----------------------------------------------------------------------------------------------------

test('CSV: BOM, header row, CRLF after every record', () => {
  const csv = toCsv([person, company]);
  assert.ok(csv.startsWith('\uFEFF申请编号,收到日期,申请人,'));
  assert.ok(csv.endsWith('\r\n'));
  assert.equal(csv.split('\r\n').length, 4, 'header, two rows, and the empty rest after the last CRLF');
  assert.doesNotMatch(csv.replaceAll('\r\n', ''), /[\r\n]/);
  const records = parseCsv(csv.slice(1));
  assert.deepEqual(records[0], exportColumns.map((c) => c.header));
  assert.deepEqual(records[2], [
    '0020240002', '2024-03-04', '某某科技有限公司', '法人或者其他组织', '91370000163044841F', '0531-******66', '', '', '某项目环评批复',
    '', '办理中', '2024-03-25', '', '', '', '',
  ]);
});

test('CSV: commas, quotes and line breaks are quoted and read back unchanged', () => {
  const description = '关于"老旧小区",改造的\n批复，及其附件\r\n第二行';
  const csv = toCsv([{ ...person, description, department: 'a,b' }]);
  assert.ok(csv.includes('"关于""老旧小区"",改造的\n批复，及其附件\r\n第二行"'));
  const records = parseCsv(csv.slice(1));
  assert.equal(records.length, 2);
  assert.equal(records[1]?.[8], description);
  assert.equal(records[1]?.[9], 'a,b');
  assert.equal(records[1]?.[2], '张三', 'fields without special characters are not quoted');
  assert.ok(csv.includes(',张三,'));
});

test('CSV: a cell that would start a formula gets a leading apostrophe', () => {
  const starts = ['=HYPERLINK("http://x","点我")', '+1+1', '-2+3', '@SUM(A1)', '\tx', '\rx'];
  for (const start of starts) {
    const records = parseCsv(toCsv([{ ...person, applicant: start, description: `正文${start}` }]).slice(1));
    assert.equal(records[1]?.[2], `'${start}`, JSON.stringify(start));
    assert.equal(records[1]?.[8], `正文${start}`, 'only the first character counts');
  }
});

test('CSV: masked by default — the full id number, phone, address and e-mail never appear', () => {
  for (const csv of [toCsv([person]), toCsv([person], {}), toCsv([person], { reveal: false })]) {
    for (const secret of secrets) assert.ok(!csv.includes(secret), secret);
    assert.ok(csv.includes('11**************2X'));
    assert.ok(csv.includes('138****5678'));
  }
  const notBoolean = { reveal: 'true' } as unknown as { reveal: boolean };
  assert.ok(!toCsv([person], notBoolean).includes('13812345678'), 'only reveal: true reveals');
});

test('CSV: with reveal the personal fields appear in full', () => {
  const csv = toCsv([person], { reveal: true });
  for (const value of [person.idNumber, person.phone, person.address, person.email]) assert.ok(csv.includes(value ?? '?'));
});

// --- XLSX ---------------------------------------------------------------------------------------------------

test('XLSX: masked by default — no entry of the archive holds the full id number or phone', async () => {
  for (const bytes of [await toXlsx([person]), await toXlsx([person], { reveal: false })]) {
    const texts = xlsxTexts(bytes);
    assert.ok(texts.has('xl/sharedStrings.xml'));
    for (const [name, text] of texts) {
      for (const secret of secrets) assert.ok(!text.includes(secret), `${secret} in ${name}`);
    }
    assert.ok(texts.get('xl/sharedStrings.xml')?.includes('11**************2X'));
  }
});

test('XLSX: with reveal the id number and phone are in the shared strings', async () => {
  const strings = xlsxTexts(await toXlsx([person], { reveal: true })).get('xl/sharedStrings.xml') ?? '';
  assert.ok(strings.includes('11010519491231002X'));
  assert.ok(strings.includes('13812345678'));
  assert.ok(strings.includes('解放路12号'));
});

test('XLSX: read back, it has the headers, the values, a bold frozen header and text columns', async () => {
  const workbook = await readXlsx(await toXlsx([person, { ...company, description: '=1+1' }], { reveal: true }));
  const sheet = workbook.worksheets[0];
  assert.ok(sheet);
  assert.equal(sheet.name, '政府信息公开申请');
  assert.equal(sheet.rowCount, 3);
  const values = (n: number): unknown[] => (sheet.getRow(n).values as unknown[]).slice(1);
  assert.deepEqual(values(1), exportColumns.map((c) => c.header));
  assert.deepEqual(values(2), exportColumns.map((c) => person[c.id]));
  assert.equal(sheet.getRow(1).getCell(1).font?.bold, true);
  const view = sheet.views[0];
  assert.equal(view?.state, 'frozen');
  assert.equal(view?.state === 'frozen' ? view.ySplit : undefined, 1);
  exportColumns.forEach((column, i) => {
    assert.equal(sheet.getColumn(i + 1).width, column.width, column.header);
    const cell = sheet.getRow(2).getCell(i + 1);
    assert.equal(cell.type, ExcelJS.ValueType.String, column.header);
    assert.equal(cell.numFmt === '@', column.text, `${column.header} text format`);
  });
  assert.equal(sheet.getRow(2).getCell(1).value, '0020240001', 'leading zeros kept');
  const formula = sheet.getRow(3).getCell(9);
  assert.equal(formula.value, '=1+1');
  assert.equal(formula.type, ExcelJS.ValueType.String, 'user text is never a formula');
  assert.equal(sheet.getRow(3).getCell(7).value, null, 'an empty field is an empty cell');
});

test('XLSX: the sheet name is cleaned for Excel', async () => {
  const named = async (sheetName: string): Promise<string | undefined> =>
    (await readXlsx(await toXlsx([], { sheetName }))).worksheets[0]?.name;
  assert.equal(await named('2024年[一季度]:申请'), '2024年_一季度__申请');
  assert.equal(await named('很长'.repeat(20)), '很长'.repeat(15) + '很');
  assert.equal(await named('  '), '政府信息公开申请');
});

test('XLSX: characters XML cannot carry are dropped instead of breaking the file', async () => {
  const workbook = await readXlsx(await toXlsx([{ ...person, description: 'a\u0000b\u0007c\ud800d' }]));
  assert.equal(workbook.worksheets[0]?.getRow(2).getCell(9).value, 'abcd');
});
