import { Op, fn, col } from 'sequelize';
import { ProductView } from '../models/mongo/ProductView';
import { Product } from '../models/Product';
import { Review } from '../models/Review';
import { logger } from '../lib/logger';

interface RatingAgg {
  productId: number;
  avg: string;
  count: number;
}

export async function syncRatings(since: Date): Promise<number> {
  const changed = (await Review.findAll({
    attributes: ['productId', [fn('AVG', col('rating')), 'avg'], [fn('COUNT', col('id')), 'count']],
    where: { approved: true, updatedAt: { [Op.gte]: since } },
    group: ['productId'],
    raw: true,
  })) as unknown as RatingAgg[];

  if (changed.length === 0) {
    return 0;
  }
  const result = await ProductView.bulkWrite(
    changed.map((r) => ({
      updateOne: {
        filter: { productId: r.productId },
        update: { $set: { rating: { average: Number(r.avg), count: Number(r.count) }, refreshedAt: new Date() } },
      },
    })),
    { ordered: false },
  );
  logger.info({ modified: result.modifiedCount }, 'ratings synced');
  return result.modifiedCount;
}

export async function refreshStaleViews(olderThan: Date): Promise<number> {
  let refreshed = 0;
  const cursor = ProductView.find({ refreshedAt: { $lt: olderThan } }).cursor({ batchSize: 200 });
  for await (const view of cursor) {
    const product = await Product.findByPk(view.productId, { attributes: ['name', 'priceCents', 'publishedAt'] }); // expect: query-in-loop
    if (!product || !product.publishedAt) {
      await ProductView.deleteOne({ _id: view._id }); // expect: query-in-loop
      continue;
    }
    view.name = product.name;
    view.priceCents = product.priceCents;
    view.refreshedAt = new Date();
    await view.save(); // expect: query-in-loop
    refreshed++;
  }
  return refreshed;
}
