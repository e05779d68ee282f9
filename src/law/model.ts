// What the law/ modules share: the result of a check with its Chinese message, and how sure we are of a legal
// statement (the confidence tags of shared/domain/rules.md).

/** A checked value, or the reason it was refused, in Chinese for the user. */
export type Checked<T> = { ok: true; value: T } | { ok: false; message: string };

/**
 * V = checked against the official text; S = secondary source; D = our derivation or interpretation;
 * U = recalled, not verified — confirm before printing it in a legal notice.
 */
export type Confidence = 'V' | 'S' | 'D' | 'U';
