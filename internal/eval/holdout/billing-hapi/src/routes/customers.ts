import type { Request, ServerRoute } from '@hapi/hapi';
import Boom from '@hapi/boom';
import Joi from 'joi';
import { db } from '../db';

const SORTABLE = ['created_at', 'name', 'mrr_cents'] as const;
type SortColumn = (typeof SORTABLE)[number];

export const customerRoutes: ServerRoute[] = [
  {
    method: 'GET',
    path: '/customers',
    options: {
      validate: {
        query: Joi.object({
          q: Joi.string().max(100),
          status: Joi.string().valid('active', 'past_due', 'canceled'),
          plan: Joi.string().max(40),
          country: Joi.string().length(2),
          sort: Joi.string().valid(...SORTABLE).default('created_at'),
        }),
      },
    },
    handler: async (request: Request) => {
      const { q, sort, ...filters } = request.query as Record<string, string | undefined>;
      let query = db.selectFrom('customers').select(['id', 'name', 'email', 'status', 'plan', 'mrr_cents']);

      // Only adds WHERE clauses; the statement runs once below.
      for (const [column, value] of Object.entries(filters)) {
        if (value !== undefined) {
          query = query.where(column as 'status' | 'plan' | 'country', '=', value);
        }
      }
      if (q) {
        query = query.where((eb) => eb.or([eb('name', 'ilike', `%${q}%`), eb('email', 'ilike', `%${q}%`)]));
      }
      return query
        .orderBy(sort as SortColumn, 'desc')
        .limit(100)
        .execute();
    },
  },
  {
    method: 'POST',
    path: '/customers/lookup',
    options: {
      validate: { payload: Joi.object({ ids: Joi.array().items(Joi.string().uuid()).max(500).required() }) },
    },
    handler: async (request: Request) => {
      const { ids } = request.payload as { ids: string[] };
      if (ids.length === 0) {
        return [];
      }
      const rows = await db.selectFrom('customers').selectAll().where('id', 'in', ids).execute();
      const byId = new Map(rows.map((row) => [row.id, row]));
      const missing: string[] = [];
      for (const id of ids) {
        if (!byId.has(id)) missing.push(id);
      }
      return { customers: ids.map((id) => byId.get(id) ?? null), missing };
    },
  },
  {
    method: 'PUT',
    path: '/customers/{id}/tags',
    options: {
      validate: { payload: Joi.object({ tags: Joi.array().items(Joi.string().max(32)).max(20).required() }) },
    },
    handler: async (request: Request) => {
      const { id } = request.params;
      const { tags } = request.payload as { tags: string[] };
      const exists = await db.selectFrom('customers').select('id').where('id', '=', id).executeTakeFirst();
      if (!exists) {
        throw Boom.notFound();
      }
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('customer_tags').where('customer_id', '=', id).execute();
        if (tags.length > 0) {
          await trx
            .insertInto('customer_tags')
            .values(tags.map((tag) => ({ customer_id: id, tag: tag.toLowerCase() })))
            .execute();
        }
      });
      return { id, tags };
    },
  },
];
