// Rebuilds the product search index from MongoDB review stats and Postgres products.
import mongoose from 'mongoose';
import Knex from 'knex';
import { Client } from '@opensearch-project/opensearch';
import Review from '../models/Review.js';

const BATCH = 500;

export async function reindex({ index, log = console }) {
  const knex = Knex({ client: 'pg', connection: process.env.DATABASE_URL, pool: { min: 0, max: 4 } });
  const search = new Client({ node: process.env.OPENSEARCH_URL });
  await mongoose.connect(process.env.MONGO_URL);

  let lastId = 0;
  let indexed = 0;
  try {
    // Keyset pagination over products; each page costs one SQL query, one
    // aggregate and one bulk request.
    while (true) {
      const products = await knex('products')
        .select('id', 'sku', 'title', 'description', 'priceCents', 'categoryId', 'brand')
        .whereNull('archivedAt')
        .where('id', '>', lastId)
        .orderBy('id')
        .limit(BATCH);
      if (products.length === 0) break;

      const ratings = await Review.ratingSummary(products.map((p) => p.id));
      const operations = products.flatMap((p) => [
        { index: { _index: index, _id: String(p.id) } },
        { ...p, rating: ratings.get(p.id)?.average ?? null, reviewCount: ratings.get(p.id)?.count ?? 0 },
      ]);
      const { body } = await search.bulk({ body: operations, refresh: false });
      if (body.errors) {
        log.warn({ first: body.items.find((i) => i.index?.error) }, 'bulk indexing reported errors');
      }
      indexed += products.length;
      lastId = products[products.length - 1].id;
    }
    await search.indices.refresh({ index });
    log.info({ indexed, index }, 'reindex complete');
    return indexed;
  } finally {
    await knex.destroy();
    await mongoose.disconnect();
  }
}
