import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { mayMatch, requiredWords } from './required-words.ts';
import patterns from './prose-patterns.json' with { type: 'json' };

describe('requiredWords', () => {
  it('takes the longest run of plain text each alternative always matches', () => {
    assert.deepEqual(requiredWords('申请(?:政府)?信息公开'), ['信息公开']);
    assert.deepEqual(requiredWords('收到|受理'), ['收到', '受理']);
    assert.deepEqual(requiredWords('(?:收到|接到)申请'), ['申请']);
    assert.deepEqual(requiredWords('[一二]件\\d+条'), ['件']);
  });

  it('reads a group of plain text as text, and looks through lookarounds', () => {
    assert.deepEqual(requiredWords('未收到(?<s>申请)(?![人表书])'), ['未收到申请']);
    assert.deepEqual(requiredWords('(?<!不)同意(?:公开)'), ['同意公开']);
    assert.deepEqual(requiredWords('办(?=结)结'), ['办结']);
  });

  it('breaks the text where a quantifier makes a part optional or repeated', () => {
    assert.deepEqual(requiredWords('ab*c'), ['a']);
    assert.deepEqual(requiredWords('ab+c'), ['ab']);
    assert.deepEqual(requiredWords('ab??c'), ['a']);
    assert.deepEqual(requiredWords('a{2}b'), ['a']);
    assert.deepEqual(requiredWords('ab{1}c'), ['abc']);
    assert.deepEqual(requiredWords('ab{0,3}c'), ['a']);
  });

  it('knows no words where an alternative has no plain text, or the source does not parse', () => {
    assert.equal(requiredWords('a|\\d+'), null);
    assert.equal(requiredWords('(?:a|b)'), null);
    assert.equal(requiredWords('(ab'), null);
    assert.equal(requiredWords('a{x'), null);
    assert.equal(mayMatch(null, 'anything'), true);
  });

  it('never rules out a text an expression matches (random expressions over a small alphabet)', () => {
    const atom = fc.constantFrom('a', 'b', 'c', '(?:ab)', '(?:a|b)', '[ab]', '.', '(?=a)', '(?<!b)', '(?:bc)', '\\s', '(c)');
    const quantifier = fc.constantFrom('', '', '', '?', '*', '+', '{2}', '{0,2}', '{1,3}', '??', '+?');
    const sequence = fc.array(fc.tuple(atom, quantifier).map(([a, q]) => (a.startsWith('(?=') || a.startsWith('(?<!') ? a : a + q)), { minLength: 1, maxLength: 5 });
    const source = fc.array(sequence.map((s) => s.join('')), { minLength: 1, maxLength: 3 }).map((alternatives) => alternatives.join('|'));
    const text = fc.string({ unit: fc.constantFrom('a', 'b', 'c', ' '), maxLength: 8 });
    let matched = 0;
    fc.assert(
      fc.property(source, fc.array(text, { minLength: 1, maxLength: 20 }), (src, texts) => {
        const re = new RegExp(src);
        const words = requiredWords(src);
        for (const t of texts) {
          if (!re.test(t)) continue;
          matched++;
          assert.ok(mayMatch(words, t), `${src} matches ${JSON.stringify(t)} without ${JSON.stringify(words)}`);
        }
      }),
      { numRuns: 3000 },
    );
    assert.ok(matched > 5000, `only ${matched} matches: the property says little`);
  });

  it('never rules out a sentence of the corpus that a prose pattern matches', () => {
    const dir = new URL('../../test/fixtures/reports/', import.meta.url);
    const names = ['000_98e2bdf78905cace', '001_e66a2b34805dc888', '002_5a27d940390b8862', '003_e7508649c8de68c7', '004_041b7631d5c88209'];
    const sentences = names.flatMap((n) => readFileSync(new URL(`${n}.txt`, dir), 'utf8').split(/[。\n]/));
    let matched = 0;
    for (const spec of patterns.figures) {
      const source = spec.pattern.replace('{n}', '\\d+').replace('{u}', '[件条]');
      const re = new RegExp(source);
      const words = requiredWords(source);
      for (const s of sentences) {
        if (!re.test(s)) continue;
        matched++;
        assert.ok(mayMatch(words, s), `${spec.name}: ${s}`);
      }
    }
    assert.ok(matched > 50, `only ${matched} matches: the test reads too little`);
  });
});
