import { LRUCache } from 'lru-cache';
import NodeCache from 'node-cache';
import { Client } from '@opensearch-project/opensearch';

const client = new Client({ node: process.env.OPENSEARCH_URL ?? 'http://localhost:9200' });
const INDEX = process.env.PRODUCT_INDEX ?? 'products-v3';

export interface SearchHit {
  id: number;
  title: string;
  priceCents: number;
  score: number;
}

// Hot queries ("shoes", "black dress") repeat constantly; keep a few hundred for a minute.
const resultCache = new LRUCache<string, SearchHit[]>({ max: 500, ttl: 60_000 });

// Facet counts per category, refreshed when the indexer publishes a new version.
const facetCache = new NodeCache({ useClones: false, checkperiod: 0 }); // expect: cache-without-ttl

export async function search(term: string, categoryId?: number): Promise<SearchHit[]> {
  const key = `${categoryId ?? '*'}|${term.trim().toLowerCase()}`;
  const cached = resultCache.get(key);
  if (cached) return cached;

  const filter = categoryId ? [{ term: { categoryId } }] : [];
  const { body } = await client.search({
    index: INDEX,
    body: {
      size: 48,
      query: { bool: { must: { multi_match: { query: term, fields: ['title^3', 'description'] } }, filter } },
    },
  });
  const hits = body.hits.hits.map((h: any) => ({ id: h._source.id, title: h._source.title, priceCents: h._source.priceCents, score: h._score }));
  resultCache.set(key, hits);
  return hits;
}

export async function facets(categoryId: number): Promise<Record<string, number>> {
  const key = `facets:${categoryId}`;
  const hit = facetCache.get<Record<string, number>>(key);
  if (hit) return hit;
  const { body } = await client.search({
    index: INDEX,
    body: { size: 0, query: { term: { categoryId } }, aggs: { brand: { terms: { field: 'brand', size: 50 } } } },
  });
  const counts: Record<string, number> = {};
  for (const bucket of body.aggregations.brand.buckets) counts[bucket.key] = bucket.doc_count;
  facetCache.set(key, counts);
  return counts;
}

export function onIndexPublished(): void {
  facetCache.flushAll();
  resultCache.clear();
}
