// Check characters are worked out here from the standards' own definitions (Σ over all 18 positions ≡ 1 mod 11
// for GB 11643 with weights 2^(18-i); ≡ 0 mod 31 for GB 32100 with weights 3^(i-1)), by trying every candidate —
// not with the formula the implementation uses.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { checkCreditCode, checkIdCardNumber, checkPhone, checkPostcode } from './identity.ts';

const TODAY = '2025-06-30';

function idCheckByDefinition(first17: string): string {
  const value = (c: string) => (c === 'X' ? 10 : Number(c));
  for (const candidate of '0123456789X') {
    const all = first17 + candidate;
    let sum = 0;
    for (let i = 1; i <= 18; i++) sum += value(all[i - 1]!) * (2 ** (18 - i) % 11);
    if (sum % 11 === 1) return candidate;
  }
  throw new Error('no check digit');
}

const CREDIT = '0123456789ABCDEFGHJKLMNPQRTUWXY';

function creditCheckByDefinition(first17: string): string {
  for (const candidate of CREDIT) {
    const all = first17 + candidate;
    let sum = CREDIT.indexOf(candidate);
    for (let i = 1; i <= 17; i++) sum += CREDIT.indexOf(all[i - 1]!) * (3 ** (i - 1) % 31);
    if (sum % 31 === 0) return candidate;
  }
  throw new Error('no check character');
}

const message = (r: { ok: boolean; message?: string }) => (r.ok ? '(ok)' : r.message);

// --- 居民身份证号码 -------------------------------------------------------------------------------

test('id card: the examples printed in GB 11643-1999 are valid', () => {
  assert.deepEqual(checkIdCardNumber('11010519491231002X', TODAY), { ok: true, value: '11010519491231002X', birthDate: '1949-12-31' });
  assert.deepEqual(checkIdCardNumber('440524188001010014', TODAY), { ok: true, value: '440524188001010014', birthDate: '1880-01-01' });
  assert.equal(idCheckByDefinition('11010519491231002'), 'X');
});

test('id card: numbers made by the definition are valid, with their birth date', () => {
  const birthDay = fc.date({ min: new Date('1900-01-01'), max: new Date('2025-06-30'), noInvalidDate: true });
  const body = fc
    .tuple(fc.integer({ min: 100000, max: 999999 }), birthDay, fc.integer({ min: 0, max: 999 }))
    .map(([region, day, seq]) => {
      const birth = day.toISOString().slice(0, 10);
      return { first17: `${region}${birth.replaceAll('-', '')}${String(seq).padStart(3, '0')}`, birth };
    });
  fc.assert(
    fc.property(body, ({ first17, birth }) => {
      const number = first17 + idCheckByDefinition(first17);
      assert.deepEqual(checkIdCardNumber(number, TODAY), { ok: true, value: number, birthDate: birth });
    }),
  );
});

test('id card: input is normalised — lower-case x, full-width digits, spaces', () => {
  assert.deepEqual(checkIdCardNumber(' 110105 19491231 002x ', TODAY), { ok: true, value: '11010519491231002X', birthDate: '1949-12-31' });
  assert.equal(checkIdCardNumber('１１０１０５１９４９１２３１００２Ｘ', TODAY).ok, true);
});

test('id card: every single-character change and every swap of neighbours is rejected', () => {
  const made = `32031119700101001${idCheckByDefinition('32031119700101001')}`;
  for (const valid of ['11010519491231002X', '440524188001010014', made]) {
    assert.equal(checkIdCardNumber(valid, TODAY).ok, true, valid);
    for (let i = 0; i < 18; i++) {
      for (const c of '0123456789X') {
        if (c === valid[i]) continue;
        const changed = valid.slice(0, i) + c + valid.slice(i + 1);
        assert.equal(checkIdCardNumber(changed, TODAY).ok, false, changed);
      }
      if (i < 17 && valid[i] !== valid[i + 1]) {
        const swapped = valid.slice(0, i) + valid[i + 1] + valid[i] + valid.slice(i + 2);
        assert.equal(checkIdCardNumber(swapped, TODAY).ok, false, swapped);
      }
    }
  }
});

test('id card: each fault has its own message', () => {
  const cases: [string, string][] = [
    ['', '请填写身份证号码'],
    ['110105194912310', '身份证号码应为 18 位；15 位的第一代居民身份证号码已停止使用'],
    ['1101051949123100', '身份证号码应为 18 位，现为 16 位'],
    ['11010519491231002X1', '身份证号码应为 18 位，现为 19 位'],
    ['1101051949123100X2', '身份证号码第 17 位「X」不是数字：前 17 位应为数字'],
    ['11010519491231002Y', '身份证号码第 18 位「Y」无效：应为数字或 X'],
    ['01010519491231002X', '身份证号码第 1 位（地址码）不能为 0'],
    ['110105202302300000', '身份证号码中的出生日期 2023-02-30 不存在'],
    ['110105190002290000', '身份证号码中的出生日期 1900-02-29 不存在'],
    ['110105202507010000', '身份证号码中的出生日期 2025-07-01 晚于今天（2025-06-30）'],
    ['110105194912310021', '身份证号码校验位错误：按前 17 位计算应为 X，现为 1'],
    ['44052418800101001X', '身份证号码校验位错误：按前 17 位计算应为 4，现为 X'],
  ];
  for (const [input, expected] of cases) assert.equal(message(checkIdCardNumber(input, TODAY)), expected, input);
  // 2000 was a leap year; born today is fine.
  const leap = '11010520000229001';
  assert.equal(checkIdCardNumber(leap + idCheckByDefinition(leap), TODAY).ok, true);
  const bornToday = '11010520250630001';
  assert.equal(checkIdCardNumber(bornToday + idCheckByDefinition(bornToday), TODAY).ok, true);
});

// --- 统一社会信用代码 -----------------------------------------------------------------------------

// The sample code cited in explanations of GB 32100, and codes of three large companies as they appear in
// their published registrations (小米科技有限责任公司, 深圳市腾讯计算机系统有限公司, 阿里巴巴（中国）有限公司).
const PUBLISHED_CODES = ['91350100M000100Y43', '91110108551385082Q', '9144030071526726XG', '91330100716105852F'];

test('credit code: published codes are valid, and agree with the definition', () => {
  for (const code of PUBLISHED_CODES) {
    assert.deepEqual(checkCreditCode(code), { ok: true, value: code });
    assert.equal(creditCheckByDefinition(code.slice(0, 17)), code[17], code);
  }
});

test('credit code: codes made by the definition are valid', () => {
  const char = fc.constantFrom(...CREDIT);
  const body = fc
    .tuple(fc.array(char, { minLength: 2, maxLength: 2 }), fc.integer({ min: 0, max: 999999 }), fc.array(char, { minLength: 9, maxLength: 9 }))
    .map(([head, region, subject]) => head.join('') + String(region).padStart(6, '0') + subject.join(''));
  fc.assert(
    fc.property(body, (first17) => {
      const code = first17 + creditCheckByDefinition(first17);
      assert.deepEqual(checkCreditCode(code), { ok: true, value: code });
    }),
  );
});

test('credit code: every single-character change and every swap of neighbours is rejected', () => {
  for (const valid of PUBLISHED_CODES) {
    for (let i = 0; i < 18; i++) {
      for (const c of `${CREDIT}IOSVZ`) {
        if (c === valid[i]) continue;
        const changed = valid.slice(0, i) + c + valid.slice(i + 1);
        assert.equal(checkCreditCode(changed).ok, false, changed);
      }
      if (i < 17 && valid[i] !== valid[i + 1]) {
        const swapped = valid.slice(0, i) + valid[i + 1] + valid[i] + valid.slice(i + 2);
        assert.equal(checkCreditCode(swapped).ok, false, swapped);
      }
    }
  }
});

test('credit code: normalised, and each fault has its own message', () => {
  assert.deepEqual(checkCreditCode(' 91350100m000100y43 '), { ok: true, value: '91350100M000100Y43' });
  assert.deepEqual(checkCreditCode('９１３５０１００Ｍ０００１００Ｙ４３'), { ok: true, value: '91350100M000100Y43' });
  const cases: [string, string][] = [
    ['', '请填写统一社会信用代码'],
    ['91350100M000100Y4', '统一社会信用代码应为 18 位，现为 17 位'],
    ['91350100M000100O43', '统一社会信用代码第 16 位「O」不是有效字符：只用数字和除 I、O、S、V、Z 以外的大写字母'],
    ['9135010-M000100Y43', '统一社会信用代码第 8 位「-」不是有效字符：只用数字和除 I、O、S、V、Z 以外的大写字母'],
    ['913501A0M000100Y43', '统一社会信用代码第 3–8 位（登记管理机关行政区划码）应为数字'],
    ['91350100M000100Y44', '统一社会信用代码第 18 位校验码错误：按前 17 位计算应为 3，现为 4'],
  ];
  for (const [input, expected] of cases) assert.equal(message(checkCreditCode(input)), expected, input);
});

// --- 电话号码, 邮政编码 -------------------------------------------------------------------------

test('phone: mobile and landline numbers in their usual spellings', () => {
  const cases: [string, string][] = [
    ['13812345678', '13812345678'],
    ['19912345678', '19912345678'],
    ['138 1234 5678', '13812345678'],
    ['138-1234-5678', '13812345678'],
    ['+86 138 1234 5678', '13812345678'],
    ['008613812345678', '13812345678'],
    ['１３８１２３４５６７８', '13812345678'],
    ['010-12345678', '010-12345678'],
    ['01012345678', '010-12345678'],
    ['(010)12345678', '010-12345678'],
    ['（010）12345678', '010-12345678'],
    ['010 1234 5678', '010-12345678'],
    ['+86 10 12345678', '010-12345678'],
    ['020-87654321', '020-87654321'],
    ['0531-1234567', '0531-1234567'],
    ['0531-12345678', '0531-12345678'],
    ['05311234567', '0531-1234567'],
    ['+86-531-1234567', '0531-1234567'],
    ['0531-1234567-123', '0531-1234567-123'],
    ['01012345678-123', '010-12345678-123'],
    ['010-12345678转123', '010-12345678-123'],
    ['010-12345678 分机 8', '010-12345678-8'],
    ['0531-1234567 ext. 12', '0531-1234567-12'],
    ['010-12345678#6001', '010-12345678-6001'],
  ];
  for (const [input, value] of cases) assert.deepEqual(checkPhone(input), { ok: true, value }, input);
});

test('phone: each fault has its own message', () => {
  const cases: [string, string][] = [
    ['', '请填写电话号码'],
    ['1381234567', '手机号码应为 11 位，现为 10 位'],
    ['138123456789', '手机号码应为 11 位，现为 12 位'],
    ['12812345678', '手机号码第 2 位应为 3–9，现为 2'],
    ['13812345678转1', '手机号码不带分机号'],
    ['23456789', '固定电话号码应带区号，如 010-12345678'],
    ['010-1234567', '区号 010 后的本地号码应为 8 位，现为 7 位'],
    ['020-8888888', '区号 020 后的本地号码应为 8 位，现为 7 位'],
    ['0531-123456', '区号 0531 后的本地号码应为 7 或 8 位，现为 6 位'],
    ['0531-123456789', '区号 0531 后的本地号码应为 7 或 8 位，现为 9 位'],
    ['011-12345678', '区号「011」无效：除 010 和 02x 外，区号为 4 位'],
    ['0201-12345678', '区号「0201」无效：010 和 02x 的区号为 3 位'],
    ['0131-1234567', '区号「0131」无效'],
    ['010-02345678', '本地号码不能以 0 开头'],
    ['010-12345678-1234567', '分机号应为 1–6 位数字'],
    ['010-1234567a', '电话号码含有无效字符「A」'],
  ];
  for (const [input, expected] of cases) assert.equal(message(checkPhone(input)), expected, input);
});

test('postcode: six digits', () => {
  assert.deepEqual(checkPostcode('100005'), { ok: true, value: '100005' });
  assert.deepEqual(checkPostcode(' 250 001 '), { ok: true, value: '250001' });
  assert.deepEqual(checkPostcode('２５０００１'), { ok: true, value: '250001' });
  assert.equal(message(checkPostcode('')), '请填写邮政编码');
  assert.equal(message(checkPostcode('10000')), '邮政编码应为 6 位数字，现为 5 位');
  assert.equal(message(checkPostcode('1000051')), '邮政编码应为 6 位数字，现为 7 位');
  assert.equal(message(checkPostcode('10000A')), '邮政编码只能由数字组成');
});
