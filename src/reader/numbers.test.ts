import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseCellValue, parseChineseNumber } from './numbers.ts';

describe('parseCellValue', () => {
  it('reads plain, full-width, grouped and decimal numbers', () => {
    assert.equal(parseCellValue('212'), 212);
    assert.equal(parseCellValue(' 0 '), 0);
    assert.equal(parseCellValue('２１２'), 212);
    assert.equal(parseCellValue('1,486'), 1486);
    assert.equal(parseCellValue('1，486'), 1486);
    assert.equal(parseCellValue('12,345,678'), 12345678);
    assert.equal(parseCellValue('0.35'), 0.35);
    assert.equal(parseCellValue('０．３５'), 0.35);
    assert.equal(parseCellValue('3413'), 3413);
  });

  it('keeps signs: +2, -1, −3, 增15, 减4, 增加2, 减少1', () => {
    assert.equal(parseCellValue('+2'), 2);
    assert.equal(parseCellValue('-1'), -1);
    assert.equal(parseCellValue('−3'), -3);
    assert.equal(parseCellValue('－8'), -8);
    assert.equal(parseCellValue('增15'), 15);
    assert.equal(parseCellValue('减4'), -4);
    assert.equal(parseCellValue('增加2'), 2);
    assert.equal(parseCellValue('减少1'), -1);
    assert.equal(parseCellValue('增 15'), 15);
  });

  it('reads blank, -, —, –, / and ／ as not reported (null), never 0', () => {
    for (const blank of ['', '  ', '-', '—', '——', '–', '/', '／', '－', '　']) assert.equal(parseCellValue(blank), null, JSON.stringify(blank));
  });

  it('gives undefined for what is not a number: labels, 无, percentages, units, bad grouping', () => {
    for (const text of ['无', '规章', '50%', '12件', '1,48', '1.2.3', '1 0', '0 0 0', '增', '2017年', 'l', '0x10', '1e3']) {
      assert.equal(parseCellValue(text), undefined, text);
    }
  });
});

describe('parseChineseNumber', () => {
  it('reads numerals with units', () => {
    assert.equal(parseChineseNumber('十二'), 12);
    assert.equal(parseChineseNumber('一百一十二'), 112);
    assert.equal(parseChineseNumber('两千零五'), 2005);
    assert.equal(parseChineseNumber('三万五千'), 35000);
    assert.equal(parseChineseNumber('一亿二千万'), 120000000);
    assert.equal(parseChineseNumber('九'), 9);
    assert.equal(parseChineseNumber('零'), 0);
    assert.equal(parseChineseNumber('3万'), 30000);
  });

  it('reads years digit by digit and Arabic numbers as they are', () => {
    assert.equal(parseChineseNumber('二〇二二'), 2022);
    assert.equal(parseChineseNumber('二零一七'), 2017);
    assert.equal(parseChineseNumber('２０２２'), 2022);
  });

  it('gives undefined for other text', () => {
    assert.equal(parseChineseNumber(''), undefined);
    assert.equal(parseChineseNumber('部分'), undefined);
    assert.equal(parseChineseNumber('十二件'), undefined);
  });
});
