import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cleanGlyphs, closeCjkSpaces, collapseSpace, joinWrapped } from './chars.ts';

describe('joinWrapped: a text broken over lines, joined again', () => {
  it('joins Chinese with nothing, also next to a digit or a bracket', () => {
    assert.equal(joinWrapped(['（二）部分公开（区分处理的，只计这', '一情形，不计其他情形）']), '（二）部分公开（区分处理的，只计这一情形，不计其他情形）');
    assert.equal(joinWrapped(['回应同一热点或舆情计1', '次）']), '回应同一热点或舆情计1次）');
    assert.equal(joinWrapped(['结果', '维持']), '结果维持');
  });

  it('keeps a space between two latin words or two numbers, and skips empty pieces', () => {
    assert.equal(joinWrapped(['Word', '', '  Press ']), 'Word Press');
    assert.equal(joinWrapped(['12', '34']), '12 34');
  });
});

describe('collapseSpace: HTML whitespace as a browser renders it', () => {
  it('drops a line break between two CJK characters, keeps one space elsewhere', () => {
    assert.equal(collapseSpace('  商业\n      企业 '), '商业企业');
    assert.equal(collapseSpace('全年共受理\n212件'), '全年共受理 212件');
    assert.equal(collapseSpace('统 计\u00a0\u00a0指标'), '统 计 指标');
  });
});

describe('closeCjkSpaces: spaces a justified PDF line puts between characters', () => {
  it('removes single spaces between CJK characters only', () => {
    assert.equal(closeCjkSpaces('单 时 ， 汇 率'), '单时，汇率');
    assert.equal(closeCjkSpaces('共 212 件 | 自然人'), '共 212 件 | 自然人');
  });
});

describe('cleanGlyphs: radicals that stand for ideographs, invisible characters', () => {
  it('maps Kangxi radicals and CJK radicals supplement to the common characters', () => {
    // U+2F00 ⼀, U+2F42 ⽂, U+2ED3 ⻓, U+2EDA ⻚ as Chromium's and Word's PDFs write 一, 文, 长, 页.
    assert.equal(cleanGlyphs('\u2f00\u2f42\u2ed3\u2eda'), '一文长页');
  });

  it('drops zero-width characters and soft hyphens that split numbers', () => {
    assert.equal(cleanGlyphs('2\u200b1\u00ad2\ufeff件'), '212件');
  });

  it('leaves ordinary text alone', () => {
    assert.equal(cleanGlyphs('（一）予以公开 94'), '（一）予以公开 94');
  });
});
