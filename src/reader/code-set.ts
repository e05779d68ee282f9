// Sets of UTF-16 code units as bitmaps, for the loops that look at every character of a text: 65,536 bits are 8 KB,
// which stay in the fastest cache while a text is read, where a table of 65,536 entries would not. Pure.

export type CodeSet = Int32Array;

export function codeSet(codes: Iterable<number>): CodeSet {
  const set = new Int32Array(0x800);
  for (const c of codes) set[c >> 5]! |= 1 << (c & 31);
  return set;
}

/** The code units of the characters of a string. */
export function codesOf(chars: string): number[] {
  return Array.from(chars, (ch) => ch.charCodeAt(0));
}

export function inSet(set: CodeSet, code: number): boolean {
  return (set[code >> 5]! & (1 << (code & 31))) !== 0;
}
