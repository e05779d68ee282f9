import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openTestDatabase } from '../db/testing.ts';
import { deliverOutbox, type Notice } from './outbox.ts';

test('a sender delivers the unsent notices of its channels once; a failure stays for the next round', async (t) => {
  const opened = await openTestDatabase();
  t.after(() => opened.close());
  const { db } = opened;
  const at = '2026-11-25T00:00:00.000Z';
  for (const [channel, recipient] of [['sms', '13800138000'], ['email', 'a@example.com'], ['sms', '13900139000']] as const) {
    await db.insertInto('outbox').values({ created_at: at, channel, recipient, subject: '您的申请已签收', body: '申请编号 2026-000001', application_id: null, sent_at: null }).execute();
  }
  const delivered: Notice[] = [];
  let fail = true;
  const sms = {
    channels: ['sms'] as const,
    async send(n: Notice) {
      if (n.recipient === '13900139000' && fail) throw new Error('gateway down');
      delivered.push(n);
    },
  };
  assert.deepEqual(await deliverOutbox(db, sms), { sent: 1, failed: 1 });
  fail = false;
  assert.deepEqual(await deliverOutbox(db, sms), { sent: 1, failed: 0 });
  assert.deepEqual(await deliverOutbox(db, sms), { sent: 0, failed: 0 });
  assert.deepEqual(delivered.map((n) => n.recipient), ['13800138000', '13900139000']);
  const unsent = await db.selectFrom('outbox').select('channel').where('sent_at', 'is', null).execute();
  assert.deepEqual(unsent, [{ channel: 'email' }], 'the e-mail waits for an e-mail sender');
});
