import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatById } from '../reports/formats.ts';
import { channel, channelIds, channels, isChannelId, receiptDateOf, type ChannelId } from './channels.ts';

const legacyRows = formatById('legacy').tables.flatMap((t) => t.rows ?? []);

test('the channels of art. 29/31, each with the date the statute takes the receipt day from', () => {
  const expected: Record<ChannelId, string> = {
    in_person: 'submitted',
    oral: 'submitted',
    post: 'signed_for',
    ordinary_mail: 'confirmed',
    online: 'confirmed',
    email: 'confirmed',
    fax: 'confirmed',
  };
  assert.deepEqual(Object.fromEntries(channels.map((c) => [c.id, c.receiptFrom])), expected);
  assert.deepEqual(channelIds, Object.keys(expected));
});

test('each rule cites the paragraph of art. 31 it restates', () => {
  assert.match(channel('in_person').rule, /以提交之日为收到申请之日（条例2019第三十一条第（一）项）/);
  assert.match(channel('post').rule, /以行政机关签收之日为收到申请之日（条例2019第三十一条第（二）项）/);
  assert.match(channel('ordinary_mail').rule, /应当于收到申请的当日与申请人确认，确认之日为收到申请之日（条例2019第三十一条第（二）项）/);
  for (const id of ['online', 'email', 'fax'] as const) {
    assert.match(channel(id).rule, /以双方确认之日为收到申请之日（条例2019第三十一条第（三）项）/);
  }
  for (const c of channels) assert.ok(c.rule.includes(c.article.split('、')[0]!), c.id);
});

test('legacy statistics: letters for both kinds of post, e-mail with the internet, oral with in person', () => {
  assert.deepEqual(Object.fromEntries(channels.map((c) => [c.id, c.legacyRow])), {
    in_person: 'legacy.requests.received.in_person',
    oral: 'legacy.requests.received.in_person',
    post: 'legacy.requests.received.letter',
    ordinary_mail: 'legacy.requests.received.letter',
    online: 'legacy.requests.received.online',
    email: 'legacy.requests.received.online',
    fax: 'legacy.requests.received.fax',
  });
});

test('every channel counts in a row of the legacy table under 收到申请数, and every such row is reachable', () => {
  const received = legacyRows.filter((r) => r.parent === 'legacy.requests.received').map((r) => r.id);
  assert.equal(received.length, 4);
  for (const c of channels) assert.ok(received.includes(c.legacyRow), `${c.id} → ${c.legacyRow}`);
  assert.deepEqual(new Set(channels.map((c) => c.legacyRow)), new Set(received));
});

test('receipt day: the date the channel names, not any other', () => {
  const dates = { submittedOn: '2024-09-25', signedForOn: '2024-09-26', confirmedOn: '2024-09-27' };
  assert.deepEqual(receiptDateOf('in_person', dates), { ok: true, value: '2024-09-25' });
  assert.deepEqual(receiptDateOf('oral', dates), { ok: true, value: '2024-09-25' });
  assert.deepEqual(receiptDateOf('post', dates), { ok: true, value: '2024-09-26' });
  for (const id of ['ordinary_mail', 'online', 'email', 'fax'] as const) {
    assert.deepEqual(receiptDateOf(id, dates), { ok: true, value: '2024-09-27' }, id);
  }
});

test('receipt day: a missing date is named, with the rule', () => {
  assert.deepEqual(receiptDateOf('post', { submittedOn: '2024-09-25', confirmedOn: '2024-09-27' }), {
    ok: false,
    message: '缺少签收日期：申请人以邮寄方式提交政府信息公开申请的，以行政机关签收之日为收到申请之日（条例2019第三十一条第（二）项）',
  });
  const fax = receiptDateOf('fax', { submittedOn: '2024-09-25', signedForOn: '' });
  assert.equal(fax.ok, false);
  assert.match(fax.ok ? '' : fax.message, /^缺少确认日期：.*以双方确认之日为收到申请之日/);
  const inPerson = receiptDateOf('in_person', { confirmedOn: '2024-09-27' });
  assert.match(inPerson.ok ? '' : inPerson.message, /^缺少提交日期：/);
});

test('receipt day: a date that does not exist is refused', () => {
  assert.deepEqual(receiptDateOf('online', { confirmedOn: '2023-02-29' }), {
    ok: false,
    message: '确认日期「2023-02-29」不是有效的日期（应为 YYYY-MM-DD）',
  });
  assert.equal(receiptDateOf('online', { confirmedOn: '2024/09/27' }).ok, false);
});

test('isChannelId accepts the ids only', () => {
  assert.ok(isChannelId('ordinary_mail'));
  for (const v of ['letter', 'toString', '', 'POST', 3, null, undefined]) assert.equal(isChannelId(v), false, String(v));
  // @ts-expect-error not a channel
  const wrong: ChannelId = 'letter';
  assert.equal(isChannelId(wrong), false);
});
