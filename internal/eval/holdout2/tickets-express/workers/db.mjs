import knexFactory from 'knex';
import mysql from 'mysql2/promise';
import Redis from 'ioredis';

export const knex = knexFactory({
  client: 'pg',
  connection: process.env.DATABASE_URL,
  pool: { min: 0, max: 5 },
});

export const orders = mysql.createPool({
  uri: process.env.ORDERS_MYSQL_URL,
  connectionLimit: 4,
  namedPlaceholders: true,
});

export const redis = new Redis(process.env.REDIS_URL);

export async function closeAll() {
  await Promise.allSettled([knex.destroy(), orders.end(), redis.quit()]);
}
