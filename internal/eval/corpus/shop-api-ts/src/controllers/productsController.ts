import { Router } from 'express';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { searchProducts, findProductsByIds } from '../repositories/productRepository';
import { remember } from '../lib/cache';
import { keys } from '../lib/redis';

const searchSchema = z.object({
  categoryId: z.string().uuid().optional(),
  minPriceCents: z.coerce.number().int().nonnegative().optional(),
  maxPriceCents: z.coerce.number().int().nonnegative().optional(),
  inStockOnly: z.coerce.boolean().optional(),
  search: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const productsRouter = Router();

productsRouter.get('/', async (req, res, next) => {
  const parsed = searchSchema.safeParse(req.query);
  if (!parsed.success) {
    res.status(400).json({ error: 'invalid_query', issues: parsed.error.issues });
    return;
  }
  try {
    const { limit, offset, ...filter } = parsed.data;
    res.json({ products: await searchProducts(filter, limit, offset) });
  } catch (err) {
    next(err);
  }
});

productsRouter.get('/:id', async (req, res, next) => {
  try {
    const product = await remember(keys.product(req.params.id), 120, async () => {
      const [row] = await findProductsByIds([req.params.id]);
      return row ?? null;
    });
    if (!product) {
      res.sendStatus(404);
      return;
    }
    res.set('cache-control', 'public, max-age=60').json(product);
  } catch (err) {
    next(err);
  }
});

const SPEC_SHEET_DIR = path.resolve(process.env.SPEC_SHEET_DIR ?? 'assets/spec-sheets');

productsRouter.get('/:id/spec-sheet.pdf', (req, res) => {
  const file = path.join(SPEC_SHEET_DIR, `${path.basename(req.params.id)}.pdf`);
  if (!fs.existsSync(file)) { // expect: sync-api-in-async
    res.sendStatus(404);
    return;
  }
  res.type('application/pdf').sendFile(file);
});
