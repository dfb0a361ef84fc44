import { redis, keys } from '../lib/redis';
import { pool, queryRows } from '../lib/db';
import { logger } from '../lib/logger';
import { sendEmail } from './mailer';

interface CartRow {
  id: string;
  customer_id: string;
  email: string;
  updated_at: Date;
}

const PAGE_SIZE = 500;

export async function remindAbandonedCarts(now = new Date()): Promise<number> {
  let lastId = '00000000-0000-0000-0000-000000000000';
  let sent = 0;
  for (;;) {
    const page = await queryRows<CartRow>(
      `SELECT c.id, c.customer_id, cu.email, c.updated_at
         FROM carts c JOIN customers cu ON cu.id = c.customer_id
        WHERE c.checked_out_at IS NULL
          AND c.updated_at < $1::timestamptz - interval '6 hours'
          AND c.id > $2
        ORDER BY c.id
        LIMIT $3`,
      [now, lastId, PAGE_SIZE],
    );
    if (page.length === 0) {
      break;
    }
    for (const cart of page) {
      const alreadySent = await redis.get(keys.cartReminder(cart.id)); // expect: query-in-loop
      if (alreadySent) {
        continue;
      }
      await sendEmail(cart.email, 'cart-reminder', { cartId: cart.id });
      await redis.set(keys.cartReminder(cart.id), now.toISOString()); // expect: query-in-loop, cache-without-ttl
      sent++;
    }
    lastId = page[page.length - 1].id;
  }
  logger.info({ sent }, 'abandoned cart reminders sent');
  return sent;
}

export async function purgeExpiredCarts(): Promise<void> {
  // Each table is cleaned separately so a lock on one does not block the others.
  for (const table of ['cart_items', 'carts'] as const) {
    const { rowCount } = await pool.query(
      `DELETE FROM ${table} WHERE updated_at < now() - interval '30 days'`,
    );
    logger.info({ table, deleted: rowCount }, 'purged expired rows');
  }
}
