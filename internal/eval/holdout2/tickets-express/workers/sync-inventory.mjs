// Pulls seat inventory from the box-office partner every five minutes.
// "sync" here means synchronising with the partner; every call below is asynchronous.
import { knex, closeAll } from './db.mjs';

const PARTNER = process.env.BOX_OFFICE_URL;

async function fetchWithRetry(url, attempts = 4) {
  let lastErr;
  for (let i = 0; i < attempts; i++) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(8_000) });
      if (res.ok) return await res.json();
      lastErr = new Error(`status ${res.status}`);
      if (res.status < 500) break;
    } catch (err) {
      lastErr = err;
    }
    await new Promise((r) => setTimeout(r, 500 * 2 ** i + Math.random() * 200));
  }
  throw lastErr;
}

export async function syncInventory() {
  const feed = await fetchWithRetry(`${PARTNER}/inventory?since=${Date.now() - 10 * 60_000}`);
  if (feed.items.length === 0) return 0;

  await knex.transaction(async (trx) => {
    await trx('partner_inventory')
      .insert(feed.items.map((i) => ({ event_ref: i.event, section: i.section, available: i.available, seen_at: new Date() })))
      .onConflict(['event_ref', 'section'])
      .merge(['available', 'seen_at']);
  });
  return feed.items.length;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  syncInventory()
    .then((n) => console.log(`synced ${n}`))
    .finally(closeAll);
}
