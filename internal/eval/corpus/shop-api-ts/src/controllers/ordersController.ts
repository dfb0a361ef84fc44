import { Router, Request, Response, NextFunction } from 'express';
import fs from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import { findOrderById, listCustomerOrders } from '../repositories/orderRepository';
import { placeOrder, quote, OutOfStockError } from '../services/checkoutService';
import { requireCustomer } from '../middleware/auth';
import { logger } from '../lib/logger';

const TEMPLATE_DIR = path.resolve(__dirname, '../../templates');

export const ordersRouter = Router();

ordersRouter.use(requireCustomer);

ordersRouter.get('/', async (req: Request, res: Response, next: NextFunction) => {
  try {
    const limit = Math.min(Number(req.query.limit ?? 20), 100);
    const orders = await listCustomerOrders(res.locals.customerId, limit);
    res.json({ orders });
  } catch (err) {
    next(err);
  }
});

ordersRouter.post('/quote', async (req, res, next) => {
  try {
    res.json(await quote({ ...req.body, customerId: res.locals.customerId }));
  } catch (err) {
    next(err);
  }
});

ordersRouter.post('/', async (req, res, next) => {
  try {
    const orderId = await placeOrder({ ...req.body, customerId: res.locals.customerId });
    res.status(201).json({ id: orderId });
  } catch (err) {
    if (err instanceof OutOfStockError) {
      res.status(409).json({ error: 'out_of_stock', sku: err.sku });
      return;
    }
    next(err);
  }
});

ordersRouter.get('/:id/receipt.html', async (req, res, next) => {
  try {
    const order = await findOrderById(req.params.id);
    if (!order || order.customer_id !== res.locals.customerId) {
      res.sendStatus(404);
      return;
    }
    const source = fs.readFileSync(path.join(TEMPLATE_DIR, 'receipt.hbs'), 'utf8'); // expect: sync-api-in-async
    const html = Handlebars.compile(source)({ order });
    res.type('html').send(html);
  } catch (err) {
    logger.error({ err, orderId: req.params.id }, 'receipt rendering failed');
    next(err);
  }
});
