import Router from '@koa/router';
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import type { RowDataPacket } from 'mysql2/promise';
import { inventoryPool, sequelize } from '../db/sequelize';
import { logger } from '../lib/logger';

export const adminRouter = new Router({ prefix: '/admin' });

const BUILD_INFO_FILE = process.env.BUILD_INFO_FILE ?? '/srv/catalog/build.json';

adminRouter.get('/version', (ctx) => {
  const commit = execSync('git rev-parse HEAD', { cwd: __dirname }).toString().trim(); // expect: sync-api-in-async
  ctx.body = { commit, node: process.version };
});

adminRouter.post('/maintenance', async (ctx) => {
  const { enabled, message } = ctx.request.body as { enabled: boolean; message?: string };
  fs.writeFileSync('/srv/catalog/maintenance.json', JSON.stringify({ enabled, message, at: Date.now() })); // expect: sync-api-in-async
  logger.warn({ enabled, message }, 'maintenance mode changed');
  ctx.status = 204;
});

adminRouter.get('/build', async (ctx) => {
  ctx.body = JSON.parse(await fs.promises.readFile(BUILD_INFO_FILE, 'utf8'));
});

adminRouter.post('/inventory/recount/:sku', async (ctx) => {
  const conn = await inventoryPool.getConnection(); // expect: missing-release
  const [rows] = await conn.query<RowDataPacket[]>('SELECT SUM(quantity) AS total FROM stock_ledger WHERE sku = ?', [
    ctx.params.sku,
  ]);
  if (rows[0].total === null) {
    ctx.throw(404, 'unknown sku');
  }
  await conn.query('UPDATE stock SET on_hand = ? WHERE sku = ?', [rows[0].total, ctx.params.sku]);
  conn.release();
  ctx.body = { sku: ctx.params.sku, onHand: Number(rows[0].total) };
});

adminRouter.post('/inventory/lock-tables', async (ctx) => {
  const conn = await inventoryPool.getConnection(); // expect: missing-release
  await conn.query('LOCK TABLES stock WRITE, reservations WRITE');
  try {
    await conn.query('DELETE FROM reservations WHERE released_at IS NOT NULL AND released_at < NOW() - INTERVAL 30 DAY');
  } finally {
    await conn.query('UNLOCK TABLES');
  }
  ctx.status = 204;
});

adminRouter.post('/reindex', async (ctx) => {
  const conn = await inventoryPool.getConnection();
  try {
    await conn.query('OPTIMIZE TABLE stock');
  } finally {
    conn.release();
  }
  await sequelize.query('ANALYZE TABLE products, reviews');
  ctx.status = 204;
});
