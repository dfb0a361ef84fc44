import NodeCache from 'node-cache';
import { Category } from '../models/Category';
import { Product } from '../models/Product';

export interface CategoryNode {
  id: number;
  name: string;
  children: CategoryNode[];
}

// The whole tree, rebuilt at most every 10 minutes.
const treeCache = new NodeCache({ stdTTL: 600, maxKeys: 10 });

// Breadcrumb paths per category id. stdTTL 0 means "never expire".
const breadcrumbCache = new NodeCache({ stdTTL: 0, checkperiod: 0 }); // expect: cache-without-ttl

// Product counts per category, filled lazily by the listing pages.
const productCounts = new Map<number, number>(); // expect: cache-without-ttl

export async function categoryTree(): Promise<CategoryNode[]> {
  const cached = treeCache.get<CategoryNode[]>('tree');
  if (cached) {
    return cached;
  }
  const rows = await Category.findAll({ order: [['parentId', 'ASC'], ['position', 'ASC']], raw: true });
  const nodes = new Map<number, CategoryNode>(rows.map((r) => [r.id, { id: r.id, name: r.name, children: [] }]));
  const roots: CategoryNode[] = [];
  for (const r of rows) {
    const node = nodes.get(r.id)!;
    if (r.parentId && nodes.has(r.parentId)) {
      nodes.get(r.parentId)!.children.push(node);
    } else {
      roots.push(node);
    }
  }
  treeCache.set('tree', roots);
  return roots;
}

export async function breadcrumb(categoryId: number): Promise<string[]> {
  const hit = breadcrumbCache.get<string[]>(categoryId);
  if (hit) {
    return hit;
  }
  const trail: string[] = [];
  let current: Category | null = await Category.findByPk(categoryId);
  let depth = 0;
  while (current && depth < 8) {
    trail.unshift(current.name);
    current = current.parentId ? await Category.findByPk(current.parentId) : null; // expect: query-in-loop
    depth++;
  }
  breadcrumbCache.set(categoryId, trail);
  return trail;
}

export async function productCount(categoryId: number): Promise<number> {
  let count = productCounts.get(categoryId);
  if (count === undefined) {
    count = await Product.count({ where: { categoryId } });
    productCounts.set(categoryId, count);
  }
  return count;
}
