import QueryStream from 'pg-query-stream';
import { Client as SearchClient } from '@elastic/elasticsearch';
import { pool } from '../lib/db';
import { logger } from '../lib/logger';
import type { ProductRow } from '../repositories/productRepository';

const search = new SearchClient({ node: process.env.SEARCH_URL ?? 'http://localhost:9200', requestTimeout: 10_000 });
const BULK_SIZE = 1_000;

export async function reindexProducts(indexName: string): Promise<number> {
  const client = await pool.connect();
  let indexed = 0;
  let batch: object[] = [];
  try {
    const stream = client.query(new QueryStream('SELECT * FROM products WHERE deleted_at IS NULL ORDER BY id'));
    for await (const row of stream as AsyncIterable<ProductRow>) {
      batch.push({ index: { _index: indexName, _id: row.id } }, {
        sku: row.sku,
        title: row.title,
        description: row.description,
        price: row.price_cents / 100,
        inStock: row.stock > 0,
      });
      if (batch.length >= BULK_SIZE * 2) {
        await search.bulk({ operations: batch, refresh: false });
        indexed += batch.length / 2;
        batch = [];
      }
    }
    if (batch.length > 0) {
      await search.bulk({ operations: batch, refresh: true });
      indexed += batch.length / 2;
    }
  } finally {
    client.release();
  }
  logger.info({ indexName, indexed }, 'product reindex finished');
  return indexed;
}
