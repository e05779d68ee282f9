// The one error type of the HTTP surface: a status and a Chinese message meant for the person who sent the
// request. Everything else that is thrown is translated here — Fastify's own 4xx errors by their code, any
// other error to 500 服务器内部错误 — so no English message, stack trace or detail reaches a user.

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** The input field at fault, for validation errors. */
    readonly field?: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export const INTERNAL_ERROR_MESSAGE = '服务器内部错误';

/** Fastify's client errors, by code. */
const fastifyMessages: Record<string, string> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: '不支持的请求体类型，请以表单或 JSON 提交',
  FST_ERR_CTP_BODY_TOO_LARGE: '请求体过大',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: '请求体长度与 Content-Length 不符',
  FST_ERR_CTP_EMPTY_JSON_BODY: '请求体为空，但声明为 JSON',
  FST_ERR_CTP_INVALID_JSON_BODY: '请求体不是合法的 JSON',
  FST_ERR_VALIDATION: '请求参数不正确',
  FST_ERR_BAD_URL: '网址格式不正确',
};

/** Any other client error, by status. */
const statusMessages: Record<number, string> = {
  400: '请求格式不正确',
  401: '请先登录',
  403: '无权进行此操作',
  404: '您访问的页面不存在',
  405: '不支持该请求方法',
  406: '无法提供所请求的格式',
  408: '请求超时',
  413: '请求体过大',
  414: '网址过长',
  415: '不支持的请求体类型',
  429: '请求过于频繁，请稍后再试',
  431: '请求头过大',
};

export interface Translated {
  error: HttpError;
  /** True when the error was not foreseen (a bug or an outage): log it in full, show only the status text. */
  unexpected: boolean;
}

export function translateError(error: unknown): Translated {
  if (error instanceof HttpError) return { error, unexpected: false };
  const e = (typeof error === 'object' && error !== null ? error : {}) as { statusCode?: unknown; code?: unknown };
  const status = typeof e.statusCode === 'number' ? e.statusCode : 500;
  if (status >= 400 && status < 500) {
    const byCode = typeof e.code === 'string' ? fastifyMessages[e.code] : undefined;
    return { error: new HttpError(status, byCode ?? statusMessages[status] ?? statusMessages[400]!), unexpected: false };
  }
  return { error: new HttpError(500, INTERNAL_ERROR_MESSAGE), unexpected: true };
}
