import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HttpError } from './errors.ts';
import { formBody, parseInput, requiredText } from './validation.ts';

const schema = formBody({ username: requiredText('用户名', 8), password: requiredText('密码', 16, { trim: false }) });

function refusal(input: unknown): { status: number; message: string; field: string | undefined } {
  try {
    parseInput(schema, input);
  } catch (error) {
    assert.ok(error instanceof HttpError);
    return { status: error.status, message: error.message, field: error.field };
  }
  assert.fail('expected a refusal');
}

test('valid input comes back parsed: text trimmed, passwords untouched', () => {
  assert.deepEqual(parseInput(schema, { username: ' wang ', password: ' p w ', extra: 1 }), { username: 'wang', password: ' p w ' });
});

test('each refusal is a 400 naming the field in Chinese', () => {
  assert.deepEqual(refusal({ password: 'x' }), { status: 400, message: '请填写用户名', field: 'username' });
  assert.deepEqual(refusal({ username: '   ', password: 'x' }), { status: 400, message: '请填写用户名', field: 'username' });
  assert.deepEqual(refusal({ username: ['a', 'b'], password: 'x' }), { status: 400, message: '用户名必须是一段文字', field: 'username' });
  assert.deepEqual(refusal({ username: 'wang', password: '' }), { status: 400, message: '请填写密码', field: 'password' });
  assert.deepEqual(refusal({ username: 'a'.repeat(9), password: 'x' }), { status: 400, message: '用户名不能超过 8 个字符', field: 'username' });
});

test('a body that is not an object is one clear message without a field', () => {
  for (const input of [undefined, null, 'username=a', [1]]) {
    assert.deepEqual(refusal(input), { status: 400, message: '请求内容应为表单或 JSON 对象', field: undefined });
  }
});
