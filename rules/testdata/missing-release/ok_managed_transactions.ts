import { PrismaClient } from "@prisma/client";
import { drizzle } from "drizzle-orm/node-postgres";
import { MongoClient } from "mongodb";
import { createClient } from "redis";
import { Sequelize } from "sequelize";

const prisma = new PrismaClient();
const db = drizzle(process.env.DATABASE_URL!);
const mongo = new MongoClient(process.env.MONGO_URL!);
const redis = createClient();
const sequelize = new Sequelize(process.env.DATABASE_URL!);

// Interactive transactions are committed or rolled back by Prisma.
export async function transfer(from: string, to: string, amount: number) {
  return prisma.$transaction(async (tx) => {
    await tx.account.update({ where: { id: from }, data: { balance: { decrement: amount } } });
    await tx.account.update({ where: { id: to }, data: { balance: { increment: amount } } });
  });
}

export async function archive(id: number) {
  await db.transaction(async (tx) => {
    await tx.execute(`UPDATE orders SET archived = true WHERE id = ${id}`);
  });
}

// Managed Sequelize transaction.
export async function rename(id: number, name: string) {
  await sequelize.transaction(async (t) => {
    await sequelize.query("UPDATE users SET name = ? WHERE id = ?", { replacements: [name, id], transaction: t });
  });
}

// Long-lived clients: connect() is start-up, not a pool checkout.
export async function start() {
  const client = await mongo.connect();
  const conn = await redis.connect();
  await client.db("app").command({ ping: 1 });
  return conn;
}
