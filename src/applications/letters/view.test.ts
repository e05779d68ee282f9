import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { readFileSync } from 'node:fs';
import { renderLetter, type Letter } from './render.ts';
import { sampleData } from './testing.ts';
import { LetterView } from './view.tsx';

function html(letter: Letter): string {
  return renderToString(h(LetterView, { letter }));
}

describe('LetterView', () => {
  it('an article with the title, the 文号, the salutation, every paragraph and the signature', () => {
    const letter = renderLetter('reply', sampleData({ replyClass: 'unable', replyReason: 'not_exist' }));
    const out = html(letter);
    assert.ok(out.startsWith('<article class="letter">'));
    assert.ok(out.includes('<h1 class="letter__title">政府信息无法提供告知书</h1>'));
    assert.ok(out.includes('<p class="letter__number">某环信〔2026〕第12号</p>'));
    assert.ok(out.includes('<p class="letter__salutation">张三：</p>'));
    assert.equal(out.match(/<p class="letter__text">/g)?.length, letter.paragraphs.length);
    assert.ok(out.includes('<p class="letter__agency">某市生态环境局</p>'));
    assert.ok(out.includes('<p class="letter__date">2026年11月25日</p>'));
  });

  it('escapes what the applicant wrote: a <script> in the description is text', () => {
    const letter = renderLetter('acknowledgement', sampleData({ description: '<script>alert("x")</script> & 其他' }));
    const out = html(letter);
    assert.ok(!out.includes('<script'), out);
    assert.ok(out.includes('&lt;script>alert(&quot;x&quot;)&lt;/script> &amp; 其他') || out.includes('&lt;script&gt;'), out);
  });

  it('no inline style or script (strict CSP), no 文号 line when there is none', () => {
    const out = html(renderLetter('fee', sampleData({ letterNumber: undefined })));
    assert.ok(!/style=|<script|on[a-z]+=/i.test(out));
    assert.ok(!out.includes('letter__number'));
  });

  it('letter.css prints on A4 in 仿宋 with Noto fallbacks', () => {
    const css = readFileSync(new URL('./letter.css', import.meta.url), 'utf8');
    assert.match(css, /@page\s*{\s*size: A4;/);
    assert.match(css, /font-family: "FangSong", "仿宋", "STFangsong", "Noto Serif CJK SC", "Noto Serif SC", serif;/);
    assert.match(css, /@media print/);
  });
});
