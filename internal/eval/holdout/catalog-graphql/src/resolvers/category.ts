import Category from '../models/Category';
import type { GraphQLContext } from '../context';

const MAX_DEPTH = 12;

export const categoryResolvers = {
  Query: {
    categoryTree: () => Category.query().select('id', 'name', 'slug', 'parentId').orderBy(['parentId', 'position']),
  },

  Category: {
    breadcrumbs: async (category: Category) => {
      const trail: Category[] = [category];
      let current = category;
      while (current.parentId && trail.length < MAX_DEPTH) {
        const parent = await Category.query().findById(current.parentId).select('id', 'name', 'slug', 'parentId'); // expect: query-in-loop
        if (!parent) break;
        trail.unshift(parent);
        current = parent;
      }
      return trail;
    },

    parent: (category: Category, _: unknown, ctx: GraphQLContext) =>
      category.parentId ? ctx.loaders.category.load(category.parentId) : null,
  },

  Mutation: {
    reorderCategories: async (_: unknown, { parentId, orderedIds }: { parentId: number; orderedIds: number[] }) => {
      // One UPDATE … FROM (VALUES …) statement for the whole list.
      const values = orderedIds.map((id, position) => `(${Number(id)}, ${position})`).join(', ');
      await Category.knex().raw(
        `UPDATE categories AS c SET position = v.position
           FROM (VALUES ${values}) AS v(id, position)
          WHERE c.id = v.id AND c."parentId" = ?`,
        [parentId],
      );
      return Category.query().where('parentId', parentId).orderBy('position');
    },
  },
};
