import { and, asc, eq, gt, isNull, inArray } from 'drizzle-orm';
import { db } from '../db/client';
import { deliveries } from '../db/schema';

const PAGE = 500;

async function postToLedger(batch: Array<{ id: string; priceCents: number | null }>): Promise<void> {
  const body = JSON.stringify({ entries: batch.map((d) => ({ ref: d.id, amount: d.priceCents ?? 0 })) });
  for (let attempt = 1; ; attempt++) {
    const res = await fetch(`${process.env.LEDGER_URL}/entries:batch`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      signal: AbortSignal.timeout(10_000),
    });
    if (res.ok) return;
    if (attempt >= 4 || res.status < 500) {
      throw new Error(`ledger rejected batch: ${res.status}`);
    }
    await new Promise((r) => setTimeout(r, 250 * 2 ** attempt));
  }
}

// Nightly: settle delivered, unsettled deliveries. Keyset pagination, one page per pass.
export async function settleDelivered(): Promise<number> {
  let cursor = '00000000-0000-0000-0000-000000000000';
  let total = 0;
  for (;;) {
    const page = await db
      .select({ id: deliveries.id, priceCents: deliveries.priceCents })
      .from(deliveries)
      .where(and(eq(deliveries.status, 'delivered'), isNull(deliveries.settledAt), gt(deliveries.id, cursor)))
      .orderBy(asc(deliveries.id))
      .limit(PAGE);
    if (page.length === 0) break;

    await postToLedger(page);
    await db
      .update(deliveries)
      .set({ settledAt: new Date() })
      .where(inArray(deliveries.id, page.map((d) => d.id)));

    total += page.length;
    cursor = page[page.length - 1].id;
    if (page.length < PAGE) break;
  }
  return total;
}
