import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  looksLikeResidentIdNumber,
  maskAddress,
  maskContact,
  maskDocument,
  maskEmail,
  maskIdNumber,
  maskName,
  maskPhone,
  maskPostcode,
  type ApplicantContact,
} from './privacy.ts';

const RUNS = 500;

// --- generators -------------------------------------------------------------------------------------------

const digits = (length: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: length, maxLength: length }).map((d) => d.join(''));
const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** The check character of GB 11643 (ISO 7064 MOD 11-2), computed here from the standard's definition. */
function checkCharacter(body: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(body[i]) * (2 ** (17 - i) % 11);
  return '10X98765432'[sum % 11] ?? '?';
}

/** Well-formed 18-digit 居民身份证 numbers: region, birth date, sequence, check character. */
const residentIds = fc
  .record({
    region: fc.integer({ min: 110000, max: 659999 }),
    year: fc.integer({ min: 1900, max: 2025 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 28 }),
    sequence: digits(3),
  })
  .map(({ region, year, month, day, sequence }) => {
    const body = `${region}${year}${pad(month, 2)}${pad(day, 2)}${sequence}`;
    return body + checkCharacter(body);
  });

const mobiles = fc
  .tuple(fc.constantFrom('13', '14', '15', '16', '17', '18', '19'), digits(9))
  .map(([head, rest]) => head + rest);

const prefixes = [
  '山东省济南市历下区',
  '北京市朝阳区',
  '上海市浦东新区',
  '江苏省苏州市昆山市',
  '广东省广州市天河区',
  '河北省石家庄市',
  '济南市历下区',
  '内蒙古自治区',
];
const streets = ['解放路', '建国路', '经十路', '世纪大道', '人民街', '幸福巷', '光明小区', '花园村'];
const addresses = fc
  .tuple(fc.constantFrom(...prefixes), fc.constantFrom(...streets), fc.integer({ min: 1, max: 999 }), digits(3))
  .map(([prefix, street, house, room]) => ({ prefix, address: `${prefix}${street}${house}号${room}室` }));

/** Any text, including whitespace, stars and characters outside the BMP. */
const anyText = fc.string({ unit: 'binary', maxLength: 40 });

const visible = (s: string): string[] => Array.from(s).filter((c) => c !== '*');

/** Whether every visible character of `inner` appears, in order, among the visible characters of `outer`. */
function isSubsequence(inner: string[], outer: string[]): boolean {
  let at = 0;
  for (const c of outer) if (at < inner.length && inner[at] === c) at += 1;
  return at === inner.length;
}

const masks: Record<string, (s: string) => string> = {
  maskIdNumber,
  maskPhone,
  maskAddress,
  maskEmail,
  maskName,
  maskPostcode,
  'maskDocument(credit_code)': (s) => maskDocument('credit_code', s),
};

// --- 证件号码 -----------------------------------------------------------------------------------------------

test('the generator makes numbers the validator accepts (so the properties below use real-looking ids)', () => {
  fc.assert(fc.property(residentIds, (id) => looksLikeResidentIdNumber(id)), { numRuns: RUNS });
  assert.equal(looksLikeResidentIdNumber('11010519491231002X'), true);
  assert.equal(looksLikeResidentIdNumber('110105194912310021'), false, 'wrong check character');
  assert.equal(looksLikeResidentIdNumber('110105194913310026'), false, 'month 13');
});

test('a masked id number contains no 6-character run of the region and birth date (positions 3–16)', () => {
  fc.assert(
    fc.property(residentIds, (id) => {
      const masked = maskIdNumber(id);
      for (let i = 2; i + 6 <= 16; i += 1) {
        if (masked.includes(id.slice(i, i + 6))) return false;
      }
      return [...masked.slice(2, 16)].every((c) => c === '*');
    }),
    { numRuns: RUNS },
  );
});

test('masking keeps the length of id numbers and shows at most the first 2 and last 2 characters', () => {
  fc.assert(
    fc.property(fc.oneof(residentIds, anyText), (s) => {
      const chars = Array.from(s.trim());
      const masked = Array.from(maskIdNumber(s));
      if (masked.length !== chars.length) return false;
      return masked.every((c, i) => c === '*' || (chars.length >= 8 && (i < 2 || i >= chars.length - 2) && c === chars[i]));
    }),
    { numRuns: RUNS },
  );
});

test('id numbers: examples', () => {
  assert.equal(maskIdNumber('11010519491231002X'), '11**************2X');
  assert.equal(maskIdNumber(' 11010519491231002X '), '11**************2X');
  assert.equal(maskIdNumber('110105491231002'), '11***********02', '15-digit number of the first generation');
  assert.equal(maskIdNumber('E12345678'), 'E1*****78', 'passport');
  assert.equal(maskIdNumber('H1234567'), 'H1****67');
  assert.equal(maskIdNumber('AB1234'), '******', 'short values are hidden entirely');
  assert.equal(maskIdNumber(''), '');
});

test('an organisation credit code stays; every person document is masked, failing closed', () => {
  const credit = '91370000163044841F';
  assert.equal(maskDocument('credit_code', credit), credit);
  assert.equal(maskDocument('统一社会信用代码', credit), credit);
  assert.equal(maskDocument('resident_id_card', credit), '91**************1F');
  assert.equal(maskDocument(undefined, credit), '91**************1F', 'no kind: a person document');
  assert.equal(maskDocument('passport', 'E12345678'), 'E1*****78');
  assert.equal(maskDocument('credit_code', '11010519491231002X'), '11**************2X', 'a resident id under the wrong kind');
  assert.equal(maskDocument('credit_code', 'E12345678'), 'E1*****78', 'not shaped like a credit code');
});

// --- 联系电话 -----------------------------------------------------------------------------------------------

test('a masked mobile number keeps 3 + 4 digits and never the middle 4', () => {
  fc.assert(
    fc.property(mobiles, (phone) => maskPhone(phone) === `${phone.slice(0, 3)}****${phone.slice(7)}`),
    { numRuns: RUNS },
  );
});

test('phones: examples', () => {
  assert.equal(maskPhone('13812345678'), '138****5678');
  assert.equal(maskPhone('138 1234 5678'), '138****5678');
  assert.equal(maskPhone('+86 138-1234-5678'), '+86 138****5678');
  assert.equal(maskPhone('0531-88886666'), '0531-******66');
  assert.equal(maskPhone('(010)12345678'), '010-******78');
  assert.equal(maskPhone('01012345678'), '010-******78', 'no separator: 010 is a 3-digit area code');
  assert.equal(maskPhone('0531-8888666'), '0531-*****66', '7-digit local number');
  assert.equal(maskPhone('0531-88886666转8001'), '0531-******66', 'extension dropped');
  assert.equal(maskPhone('400-123-4567'), '**********67');
  assert.equal(maskPhone('12345'), '*****');
});

// --- 通讯地址 -----------------------------------------------------------------------------------------------

test('a masked address is its administrative prefix and ****, with no street, number or room', () => {
  fc.assert(
    fc.property(addresses, ({ prefix, address }) => maskAddress(address) === `${prefix}****`),
    { numRuns: RUNS },
  );
});

test('a masked address never contains a digit, whatever the input', () => {
  fc.assert(
    fc.property(fc.oneof(anyText, addresses.map((a) => a.address)), (s) => !/[0-9０-９]/.test(maskAddress(s))),
    { numRuns: RUNS },
  );
});

test('addresses: examples', () => {
  assert.equal(maskAddress('山东省济南市历下区解放路12号3单元501'), '山东省济南市历下区****');
  assert.equal(maskAddress('北京市朝阳区建国路88号'), '北京市朝阳区****');
  assert.equal(maskAddress('上海市浦东新区世纪大道100号'), '上海市浦东新区****');
  assert.equal(maskAddress('江苏省苏州市昆山市花桥镇商务大道1号'), '江苏省苏州市昆山市****');
  assert.equal(maskAddress('广西壮族自治区南宁市青秀区民族大道1号'), '广西壮族自治区南宁市****', 'at most 10 characters');
  assert.equal(maskAddress('新疆维吾尔自治区乌鲁木齐市天山区1号'), '新疆维吾尔自治区****');
  assert.equal(maskAddress('济南市阳光小区5号楼'), '济南市****', 'a 小区 is not a district');
  assert.equal(maskAddress('山东省济南市解放路东首市场'), '山东省济南市****', 'a street is not a county');
  assert.equal(maskAddress(' 山东省 济南市 历下区 解放路12号'), '山东省济南市历下区****');
  assert.equal(maskAddress('解放路12号'), '****');
  assert.equal(maskAddress('山东省济南市历下区'), '山东省济南市历下区****');
});

// --- 电子邮箱, 邮编, 姓名 --------------------------------------------------------------------------------------

test('e-mail, postcode and name: examples', () => {
  assert.equal(maskEmail('zhangsan@example.com'), 'z***@example.com');
  assert.equal(maskEmail(' Zhang.San+gk@mail.example.cn '), 'Z***@mail.example.cn');
  assert.equal(maskEmail('no-at-sign'), 'n***');
  assert.equal(maskPostcode('250014'), '2500**');
  assert.equal(maskPostcode('25001'), '*****');
  assert.equal(maskName('张三'), '张*');
  assert.equal(maskName('王小明'), '王**');
  assert.equal(maskName('欧阳娜娜'), '欧阳**');
  assert.equal(maskName('欧阳修'), '欧阳*');
  assert.equal(maskName('欧阳'), '欧*', 'two characters: a one-character surname');
  assert.equal(maskName('阿卜杜拉·艾则孜'), '阿***·***');
  assert.equal(maskName('John Smith'), 'J*** *****');
  assert.equal(maskName('张'), '*');
});

// --- all masks ----------------------------------------------------------------------------------------------

const maskedInputs = fc.oneof(anyText, residentIds, mobiles, addresses.map((a) => a.address), fc.emailAddress());
for (const [name, mask] of Object.entries(masks)) {
  test(`${name}: masking a masked value never reveals more than the first mask`, () => {
    fc.assert(
      fc.property(maskedInputs, (s) => {
        const once = mask(s);
        return isSubsequence(visible(mask(once)), visible(once));
      }),
      { numRuns: RUNS, examples: [['0531-88886666'], ['+86 13812345678'], ['欧阳娜娜'], ['91370000163044841F']] },
    );
  });
}

test('ids, addresses, e-mails, names and postcodes are fixed points of their mask', () => {
  const cases: [(s: string) => string, fc.Arbitrary<string>][] = [
    [maskIdNumber, fc.oneof(residentIds, anyText)],
    [maskAddress, fc.oneof(addresses.map((a) => a.address), anyText)],
    [maskEmail, fc.oneof(fc.emailAddress(), anyText)],
    [maskName, fc.oneof(fc.constantFrom('张三', '欧阳娜娜', '阿卜杜拉·艾则孜'), anyText)],
    [maskPostcode, fc.oneof(digits(6), anyText)],
  ];
  for (const [mask, values] of cases) {
    fc.assert(fc.property(values, (s) => mask(mask(s)) === mask(s)), { numRuns: RUNS });
  }
});

// --- maskContact --------------------------------------------------------------------------------------------

test('maskContact masks every personal field and keeps the name and the credit code', () => {
  const contact: ApplicantContact = {
    name: '张三',
    idKind: 'resident_id_card',
    idNumber: '11010519491231002X',
    creditCode: '91370000163044841F',
    phone: '13812345678',
    email: 'zhangsan@example.com',
    address: '山东省济南市历下区解放路12号3单元501',
    postcode: '250014',
  };
  const before = structuredClone(contact);
  assert.deepEqual(maskContact(contact), {
    name: '张三',
    idKind: 'resident_id_card',
    idNumber: '11**************2X',
    creditCode: '91370000163044841F',
    phone: '138****5678',
    email: 'z***@example.com',
    address: '山东省济南市历下区****',
    postcode: '2500**',
  });
  assert.deepEqual(contact, before, 'the input is not changed');
  assert.equal(maskContact(contact, { name: true }).name, '张*', 'public pages');
});

test('maskContact keeps null, empty and absent fields, and drops properties it does not know', () => {
  assert.deepEqual(maskContact({ name: '某某公司', idNumber: null, phone: '', email: null }), {
    name: '某某公司',
    idNumber: null,
    phone: '',
    email: null,
  });
  const wider = { name: '李四', phone: '13812345678', mobileBackup: '13987654321' };
  assert.deepEqual(maskContact(wider), { name: '李四', phone: '138****5678' });
});

test('an organisation applicant keeps its credit code in idNumber when the kind says so', () => {
  const masked = maskContact({ name: '某某公司', idKind: 'credit_code', idNumber: '91370000163044841F' });
  assert.equal(masked.idNumber, '91370000163044841F');
});
