import fs from 'node:fs';
import https from 'node:https';
import express from 'express';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import { logger } from './lib/logger';
import { pool } from './lib/db';
import { redis } from './lib/redis';
import { ordersRouter } from './controllers/ordersController';
import { productsRouter } from './controllers/productsController';
import { exportsRouter } from './controllers/exportsController';
import { rateLimit } from './middleware/rateLimit';

const app = express();
app.disable('x-powered-by');
app.use(helmet());
app.use(express.json({ limit: '256kb' }));
app.use(pinoHttp({ logger }));
app.use(rateLimit({ windowSeconds: 60, max: 600 }));

app.get('/healthz', async (_req, res) => {
  try {
    await Promise.all([pool.query('SELECT 1'), redis.ping()]);
    res.json({ ok: true });
  } catch (err) {
    logger.warn({ err }, 'health check failed');
    res.status(503).json({ ok: false });
  }
});

app.use('/v1/orders', ordersRouter);
app.use('/v1/products', productsRouter);
app.use('/admin/exports', exportsRouter);

const port = Number(process.env.PORT ?? 8443);
const tls = {
  key: fs.readFileSync(process.env.TLS_KEY_PATH ?? '/etc/shop/tls.key'),
  cert: fs.readFileSync(process.env.TLS_CERT_PATH ?? '/etc/shop/tls.crt'),
};

const server = https.createServer(tls, app).listen(port, () => {
  logger.info({ port }, 'shop-api listening');
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    logger.info({ signal }, 'shutting down');
    server.close(async () => {
      await Promise.allSettled([pool.end(), redis.quit()]);
      process.exit(0);
    });
  });
}
