import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HttpError, INTERNAL_ERROR_MESSAGE, translateError } from './errors.ts';

test('an HttpError passes through unchanged', () => {
  const error = new HttpError(409, '该申请已被签收', 'status');
  assert.deepEqual(translateError(error), { error, unexpected: false });
});

test("Fastify's client errors become Chinese messages by their code, or by their status", () => {
  const cases: Array<[object, number, string]> = [
    [{ statusCode: 415, code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE', message: 'Unsupported Media Type' }, 415, '不支持的请求体类型，请以表单或 JSON 提交'],
    [{ statusCode: 400, code: 'FST_ERR_CTP_INVALID_JSON_BODY' }, 400, '请求体不是合法的 JSON'],
    [{ statusCode: 413, code: 'FST_ERR_CTP_BODY_TOO_LARGE' }, 413, '请求体过大'],
    [{ statusCode: 405, code: 'SOMETHING_NEW' }, 405, '不支持该请求方法'],
    [{ statusCode: 418 }, 418, '请求格式不正确'],
  ];
  for (const [raw, status, message] of cases) {
    const { error, unexpected } = translateError(Object.assign(new Error('English text'), raw));
    assert.equal(unexpected, false);
    assert.equal(error.status, status);
    assert.equal(error.message, message);
  }
});

test('everything else is an unexpected 500 服务器内部错误 that reveals nothing', () => {
  for (const raw of [new Error('connection refused at 10.0.0.5'), Object.assign(new Error('x'), { statusCode: 503 }), 'a string', null, undefined, 42]) {
    const { error, unexpected } = translateError(raw);
    assert.equal(unexpected, true);
    assert.equal(error.status, 500);
    assert.equal(error.message, INTERNAL_ERROR_MESSAGE);
  }
});
