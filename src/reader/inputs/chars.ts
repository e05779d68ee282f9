// Character-level clean-up shared by every input kind: which characters are CJK, how text broken over lines is
// joined again, how HTML whitespace collapses, and glyphs that look right but are the wrong code points.
import radicals from './radicals.json' with { type: 'json' };

/** Han ideographs (BMP and supplementary planes), radicals, CJK punctuation (not U+3000), kana, full-width forms. */
const CJK = /[\u2e80-\u2fdf\u3001-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef\u{20000}-\u{3134f}]/u;

export function isCjk(ch: string | undefined): boolean {
  return ch !== undefined && CJK.test(ch);
}

/** The character that ends at `at` (a surrogate pair counts as one). */
function charBefore(text: string, at: number): string | undefined {
  const low = text.charCodeAt(at - 1);
  const from = low >= 0xdc00 && low <= 0xdfff && at >= 2 ? at - 2 : at - 1;
  return from < 0 ? undefined : String.fromCodePoint(text.codePointAt(from)!);
}

/** The character that starts at `at`. */
function charAt(text: string, at: number): string | undefined {
  const cp = text.codePointAt(at);
  return cp === undefined ? undefined : String.fromCodePoint(cp);
}

/** Joins pieces of one text that was broken over lines (a wrapped table label, a cell's paragraphs): nothing
 *  where either side is CJK (「计1」+「次」→「计1次」), one space between two latin words or numbers. */
export function joinWrapped(parts: readonly string[]): string {
  let out = '';
  for (const part of parts) {
    const piece = part.trim();
    if (piece === '') continue;
    const tight = out === '' || isCjk(charBefore(out, out.length)) || isCjk(charAt(piece, 0));
    out += tight ? piece : ` ${piece}`;
  }
  return out;
}

/** Collapses whitespace the way a browser renders it, with CSS Text 3's rule for CJK: a run of whitespace that
 *  contains a line break and sits between two CJK characters disappears; any other run becomes one space. */
export function collapseSpace(text: string): string {
  return text
    .replace(/\s+/g, (run: string, at: number, all: string) =>
      /[\n\r]/.test(run) && isCjk(charBefore(all, at)) && isCjk(charAt(all, at + run.length)) ? '' : ' ',
    )
    .trim();
}

/** Removes single spaces between two CJK characters (justified PDF lines come out as 「单 时 ， 汇 率」). */
export function closeCjkSpaces(text: string): string {
  return text.replace(/ /g, (space: string, at: number, all: string) =>
    isCjk(charBefore(all, at)) && isCjk(charAt(all, at + 1)) ? '' : space,
  );
}

const SUPPLEMENT = new Map<string, string>(
  Object.entries(radicals.supplement).map(([from, to]) => [
    String.fromCodePoint(parseInt(from, 16)),
    String.fromCodePoint(parseInt(to, 16)),
  ]),
);

/** Radicals (U+2E80–U+2FD5) that stand in for ideographs of the same shape, and invisible characters. */
const RADICAL = /[\u2e80-\u2fd5]/g;
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;

/** Puts the common character back where a font wrote a radical of the same shape (PDF text layers: 长 as U+2ED3,
 *  一 as U+2F00), and drops soft hyphens and zero-width characters (they split numbers: 2\u200b12). */
export function cleanGlyphs(text: string): string {
  return text.replace(RADICAL, (c) => SUPPLEMENT.get(c) ?? c.normalize('NFKC')).replace(INVISIBLE, '');
}
