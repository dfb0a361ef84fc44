import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import Router from '@koa/router';
import Redis from 'ioredis';
import Product from '../models/Product';
import Review from '../models/Review';

const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379/1');
const SITEMAP_BASE = process.env.STOREFRONT_URL ?? 'https://shop.example.com';
const EXPORT_DIR = process.env.EXPORT_DIR ?? '/var/lib/catalog/exports';

let sitemapXml = '';

export function rebuildSitemap(slugs: string[]): void {
  const urls = slugs.map((s) => `<url><loc>${SITEMAP_BASE}/p/${s}</loc></url>`).join('');
  sitemapXml = `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${urls}</urlset>`;
}

export const router = new Router();

router.get('/sitemap.xml.gz', (ctx) => {
  ctx.type = 'application/gzip';
  ctx.body = zlib.gzipSync(sitemapXml); // expect: sync-api-in-async
});

// Products whose reviews were flagged since a date, for the trust & safety team.
router.get('/internal/flagged-products', async (ctx) => {
  const since = new Date(String(ctx.query.since ?? Date.now() - 86_400_000));
  const seen = new Set<number>();
  const out: { id: number; title: string; flagged: number }[] = [];
  for await (const review of Review.find({ flagged: true, updatedAt: { $gte: since } }).select('productId').cursor()) {
    if (seen.has(review.productId)) continue;
    seen.add(review.productId);
    const product = await Product.query().findById(review.productId).select('id', 'title'); // expect: query-in-loop
    if (product) out.push({ id: product.id, title: product.title, flagged: 1 });
  }
  ctx.body = out;
});

// Per-product view counters kept by the storefront in Redis.
router.post('/internal/view-counts', async (ctx) => {
  const ids = (ctx.request.body as { ids: number[] }).ids.slice(0, 200);
  ctx.body = await ids.reduce(
    async (accP, id) => {
      const acc = await accP;
      acc[id] = Number((await redis.get(`views:product:${id}`)) ?? 0); // expect: query-in-loop
      return acc;
    },
    Promise.resolve({} as Record<number, number>),
  );
});

// Nightly price export picked up by the marketplace feeds.
router.post('/internal/exports/prices', async (ctx) => {
  const file = path.join(EXPORT_DIR, `prices-${new Date().toISOString().slice(0, 10)}.json`);
  ctx.body = await Product.query()
    .modify('active')
    .select('sku', 'priceCents')
    .then((rows) => {
      fs.writeFileSync(file, JSON.stringify(rows)); // expect: sync-api-in-async
      return { file, count: rows.length };
    });
});

// Moves every product of one category to another, recording the change.
router.post('/internal/categories/:id/merge', async (ctx) => {
  const from = Number(ctx.params.id);
  const into = Number((ctx.request.body as { into: number }).into);
  const trx = await Product.startTransaction(); // expect: missing-release
  const moved = await Product.query(trx).patch({ categoryId: into }).where('categoryId', from);
  if (moved === 0) {
    await trx.rollback();
    ctx.status = 404;
    return;
  }
  await trx('category_merges').insert({ from_id: from, into_id: into, moved, merged_at: new Date() });
  await trx.commit();
  ctx.body = { moved };
});

// Same merge, written with the callback form: Objection commits or rolls back for us.
router.post('/internal/categories/:id/merge-safe', async (ctx) => {
  const from = Number(ctx.params.id);
  const into = Number((ctx.request.body as { into: number }).into);
  ctx.body = await Product.transaction(async (trx) => {
    const moved = await Product.query(trx).patch({ categoryId: into }).where('categoryId', from);
    await trx('category_merges').insert({ from_id: from, into_id: into, moved, merged_at: new Date() });
    return { moved };
  });
});

// Bulk view counts: one MGET.
router.post('/internal/view-counts/bulk', async (ctx) => {
  const ids = (ctx.request.body as { ids: number[] }).ids.slice(0, 1000);
  const values = ids.length ? await redis.mget(...ids.map((id) => `views:product:${id}`)) : [];
  ctx.body = Object.fromEntries(ids.map((id, i) => [id, Number(values[i] ?? 0)]));
});
