import { pool, queryRows } from '../lib/db';

export interface ProductRow {
  id: string;
  sku: string;
  title: string;
  description: string | null;
  price_cents: number;
  currency: string;
  stock: number;
  category_id: string | null;
  updated_at: Date;
}

export interface ProductFilter {
  categoryId?: string;
  minPriceCents?: number;
  maxPriceCents?: number;
  inStockOnly?: boolean;
  search?: string;
}

export async function findProductsByIds(ids: readonly string[]): Promise<ProductRow[]> {
  if (ids.length === 0) {
    return [];
  }
  return queryRows<ProductRow>('SELECT * FROM products WHERE id = ANY($1::uuid[])', [ids]);
}

export async function findProductsBySkus(skus: readonly string[]): Promise<Map<string, ProductRow>> {
  const rows = await queryRows<ProductRow>('SELECT * FROM products WHERE sku = ANY($1::text[])', [skus]);
  return new Map(rows.map((r) => [r.sku, r]));
}

export async function searchProducts(filter: ProductFilter, limit = 50, offset = 0): Promise<ProductRow[]> {
  const clauses: string[] = ['deleted_at IS NULL'];
  const params: unknown[] = [];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    clauses.push(sql.replace('?', `$${params.length}`));
  };
  if (filter.categoryId) add('category_id = ?', filter.categoryId);
  if (filter.minPriceCents !== undefined) add('price_cents >= ?', filter.minPriceCents);
  if (filter.maxPriceCents !== undefined) add('price_cents <= ?', filter.maxPriceCents);
  if (filter.inStockOnly) clauses.push('stock > 0');
  if (filter.search) add("search_vector @@ plainto_tsquery('english', ?)", filter.search);

  params.push(limit, offset);
  const sql = `SELECT * FROM products WHERE ${clauses.join(' AND ')}
               ORDER BY updated_at DESC LIMIT $${params.length - 1} OFFSET $${params.length}`;
  return queryRows<ProductRow>(sql, params);
}

export async function applyPriceChange(categoryId: string, percent: number): Promise<number> {
  const client = await pool.connect(); // expect: missing-release
  await client.query('BEGIN');
  const { rowCount } = await client.query(
    `UPDATE products SET price_cents = round(price_cents * (1 + $2::numeric / 100)), updated_at = now()
      WHERE category_id = $1 AND deleted_at IS NULL`,
    [categoryId, percent],
  );
  await client.query(
    'INSERT INTO price_changes (category_id, percent, products, changed_at) VALUES ($1, $2, $3, now())',
    [categoryId, percent, rowCount],
  );
  await client.query('COMMIT');
  client.release();
  return rowCount ?? 0;
}
