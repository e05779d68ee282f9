import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deliveryDateField, deliveryDateOf, deliveryMethod, deliveryMethods, isDeliveryMethodId, type DeliveryMethodId } from './delivery.ts';

test('delivery methods of 国办公开办函〔2016〕235号, and electronic delivery', () => {
  assert.deepEqual(
    deliveryMethods.map((m) => [m.id, m.label, m.dateFrom]),
    [
      ['direct', '直接送达', 'signed'],
      ['entrusted', '委托送达', 'signed'],
      ['postal', '邮寄送达（邮政 EMS、挂号信）', 'posted'],
      ['electronic', '电子送达（网上申请平台、电子邮件）', 'sent'],
    ],
  );
  for (const m of deliveryMethods) {
    assert.equal(m.confidence, m.id === 'electronic' ? 'U' : 'V', m.id);
    if (m.id !== 'electronic') assert.match(m.rule, /（国办公开办函〔2016〕235号）$/);
  }
});

test('post: 交邮之日, by China Post only, no postage collected on delivery', () => {
  const rule = deliveryMethod('postal').rule;
  assert.match(rule, /以交邮之日为准/);
  assert.match(rule, /应当通过邮政企业寄送/);
  assert.match(rule, /不得以到付方式向申请人收取邮费/);
});

test('the delivery day is the date the method names, not any other', () => {
  const dates = { signedOn: '2024-10-31', postedOn: '2024-10-29', sentOn: '2024-10-28', confirmedOn: '2024-10-30' };
  const day = (id: DeliveryMethodId) => deliveryDateOf(id, dates);
  assert.deepEqual(day('direct'), { ok: true, value: '2024-10-31' });
  assert.deepEqual(day('entrusted'), { ok: true, value: '2024-10-31' });
  assert.deepEqual(day('postal'), { ok: true, value: '2024-10-29' });
  assert.deepEqual(day('electronic'), { ok: true, value: '2024-10-28' });
});

test('electronic delivery: the day is a setting, sent (default) or confirmed, nothing else', () => {
  const dates = { sentOn: '2024-10-28', confirmedOn: '2024-10-30' };
  assert.deepEqual(deliveryDateOf('electronic', dates, { electronicDateFrom: 'confirmed' }), { ok: true, value: '2024-10-30' });
  assert.equal(deliveryDateField('electronic'), 'sent');
  assert.equal(deliveryDateField('postal', { electronicDateFrom: 'confirmed' }), 'posted');
  assert.throws(() => deliveryDateField('electronic', { electronicDateFrom: 'posted' }), /电子送达只能以发送日期或确认收到日期为准/);
});

test('a missing or impossible date is named', () => {
  assert.deepEqual(deliveryDateOf('postal', { signedOn: '2024-10-31' }), {
    ok: false,
    message: '缺少交邮日期：邮寄送达（邮政 EMS、挂号信）以交邮之日为准判断是否在答复期限内',
  });
  assert.deepEqual(deliveryDateOf('direct', { postedOn: '2024-10-29' }), {
    ok: false,
    message: '缺少签收日期：直接送达以申请人或者其法定代理人签收之日为准判断是否在答复期限内',
  });
  assert.deepEqual(deliveryDateOf('entrusted', { signedOn: '2024-11-31' }), {
    ok: false,
    message: '签收日期「2024-11-31」不是有效的日期（应为 YYYY-MM-DD）',
  });
});

test('isDeliveryMethodId accepts the ids only', () => {
  assert.ok(isDeliveryMethodId('entrusted'));
  for (const v of ['post', 'ems', 'toString', '', null]) assert.equal(isDeliveryMethodId(v), false, String(v));
  // @ts-expect-error not a delivery method
  const wrong: DeliveryMethodId = 'courier';
  assert.equal(isDeliveryMethodId(wrong), false);
});
