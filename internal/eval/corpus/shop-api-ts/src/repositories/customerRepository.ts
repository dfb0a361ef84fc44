import { pool, queryRows } from '../lib/db';
import { logger } from '../lib/logger';

export interface CustomerRow {
  id: string;
  email: string;
  name: string;
  default_address_id: string | null;
  merged_into: string | null;
}

export interface AddressInput {
  line1: string;
  line2?: string;
  city: string;
  postalCode: string;
  country: string;
}

export async function findCustomerByEmail(email: string): Promise<CustomerRow | null> {
  const rows = await queryRows<CustomerRow>('SELECT * FROM customers WHERE lower(email) = lower($1)', [email]);
  return rows[0] ?? null;
}

export async function replaceAddressBook(customerId: string, addresses: AddressInput[]): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('DELETE FROM addresses WHERE customer_id = $1', [customerId]);
    const values: unknown[] = [];
    const tuples = addresses.map((a, i) => {
      const base = i * 6;
      values.push(customerId, a.line1, a.line2 ?? null, a.city, a.postalCode, a.country);
      return `($${base + 1}, $${base + 2}, $${base + 3}, $${base + 4}, $${base + 5}, $${base + 6})`;
    });
    if (tuples.length > 0) {
      await client.query(
        `INSERT INTO addresses (customer_id, line1, line2, city, postal_code, country) VALUES ${tuples.join(', ')}`,
        values,
      );
    }
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK');
    throw err;
  } finally {
    client.release();
  }
}

export async function mergeCustomers(survivorId: string, duplicateIds: string[]): Promise<void> {
  const client = await pool.connect(); // expect: missing-release
  await client.query('BEGIN');
  try {
    for (const dupId of duplicateIds) {
      await client.query('UPDATE orders SET customer_id = $1 WHERE customer_id = $2', [survivorId, dupId]); // expect: query-in-loop
      await client.query('UPDATE customers SET merged_into = $1, deleted_at = now() WHERE id = $2', [survivorId, dupId]); // expect: query-in-loop
    }
    await client.query('COMMIT');
  } catch (err) {
    logger.error({ err, survivorId, duplicateIds }, 'customer merge failed');
    await client.query('ROLLBACK');
    throw err;
  }
  client.release();
}
