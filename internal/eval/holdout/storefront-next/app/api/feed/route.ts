import { createHash } from 'node:crypto';
import { sql } from '@/lib/sql';
import { redis } from '@/lib/redis';

const FEED_KEY = 'feed:google-shopping:v2';

function escapeXml(s: string): string {
  return s.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c] as string);
}

export async function GET(req: Request) {
  const client = await redis();
  const cached = await client.get(FEED_KEY);
  if (cached && !new URL(req.url).searchParams.has('rebuild')) {
    return new Response(cached, { headers: { 'content-type': 'application/xml' } });
  }

  const items: string[] = [];
  // postgres.js cursor: one query, rows streamed 500 at a time.
  for await (const rows of sql`select sku, title, description, price_cents, currency, image_url from products where archived_at is null`.cursor(500)) {
    for (const p of rows) {
      items.push(
        `<item><g:id>${escapeXml(p.sku)}</g:id><title>${escapeXml(p.title)}</title><g:price>${(p.priceCents / 100).toFixed(2)} ${p.currency}</g:price><g:image_link>${escapeXml(p.imageUrl)}</g:image_link></item>`,
      );
    }
  }
  const xml = `<?xml version="1.0"?><rss version="2.0" xmlns:g="http://base.google.com/ns/1.0"><channel>${items.join('')}</channel></rss>`;
  await client.set(FEED_KEY, xml); // expect: cache-without-ttl
  await client.set(`${FEED_KEY}:etag`, createHash('sha1').update(xml).digest('hex'), { EX: 6 * 60 * 60 });
  return new Response(xml, { headers: { 'content-type': 'application/xml' } });
}
