import { Pool, PoolClient } from "pg";
import mysql, { RowDataPacket } from "mysql2/promise";
import { Repository } from "typeorm";
import knex from "knex";

// Type arguments on the call: `await pool.query<Row>(…)` is still a query.
// (tree-sitter reads `await f<T>(…)` as `(await f)<T>(…)`; the rule must
// see through that.)

const pg = new Pool({ connectionString: process.env.PG_URL });
const my = mysql.createPool({ uri: process.env.MYSQL_URL });
const qb = knex({ client: "pg" });

interface Shipment {
  id: number;
  carrier: string;
}

export async function trackingNumbers(shipments: Shipment[]) {
  const out = new Map<number, string>();
  for (const s of shipments) {
    const { rows } = await pg.query<{ tracking: string }>("SELECT tracking FROM labels WHERE shipment_id = $1", [s.id]); // want "query-in-loop: pg.query runs once per iteration of the loop on line 21 \\(N\\+1 queries\\)"
    out.set(s.id, rows[0]?.tracking ?? "");
  }
  return out;
}

export async function carriers(ids: number[]) {
  // Without await the call parses normally; the type arguments change nothing.
  return Promise.all(ids.map((id) => my.execute<RowDataPacket[]>("SELECT name FROM carriers WHERE id = ?", [id]))); // want "my.execute runs once per element of ids.map"
}

export async function rates(zones: string[]) {
  const result: Record<string, number> = {};
  for (const z of zones) {
    const row = await qb("rates").where({ zone: z }).first<{ cents: number }>(); // want "qb\\(\\).where\\(\\).first runs once per iteration of the loop on line 35"
    result[z] = row?.cents ?? 0;
  }
  return result;
}

export async function parenthesised(client: PoolClient, skus: string[]) {
  let total = 0;
  for (const sku of skus) {
    total += (await client.query<{ n: number }>("SELECT count(*) AS n FROM stock WHERE sku = $1", [sku])).rows[0].n; // want "client.query runs once per iteration of the loop on line 44"
  }
  return total;
}

// A class method with a generic query, called from a loop in the same class.
export class WarehouseReport {
  constructor(private readonly bins: Repository<Bin>) {}

  private async fillLevel(binId: string): Promise<number> {
    const raw = await this.bins
      .createQueryBuilder("b")
      .select("SUM(b.used) / SUM(b.capacity)", "level")
      .where("b.id = :binId", { binId })
      .getRawOne<{ level: string }>();
    return Number(raw?.level ?? 0);
  }

  async levels(binIds: string[]) {
    const levels: number[] = [];
    for (const id of binIds) {
      levels.push(await this.fillLevel(id)); // want "this.fillLevel → this.bins.createQueryBuilder\\(\\).select\\(\\).where\\(\\).getRawOne runs once per iteration of the loop on line 65"
    }
    return levels;
  }
}

// A plain helper whose generic query is awaited, reached from a loop.
async function priceOf(sku: string): Promise<number> {
  const { rows } = await pg.query<{ cents: number }>("SELECT cents FROM prices WHERE sku = $1", [sku]);
  return rows[0]?.cents ?? 0;
}

export async function basketTotal(lines: { sku: string; qty: number }[]) {
  let sum = 0;
  for (const l of lines) {
    sum += (await priceOf(l.sku)) * l.qty; // want "priceOf → pg.query runs once per iteration of the loop on line 80"
  }
  return sum;
}

interface Bin {
  id: string;
  used: number;
  capacity: number;
}
