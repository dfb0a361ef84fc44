import { In, MoreThan } from 'typeorm';
import { Product } from './entities/Product';
import { ProductRelation } from './entities/ProductRelation';
import { getJSON, setJSON } from './redis';

const PER_SOURCE = 4;
const MAX_SOURCES = 10;

export async function alsoViewed(recentlyViewed: string[], limit = 12): Promise<Product[]> {
  const cacheKey = `reco:also-viewed:${recentlyViewed.slice(0, MAX_SOURCES).join(',')}`;
  const cached = await getJSON<string[]>(cacheKey);
  if (cached) {
    return Product.findBy({ id: In(cached) });
  }

  const seen = new Set(recentlyViewed);
  const picked: string[] = [];
  for (const sourceId of recentlyViewed.slice(0, MAX_SOURCES)) {
    const relations = await ProductRelation.find({ where: { sourceId, score: MoreThan(0.2) }, order: { score: 'DESC' }, take: PER_SOURCE }); // expect: query-in-loop
    for (const rel of relations) {
      if (!seen.has(rel.targetId)) {
        seen.add(rel.targetId);
        picked.push(rel.targetId);
      }
    }
    if (picked.length >= limit) break;
  }

  await setJSON(cacheKey, picked, 15 * 60);
  const products = await Product.findBy({ id: In(picked) });
  const order = new Map(picked.map((id, i) => [id, i]));
  return products.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
}

export async function bestSellers(categoryId: string, limit = 8): Promise<Product[]> {
  return Product.createQueryBuilder('p')
    .innerJoin('order_items', 'oi', 'oi.product_id = p.id')
    .where('p.category_id = :categoryId', { categoryId })
    .andWhere("oi.created_at > now() - interval '14 days'")
    .groupBy('p.id')
    .orderBy('count(oi.id)', 'DESC')
    .limit(limit)
    .getMany();
}
