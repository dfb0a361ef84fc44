import { DataSource } from "typeorm";
import { Kysely, PostgresDialect } from "kysely";
import { Pool } from "pg";
import { Account } from "./account.entity";

const dataSource = new DataSource({ type: "postgres", entities: [Account] });
const db = new Kysely<any>({ dialect: new PostgresDialect({ pool: new Pool() }) });

// Builders that run inside the loop: each iteration executes a query.
export async function balances(ids: string[]) {
  const repo = dataSource.getRepository(Account);
  const out = [];
  for (const id of ids) {
    const acc = await repo.createQueryBuilder("a").where("a.id = :id", { id }).getOne(); // want "query-in-loop: repo.createQueryBuilder\\(\\).where\\(\\).getOne runs once per iteration of the loop on line 13"
    const row = await db.selectFrom("ledger").selectAll().where("account_id", "=", id).executeTakeFirst(); // want "db.selectFrom\\(\\).selectAll\\(\\).where\\(\\).executeTakeFirst runs once per iteration of the loop on line 13"
    out.push({ acc, row });
  }
  return out;
}

export async function seed(n: number) {
  const repo = dataSource.getRepository(Account);
  await Promise.all(Array.from({ length: n }, (_, i) => repo.insert({ name: `acc-${i}` }))); // want "repo.insert runs once per element of Array.from"
}

// Batched: one query with whereInIds / an IN list.
export async function balancesBatched(ids: string[]) {
  const repo = dataSource.getRepository(Account);
  const accs = await repo.createQueryBuilder("a").whereInIds(ids).getMany();
  const rows = await db.selectFrom("ledger").selectAll().where("account_id", "in", ids).execute();
  const few = await Promise.all(Array.from({ length: 3 }, (_, i) => repo.findOneBy({ name: `acc-${i}` })));
  return { accs, rows, few };
}
