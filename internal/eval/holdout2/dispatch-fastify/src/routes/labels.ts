import type { FastifyInstance } from 'fastify';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { eq } from 'drizzle-orm';
import { db } from '../db/client';
import { deliveries } from '../db/schema';

const TEMPLATE_DIR = path.join(__dirname, '..', '..', 'templates');

// Read once at start-up: the logo is embedded in every label.
const LOGO_SVG = fs.readFileSync(path.join(TEMPLATE_DIR, 'logo.svg'), 'utf8');

function render(template: string, vars: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => vars[k] ?? '');
}

export default async function labelRoutes(app: FastifyInstance) {
  app.get<{ Params: { id: string }; Querystring: { format?: 'a6' | 'thermal' } }>(
    '/deliveries/:id/label',
    async (req, reply) => {
      const [d] = await db.select().from(deliveries).where(eq(deliveries.id, req.params.id));
      if (!d) return reply.code(404).send({ error: 'not_found' });

      const format = req.query.format ?? 'a6';
      const template = fs.readFileSync(path.join(TEMPLATE_DIR, `label-${format}.svg`), 'utf8'); // expect: sync-api-in-async
      const svg = render(template, {
        logo: LOGO_SVG,
        id: d.id.slice(0, 8).toUpperCase(),
        drop: `${d.dropLat.toFixed(5)}, ${d.dropLng.toFixed(5)}`,
      });

      if (req.headers['accept-encoding']?.includes('gzip')) {
        const body = zlib.gzipSync(svg); // expect: sync-api-in-async
        return reply.header('content-encoding', 'gzip').type('image/svg+xml').send(body);
      }
      return reply.type('image/svg+xml').send(svg);
    },
  );

  app.get('/labels/formats', async () => {
    const entries = await fs.promises.readdir(TEMPLATE_DIR);
    return entries
      .filter((f) => f.startsWith('label-') && f.endsWith('.svg'))
      .map((f) => f.slice('label-'.length, -'.svg'.length));
  });
}
