// Where a text that JSON.parse refused breaks the JSON grammar. JSON.parse's own messages differ between
// engine versions and some give no position at all, so the grammar is walked here to find the line and
// column a person editing the file needs. Pure.

/** Offset of the first character that breaks the JSON grammar (the length when the text ends too early). */
function jsonErrorOffset(s: string): number {
  let i = 0;
  const fail = (): never => {
    throw new SyntaxError();
  };
  const ws = () => {
    while (i < s.length && ' \t\n\r'.includes(s[i]!)) i++;
  };
  const literal = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?|true|false|null/y;
  const string = () => {
    for (i++; i < s.length; i++) {
      if (s[i] === '"') return void i++;
      if (s[i] === '\\') i++;
      else if (s[i]! < ' ') fail();
    }
    fail();
  };
  const list = (close: string, member: () => void) => {
    i++;
    ws();
    if (s[i] === close) return void i++;
    for (;;) {
      member();
      ws();
      if (s[i] === close) return void i++;
      if (s[i] !== ',') fail();
      i++;
    }
  };
  const value = (): void => {
    ws();
    if (s[i] === '{') {
      return list('}', () => {
        ws();
        if (s[i] !== '"') fail();
        string();
        ws();
        if (s[i] !== ':') fail();
        i++;
        value();
      });
    }
    if (s[i] === '[') return list(']', value);
    if (s[i] === '"') return string();
    literal.lastIndex = i;
    if (!literal.exec(s)) fail();
    i = literal.lastIndex;
  };
  try {
    value();
    ws();
    if (i < s.length) fail();
  } catch {
    // i is where the grammar broke (a nesting too deep for the stack also ends here)
  }
  return Math.min(i, s.length);
}

/** Where and why a text that JSON.parse refused is not JSON, in Chinese, by line and column. */
export function jsonSyntaxProblem(source: string): string {
  const offset = jsonErrorOffset(source);
  const before = source.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  if (offset >= source.length) return `JSON 格式错误：文件在第${line}行意外结束（缺少括号或引号？）`;
  return `JSON 格式错误：第${line}行第${column}列不应出现「${source[offset]}」`;
}
