import fs from 'node:fs';
import Fastify from 'fastify';
import { pool } from './db.mjs';
import { redis } from './redis.mjs';
import { logger } from './lib/logger.mjs';
import notificationRoutes from './routes/notifications.mjs';
import preferenceRoutes from './routes/preferences.mjs';
import templateRoutes from './routes/templates.mjs';
import unsubscribeRoutes from './routes/unsubscribe.mjs';
import { startOutboxWorker } from './workers/outbox.mjs';

const tenants = JSON.parse(fs.readFileSync(process.env.TENANTS_FILE ?? './tenants.json', 'utf8'));

const app = Fastify({ logger, requestTimeout: 15_000, bodyLimit: 512 * 1024 });

app.decorateRequest('tenant', null);
app.addHook('onRequest', async (req, reply) => {
  const tenant = tenants[req.headers['x-tenant-id']];
  if (!tenant && !req.url.startsWith('/healthz') && !req.url.startsWith('/u/')) {
    return reply.code(400).send({ error: 'unknown tenant' });
  }
  req.tenant = tenant;
});

app.get('/healthz', async () => {
  await pool.query('SELECT 1');
  await redis.ping();
  return { ok: true };
});

await app.register(notificationRoutes, { prefix: '/v1' });
await app.register(preferenceRoutes, { prefix: '/v1' });
await app.register(templateRoutes, { prefix: '/v1' });
await app.register(unsubscribeRoutes);

const stopWorker = startOutboxWorker();
app.addHook('onClose', async () => {
  stopWorker();
  await Promise.allSettled([pool.end(), redis.quit()]);
});

await app.listen({ port: Number(process.env.PORT ?? 3001), host: '0.0.0.0' });
