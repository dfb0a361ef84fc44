import Router from '@koa/router';
import fs from 'node:fs';
import path from 'node:path';
import { Op, fn, col } from 'sequelize';
import { Product } from '../models/Product';
import { Category } from '../models/Category';
import { Review } from '../models/Review';
import { redis } from '../lib/redis';

export const productsRouter = new Router({ prefix: '/products' });

const SIZE_GUIDES_DIR = path.resolve(process.env.SIZE_GUIDES_DIR ?? 'content/size-guides');

productsRouter.get('/', async (ctx) => {
  const page = Math.max(Number(ctx.query.page ?? 1), 1);
  const products = await Product.findAll({
    where: { publishedAt: { [Op.ne]: null } },
    include: [{ model: Category, attributes: ['id', 'name'] }],
    order: [['publishedAt', 'DESC']],
    limit: 48,
    offset: (page - 1) * 48,
  });
  const ratings = await Review.findAll({
    attributes: ['productId', [fn('AVG', col('rating')), 'avg'], [fn('COUNT', col('id')), 'count']],
    where: { productId: products.map((p) => p.id), approved: true },
    group: ['productId'],
    raw: true,
  });
  ctx.body = { products, ratings };
});

productsRouter.get('/compare', async (ctx) => {
  const ids = String(ctx.query.ids ?? '')
    .split(',')
    .map(Number)
    .filter(Number.isInteger)
    .slice(0, 4);
  const rows = [];
  for (const id of ids) {
    const product = await Product.findByPk(id, { include: [Category] }); // expect: query-in-loop
    if (!product) continue;
    const reviewCount = await Review.count({ where: { productId: id, approved: true } }); // expect: query-in-loop
    rows.push({ product, reviewCount });
  }
  ctx.body = { rows };
});

productsRouter.get('/:slug/size-guide', async (ctx) => {
  const product = await Product.findOne({ where: { slug: ctx.params.slug }, include: [Category] });
  if (!product) {
    ctx.throw(404, 'product not found');
  }
  const file = path.join(SIZE_GUIDES_DIR, `${product.categoryId}.md`);
  ctx.type = 'text/markdown';
  ctx.body = fs.readFileSync(file, 'utf8'); // expect: sync-api-in-async
});

productsRouter.post('/:id/reviews', async (ctx) => {
  const { rating, body, authorName } = ctx.request.body as { rating: number; body: string; authorName: string };
  const review = await Review.create({ productId: Number(ctx.params.id), rating, body, authorName, approved: false });
  await redis.del(`catalog:reviews:${ctx.params.id}`);
  ctx.status = 201;
  ctx.body = { id: review.id };
});
