import { Sequelize } from 'sequelize';
import mysql from 'mysql2/promise';
import mongoose from 'mongoose';
import { logger } from '../lib/logger';

export const sequelize = new Sequelize(process.env.CATALOG_DB_URL ?? 'mysql://catalog@localhost/catalog', {
  dialect: 'mysql',
  logging: (sql, ms) => logger.trace({ ms }, sql),
  benchmark: true,
  pool: { max: 12, min: 0, acquire: 10_000, idle: 30_000 },
});

// Raw pool for the inventory tables that are not modelled in Sequelize.
export const inventoryPool = mysql.createPool({
  uri: process.env.INVENTORY_DB_URL ?? 'mysql://catalog@localhost/inventory',
  connectionLimit: 8,
  waitForConnections: true,
});

export async function connectMongo(): Promise<void> {
  await mongoose.connect(process.env.MONGO_URL ?? 'mongodb://localhost:27017/catalog', {
    maxPoolSize: 10,
    serverSelectionTimeoutMS: 5_000,
  });
}
