import DataLoader from 'dataloader';
import Product from './models/Product';
import Category from './models/Category';
import Review from './models/Review';

export interface Loaders {
  product: DataLoader<number, Product | null>;
  category: DataLoader<number, Category | null>;
  ratings: DataLoader<number, { average: number; count: number } | null>;
}

function orderBy<K, V extends { id: K }>(keys: readonly K[], rows: V[]): (V | null)[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  return keys.map((k) => byId.get(k) ?? null);
}

// One set of loaders per request: DataLoader's cache must not outlive it.
export function createLoaders(): Loaders {
  return {
    product: new DataLoader(async (ids) => orderBy(ids, await Product.query().whereIn('id', ids as number[]))),
    category: new DataLoader(async (ids) => orderBy(ids, await Category.query().whereIn('id', ids as number[]))),
    ratings: new DataLoader(async (ids) => {
      const summary = await Review.ratingSummary(ids as number[]);
      return ids.map((id) => summary.get(id) ?? null);
    }),
  };
}
