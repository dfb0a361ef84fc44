import fs from 'node:fs';
import readline from 'node:readline';
import zlib from 'node:zlib';
import { Transaction } from 'sequelize';
import { sequelize } from '../db/sequelize';
import { Product } from '../models/Product';
import { logger } from '../lib/logger';

interface PriceLine {
  sku: string;
  priceCents: number;
}

export async function importPriceFile(gzPath: string): Promise<number> {
  const lines = readline.createInterface({
    input: fs.createReadStream(gzPath).pipe(zlib.createGunzip()),
    crlfDelay: Infinity,
  });
  const batch: PriceLine[] = [];
  let applied = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    await sequelize.transaction({ isolationLevel: Transaction.ISOLATION_LEVELS.READ_COMMITTED }, async (t) => {
      await Product.bulkCreate(
        batch.map((b) => ({ sku: b.sku, priceCents: b.priceCents }) as Product),
        { updateOnDuplicate: ['priceCents'], transaction: t, fields: ['sku', 'priceCents'] },
      );
    });
    applied += batch.length;
    batch.length = 0;
  };
  for await (const line of lines) {
    const [sku, price] = line.split(';');
    if (!sku || !price) continue;
    batch.push({ sku, priceCents: Math.round(Number(price) * 100) });
    if (batch.length >= 1_000) {
      await flush();
    }
  }
  await flush();
  return applied;
}

export function archiveImported(gzPath: string, archiveDir: string): Promise<string> {
  const target = `${archiveDir}/${Date.now()}-${gzPath.split('/').pop()}`;
  return fs.promises
    .copyFile(gzPath, target)
    .then(() => {
      fs.unlinkSync(gzPath); // expect: sync-api-in-async
      logger.info({ target }, 'price file archived');
      return target;
    });
}

export async function latestPriceFile(dir: string): Promise<string | null> {
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.csv.gz')); // expect: sync-api-in-async
  files.sort();
  return files.length > 0 ? `${dir}/${files[files.length - 1]}` : null;
}
