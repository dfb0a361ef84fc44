'use client';

import Image from 'next/image';
import { useEffect, useMemo, useState } from 'react';

export interface GridProduct {
  id: string;
  title: string;
  priceCents: number;
  currency: string;
  imageUrl: string;
  stock: number;
}

type Sort = 'relevance' | 'price-asc' | 'price-desc';

export function ProductGrid({ products, categoryId }: { products: GridProduct[]; categoryId: string }) {
  const [sort, setSort] = useState<Sort>('relevance');
  const [stock, setStock] = useState<Record<string, number>>({});

  useEffect(() => {
    const controller = new AbortController();
    fetch(`/api/stock?category=${encodeURIComponent(categoryId)}`, { signal: controller.signal })
      .then((res) => (res.ok ? res.json() : {}))
      .then(setStock)
      .catch(() => undefined);
    return () => controller.abort();
  }, [categoryId]);

  const sorted = useMemo(() => {
    const copy = [...products];
    if (sort === 'price-asc') copy.sort((a, b) => a.priceCents - b.priceCents);
    if (sort === 'price-desc') copy.sort((a, b) => b.priceCents - a.priceCents);
    return copy;
  }, [products, sort]);

  return (
    <div>
      <select value={sort} onChange={(e) => setSort(e.target.value as Sort)} className="mb-4 rounded border p-1">
        <option value="relevance">Most relevant</option>
        <option value="price-asc">Price: low to high</option>
        <option value="price-desc">Price: high to low</option>
      </select>
      <ul className="grid grid-cols-2 gap-4 md:grid-cols-4">
        {sorted.map((p) => {
          const left = stock[p.id] ?? p.stock;
          return (
            <li key={p.id} className="rounded border p-2">
              <Image src={p.imageUrl} alt={p.title} width={320} height={320} />
              <div className="mt-2 text-sm">{p.title}</div>
              <div className="font-medium">
                {new Intl.NumberFormat('en', { style: 'currency', currency: p.currency }).format(p.priceCents / 100)}
              </div>
              {left < 5 && <div className="text-xs text-red-600">{left === 0 ? 'Sold out' : `Only ${left} left`}</div>}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
