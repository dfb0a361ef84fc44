import Koa from 'koa';
import bodyParser from 'koa-bodyparser';
import { readFileSync } from 'node:fs';
import { sequelize, connectMongo } from './db/sequelize';
import { productsRouter } from './routes/products';
import { mediaRouter } from './routes/media';
import { categoryTree } from './services/categoryTree';
import { logger } from './lib/logger';
import { etagFor, requestId } from './lib/hash';

const robots = readFileSync(new URL('../public/robots.txt', import.meta.url), 'utf8');

const app = new Koa();
app.proxy = true;

app.use(async (ctx, next) => {
  const id = requestId(ctx.get('x-request-id'));
  ctx.set('x-request-id', id);
  const started = Date.now();
  try {
    await next();
  } catch (err) {
    ctx.status = (err as { status?: number }).status ?? 500;
    ctx.body = { error: ctx.status === 500 ? 'internal_error' : (err as Error).message };
    if (ctx.status === 500) logger.error({ err, id }, 'request failed');
  } finally {
    logger.info({ id, method: ctx.method, url: ctx.url, status: ctx.status, ms: Date.now() - started }, 'request');
  }
});

app.use(bodyParser({ jsonLimit: '256kb' }));

app.use(async (ctx, next) => {
  if (ctx.path === '/robots.txt') {
    ctx.body = robots;
    return;
  }
  if (ctx.path === '/categories') {
    const body = JSON.stringify(await categoryTree());
    ctx.set('etag', etagFor(body));
    ctx.type = 'json';
    ctx.body = body;
    return;
  }
  await next();
});

app.use(productsRouter.routes()).use(productsRouter.allowedMethods());
app.use(mediaRouter.routes()).use(mediaRouter.allowedMethods());

await sequelize.authenticate();
await connectMongo();
app.listen(Number(process.env.PORT ?? 4000), () => logger.info('catalog listening'));
