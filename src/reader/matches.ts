// Every match of a global regular expression, as text.matchAll(re) gives them, without the copy of the expression
// matchAll makes on each call: on the short lines and sentences of a report, copying the expression costs more than
// matching it, and the reader runs its patterns over every sentence. Pure.

/**
 * The matches of `re` (which must have the g flag) in `text`, in order. An empty match moves on by one character
 * (one code point with the u or v flag), as matchAll does. `re.lastIndex` is reset before and after.
 */
export function allMatches(re: RegExp, text: string): RegExpExecArray[] {
  if (!re.global) throw new TypeError(`allMatches needs a global regular expression: ${re}`);
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    out.push(m);
    if (m[0] === '') re.lastIndex = advance(text, re.lastIndex, re.unicode || re.flags.includes('v'));
  }
  re.lastIndex = 0;
  return out;
}

function advance(text: string, at: number, unicode: boolean): number {
  if (!unicode || at + 1 >= text.length) return at + 1;
  const lead = text.charCodeAt(at);
  const trail = text.charCodeAt(at + 1);
  return lead >= 0xd800 && lead <= 0xdbff && trail >= 0xdc00 && trail <= 0xdfff ? at + 2 : at + 1;
}
