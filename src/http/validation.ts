// Request input through zod: the schema's Chinese message, naming the field, becomes a 400 HttpError.
import { z } from 'zod';
import { HttpError } from './errors.ts';

export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new HttpError(400, issue?.message ?? '请求内容不正确', issue?.path.join('.') || undefined);
}

/** A form or JSON body: an object, or one clear message when it is anything else (or absent). */
export function formBody<S extends z.ZodRawShape>(shape: S) {
  return z.object(shape, { error: '请求内容应为表单或 JSON 对象' });
}

/** A required single-line text field, `label` being its name on the form. */
export function requiredText(label: string, max: number, opts: { trim?: boolean } = {}) {
  const base = z.string({ error: (issue) => (issue.input === undefined ? `请填写${label}` : `${label}必须是一段文字`) });
  return (opts.trim === false ? base : base.trim())
    .min(1, `请填写${label}`)
    .max(max, `${label}不能超过 ${max} 个字符`);
}
