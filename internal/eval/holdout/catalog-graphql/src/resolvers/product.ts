import { GraphQLError } from 'graphql';
import { raw } from 'objection';
import Product from '../models/Product';
import type { GraphQLContext } from '../context';

interface PriceChange {
  productId: number;
  priceCents: number;
}

function requireRole(ctx: GraphQLContext, role: string): void {
  if (!ctx.viewer?.roles.includes(role)) {
    throw new GraphQLError('forbidden', { extensions: { code: 'FORBIDDEN' } });
  }
}

export const productResolvers = {
  Query: {
    product: (_: unknown, { id }: { id: number }, ctx: GraphQLContext) => ctx.loaders.product.load(id),

    products: async (_: unknown, args: { categoryId?: number; first?: number; after?: number }) => {
      const first = Math.min(args.first ?? 24, 100);
      const query = Product.query().modify('active').orderBy('id').limit(first + 1);
      if (args.categoryId) query.modify('inCategory', args.categoryId);
      if (args.after) query.where('id', '>', args.after);
      const rows = await query;
      return {
        nodes: rows.slice(0, first),
        pageInfo: { hasNextPage: rows.length > first, endCursor: rows[Math.min(rows.length, first) - 1]?.id ?? null },
      };
    },

    compare: async (_: unknown, { ids }: { ids: number[] }, ctx: GraphQLContext) => {
      // Batched by DataLoader into one whereIn per tick.
      return Promise.all(ids.slice(0, 4).map((id) => ctx.loaders.product.load(id)));
    },
  },

  Product: {
    category: (product: Product, _: unknown, ctx: GraphQLContext) =>
      product.categoryId ? ctx.loaders.category.load(product.categoryId) : null,
    rating: (product: Product, _: unknown, ctx: GraphQLContext) => ctx.loaders.ratings.load(product.id),
  },

  Mutation: {
    updatePrices: async (_: unknown, { changes }: { changes: PriceChange[] }, ctx: GraphQLContext) => {
      requireRole(ctx, 'merchandiser');
      if (changes.length > 200) {
        throw new GraphQLError('at most 200 price changes per call', { extensions: { code: 'BAD_USER_INPUT' } });
      }
      const updated = await Promise.all(
        changes.map((change) => Product.query().patchAndFetchById(change.productId, { priceCents: change.priceCents })), // expect: query-in-loop
      );
      return updated.filter(Boolean);
    },

    archiveProducts: async (_: unknown, { ids }: { ids: number[] }, ctx: GraphQLContext) => {
      requireRole(ctx, 'merchandiser');
      const count = await Product.query()
        .patch({ archivedAt: raw('now()') } as Partial<Product>)
        .whereIn('id', ids)
        .whereNull('archivedAt');
      ids.forEach((id) => ctx.loaders.product.clear(id));
      return count;
    },
  },
};
