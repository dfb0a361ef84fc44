import bcrypt from 'bcrypt';
import crypto from 'node:crypto';
import { promisify } from 'node:util';
import { pool } from '../lib/db';

const BCRYPT_ROUNDS = Number(process.env.BCRYPT_ROUNDS ?? 12);
const scrypt = promisify(crypto.scrypt) as (pw: crypto.BinaryLike, salt: crypto.BinaryLike, len: number) => Promise<Buffer>;

export async function setPassword(customerId: string, plain: string): Promise<void> {
  if (plain.length < 10) {
    throw new Error('password too short');
  }
  const hash = bcrypt.hashSync(plain, BCRYPT_ROUNDS); // expect: sync-api-in-async
  await pool.query('UPDATE customers SET password_hash = $1, password_changed_at = now() WHERE id = $2', [
    hash,
    customerId,
  ]);
}

export async function verifyPassword(customerId: string, plain: string): Promise<boolean> {
  const { rows } = await pool.query<{ password_hash: string | null }>(
    'SELECT password_hash FROM customers WHERE id = $1',
    [customerId],
  );
  const hash = rows[0]?.password_hash;
  if (!hash) {
    return false;
  }
  return bcrypt.compare(plain, hash);
}

export async function legacyVerify(plain: string, stored: string): Promise<boolean> {
  // Accounts migrated from the old platform use scrypt with a per-user salt: "salt$hex".
  const [salt, hex] = stored.split('$');
  const derived = await scrypt(plain, salt, 64);
  const expected = Buffer.from(hex, 'hex');
  return expected.length === derived.length && crypto.timingSafeEqual(expected, derived);
}

export async function resetToken(): Promise<string> {
  const buf = Buffer.alloc(32);
  crypto.randomFillSync(buf); // expect: sync-api-in-async
  return buf.toString('base64url');
}
