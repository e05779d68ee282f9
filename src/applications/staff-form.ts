// A submitted HTML form (or query string) as plain text fields: what the workbench's parsers read. Pure.

/** Each field's text; a repeated field keeps its first value; anything that is not text is left out. */
export function formFields(body: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (typeof body !== 'object' || body === null) return out;
  for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
    const v = Array.isArray(value) ? value[0] : value;
    if (typeof v === 'string') out[key] = v;
  }
  return out;
}

/** YYYY-MM-DD in shape (whether the day exists is for the rules to say, in their words). */
export function isIsoShaped(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value);
}
