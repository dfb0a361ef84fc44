import type { Request, ResponseToolkit, ServerRoute } from '@hapi/hapi';
import Joi from 'joi';
import zlib from 'node:zlib';
import { db } from '../db';

const PAGE_SIZE = 1000;

function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const s = value instanceof Date ? value.toISOString() : String(value);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const exportRoutes: ServerRoute[] = [
  {
    method: 'GET',
    path: '/exports/payments.csv',
    options: {
      validate: {
        query: Joi.object({
          from: Joi.date().iso().required(),
          to: Joi.date().iso().required(),
        }),
      },
    },
    handler: async (request: Request, h: ResponseToolkit) => {
      const { from, to } = request.query as { from: Date; to: Date };
      const lines = ['id,invoice_id,amount_cents,currency,method,created_at'];

      // Keyset pagination: one query per page of PAGE_SIZE rows.
      let after = '00000000-0000-0000-0000-000000000000';
      for (;;) {
        const page = await db
          .selectFrom('payments')
          .select(['id', 'invoice_id', 'amount_cents', 'currency', 'method', 'created_at'])
          .where('created_at', '>=', from)
          .where('created_at', '<', to)
          .where('id', '>', after)
          .orderBy('id')
          .limit(PAGE_SIZE)
          .execute();
        for (const p of page) {
          lines.push([p.id, p.invoice_id, p.amount_cents, p.currency, p.method, p.created_at].map(csvCell).join(','));
        }
        if (page.length < PAGE_SIZE) break;
        after = page[page.length - 1].id;
      }

      const body = lines.join('\n');
      if (!String(request.headers['accept-encoding'] ?? '').includes('gzip')) {
        return h.response(body).type('text/csv');
      }
      const gz = zlib.gzipSync(body, { level: 6 }); // expect: sync-api-in-async
      return h.response(gz).type('text/csv').header('Content-Encoding', 'gzip');
    },
  },
];
