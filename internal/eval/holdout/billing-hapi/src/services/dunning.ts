import { sql } from 'kysely';
import { db, pool } from '../db';
import { mailer } from './mailer';

const REMINDER_SCHEDULE_DAYS = [3, 7, 14];
const MAX_ATTEMPTS = 4;

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function isTransient(err: unknown): boolean {
  const code = (err as { code?: string }).code;
  return code === '40001' || code === '40P01' || code === 'ECONNRESET';
}

export async function sendReminders(runId: string, now = new Date()): Promise<number> {
  const overdue = await db
    .selectFrom('invoices')
    .select(['id', 'number', 'customer_id', 'total_cents', 'currency', 'due_at'])
    .where('status', '=', 'open')
    .where('due_at', '<', now)
    .where(sql<boolean>`date_part('day', ${now}::timestamptz - due_at)::int = any(${REMINDER_SCHEDULE_DAYS})`)
    .execute();

  const sent = await Promise.all(
    overdue.map(async (inv) => {
      const contact = await db.selectFrom('billing_contacts').select(['email', 'name']).where('customer_id', '=', inv.customer_id).executeTakeFirst(); // expect: query-in-loop
      if (!contact) return false;
      await mailer.send({
        to: contact.email,
        template: 'invoice-overdue',
        data: { name: contact.name, number: inv.number, amount: inv.total_cents / 100, currency: inv.currency },
      });
      return true;
    }),
  );

  await finishRun(runId, sent.filter(Boolean).length);
  return sent.length;
}

async function finishRun(runId: string, count: number): Promise<void> {
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    try {
      await pool.query('UPDATE dunning_runs SET finished_at = now(), reminders_sent = $2 WHERE id = $1', [runId, count]);
      return;
    } catch (err) {
      if (attempt === MAX_ATTEMPTS || !isTransient(err)) {
        throw err;
      }
      await sleep(100 * 2 ** attempt + Math.floor(Math.random() * 50));
    }
  }
}
