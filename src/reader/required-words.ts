// The words a regular expression cannot match without, read from its source, for a cheap String.includes before the
// expression itself: running one of the reader's patterns costs far more than looking for a word, and most patterns
// fail on most sentences. Conservative: where a source is not plain enough to be sure, there are no words (the
// expression is always run). For sources without flags that change what a character matches (i, u, v). Pure.

/** Characters with a meaning of their own in a source (outside classes). */
const SPECIAL = new Set([...'\\^$.|?*+()[]{}']);

/** Where the class or group opened at `at` closes (the index of its ']' or ')'); -1 when it does not. */
function closing(source: string, at: number): number {
  if (source[at] === '[') {
    for (let i = at + 1; i < source.length; i++) {
      if (source[i] === '\\') i++;
      else if (source[i] === ']') return i;
    }
    return -1;
  }
  let depth = 0;
  for (let i = at; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (c === '[') {
      i = closing(source, i);
      if (i < 0) return -1;
    } else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  return -1;
}

/** The top-level alternatives of a source (split at the | outside groups and classes); null when it does not parse. */
export function alternativesOf(source: string): string[] | null {
  const out: string[] = [];
  let from = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (c === '(' || c === '[') {
      i = closing(source, i);
      if (i < 0) return null;
    } else if (c === '|') {
      out.push(source.slice(from, i));
      from = i + 1;
    }
  }
  out.push(source.slice(from));
  return out;
}

function isPlain(text: string): boolean {
  if (text === '') return false;
  for (const c of text) if (SPECIAL.has(c)) return false;
  return true;
}

/** One element of a sequence with its quantifier. */
interface Atom {
  /** The text it always matches once: a plain character, or a non-capturing or named group of plain characters; null
   *  for anything else (a class, an escape, '.', a group with more in it). */
  word: string | null;
  /** A lookaround or an anchor: no text, and no break in the text around it. */
  zeroWidth: boolean;
  /** It may match zero times (?, *, {0,…}). */
  optional: boolean;
  /** It may match more than once, or exactly n > 1 times: the text goes on after it, but not as one word with it. */
  repeated: boolean;
  end: number;
}

const LOOKAROUND = /^\?<?[=!]/;
const NAMED = /^\?<[A-Za-z]\w*>/;
const BRACES = /^\{(\d+)(?:(,)(\d*))?\}/;

/** The atom at `at`; null when the source is not understood there. */
function atomAt(source: string, at: number): Atom | null {
  const c = source[at]!;
  let end = at + 1;
  let word: string | null = null;
  let zeroWidth = false;
  if (c === '(' || c === '[') {
    const close = closing(source, at);
    if (close < 0) return null;
    end = close + 1;
    if (c === '(') {
      const inner = source.slice(at + 1, close);
      if (LOOKAROUND.test(inner)) zeroWidth = true;
      else {
        const body = inner.startsWith('?:') ? inner.slice(2) : NAMED.test(inner) ? inner.slice(inner.indexOf('>') + 1) : null;
        if (body !== null && isPlain(body)) word = body;
      }
    }
  } else if (c === '\\') end = at + 2;
  else if (c === '^' || c === '$') zeroWidth = true;
  else if (!SPECIAL.has(c)) word = c;
  else if (c !== '.') return null;
  let optional = false;
  let repeated = false;
  const q = source[end];
  let quantified = true;
  if (q === '?' || q === '*' || q === '+') {
    optional = q !== '+';
    repeated = q !== '?';
    end++;
  } else if (q === '{') {
    const m = BRACES.exec(source.slice(end));
    if (!m) return null;
    optional = m[1] === '0';
    repeated = m[2] !== undefined || m[1] !== '1';
    end += m[0].length;
  } else quantified = false;
  if (quantified && source[end] === '?') end++; // lazy
  return { word, zeroWidth, optional, repeated, end };
}

/** The longest run of plain text an alternative always matches; null when there is none or the alternative is not
 *  understood. */
function longestRun(alternative: string): string | null {
  let best = '';
  let run = '';
  for (let at = 0; at < alternative.length; ) {
    const atom = atomAt(alternative, at);
    if (atom === null) return null;
    at = atom.end;
    if (atom.zeroWidth && !atom.optional && !atom.repeated) continue;
    if (atom.word !== null && !atom.optional) {
      run += atom.word;
      if (run.length > best.length) best = run;
      if (atom.repeated) run = '';
      continue;
    }
    run = '';
  }
  return best === '' ? null : best;
}

/** Words a match must contain one of (the longest required run of each top-level alternative); null when some
 *  alternative has none. */
export function requiredWords(source: string): string[] | null {
  const alternatives = alternativesOf(source);
  if (alternatives === null) return null;
  const words: string[] = [];
  for (const alternative of alternatives) {
    const word = longestRun(alternative);
    if (word === null) return null;
    if (!words.includes(word)) words.push(word);
  }
  return words;
}

/** Whether a text has one of the words (null: no words known, the expression must be tried). */
export function mayMatch(words: readonly string[] | null, text: string): boolean {
  if (words === null) return true;
  for (const word of words) if (text.includes(word)) return true;
  return false;
}
