// Notices to applicants leave through a sender. Each step writes its notices into the outbox in its own
// transaction (store.ts), so a notice exists exactly when its step does; a sender — SMTP, an SMS gateway — is
// plugged in by passing it here, and marks what it delivered. The default install has none: the notices stay
// in the outbox, where the office can read them.
import type { Db } from '../db/database.ts';

export interface Notice {
  id: number;
  channel: 'email' | 'sms';
  recipient: string;
  subject: string;
  body: string;
}

export interface Sender {
  /** The channels it can deliver. */
  channels: readonly Notice['channel'][];
  /** Resolves when delivered; rejects to leave the notice for the next round. */
  send(notice: Notice): Promise<void>;
}

/** Delivers up to `limit` unsent notices of the sender's channels, oldest first; returns how many went out. A
 *  failure leaves that notice unsent (it is tried again next time) and does not stop the others. */
export async function deliverOutbox(db: Db, sender: Sender, now: () => Date = () => new Date(), limit = 100): Promise<{ sent: number; failed: number }> {
  if (sender.channels.length === 0) return { sent: 0, failed: 0 };
  const pending = await db
    .selectFrom('outbox')
    .select(['id', 'channel', 'recipient', 'subject', 'body'])
    .where('sent_at', 'is', null)
    .where('channel', 'in', [...sender.channels])
    .orderBy('id')
    .limit(limit)
    .execute();
  let sent = 0;
  let failed = 0;
  for (const notice of pending) {
    try {
      await sender.send(notice);
    } catch {
      failed++;
      continue;
    }
    await db.updateTable('outbox').set({ sent_at: now().toISOString() }).where('id', '=', notice.id).where('sent_at', 'is', null).execute();
    sent++;
  }
  return { sent, failed };
}
