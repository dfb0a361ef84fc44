import { existsSync, readFileSync } from 'fs';
import { join } from 'path';
import * as yaml from 'js-yaml';

export interface AppConfig {
  databaseUrl: string;
  redisUrl: string;
  poolSize: number;
  reorderThreshold: number;
  supplierApiUrl: string;
  reportDir: string;
}

const CONFIG_FILE = process.env.INVENTORY_CONFIG ?? join(process.cwd(), 'config', 'inventory.yml');

function load(): AppConfig {
  const fromFile = existsSync(CONFIG_FILE) ? (yaml.load(readFileSync(CONFIG_FILE, 'utf8')) as Partial<AppConfig>) : {};
  return {
    databaseUrl: process.env.DATABASE_URL ?? fromFile.databaseUrl ?? 'postgres://localhost/inventory',
    redisUrl: process.env.REDIS_URL ?? fromFile.redisUrl ?? 'redis://localhost:6379',
    poolSize: Number(process.env.DB_POOL_SIZE ?? fromFile.poolSize ?? 10),
    reorderThreshold: fromFile.reorderThreshold ?? 20,
    supplierApiUrl: process.env.SUPPLIER_API_URL ?? fromFile.supplierApiUrl ?? 'https://suppliers.internal',
    reportDir: fromFile.reportDir ?? '/var/lib/inventory/reports',
  };
}

export const appConfig: AppConfig = load();
