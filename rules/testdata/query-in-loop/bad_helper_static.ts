import { Pool } from "pg";

const pool = new Pool();

// A static method of a class in the same file.
export class Coupons {
  static async redeemed(code: string): Promise<number> {
    const { rows } = await pool.query("SELECT count(*)::int AS n FROM redemptions WHERE code = $1", [code]);
    return rows[0].n;
  }
}

export async function usage(codes: string[]) {
  const result: Record<string, number> = {};
  for (const code of codes) {
    result[code] = await Coupons.redeemed(code); // want "query-in-loop: Coupons.redeemed → pool.query runs once per iteration of the loop on line 15"
  }
  return result;
}
