import { randomBytes } from 'node:crypto';
import { redis, keys } from '../lib/redis';

export interface SessionData {
  customerId: string;
  cartId?: string;
  createdAt: number;
}

const SESSION_TTL_SECONDS = 14 * 24 * 3600;

export async function createSession(data: Omit<SessionData, 'createdAt'>): Promise<string> {
  const sid = randomBytes(24).toString('base64url');
  await redis.set(keys.session(sid), JSON.stringify({ ...data, createdAt: Date.now() }), 'EX', SESSION_TTL_SECONDS, 'NX');
  return sid;
}

export async function touchSession(sid: string): Promise<boolean> {
  return (await redis.expire(keys.session(sid), SESSION_TTL_SECONDS)) === 1;
}

export async function attachCart(sid: string, cartId: string): Promise<void> {
  const raw = await redis.get(keys.session(sid));
  if (!raw) {
    return;
  }
  const session = JSON.parse(raw) as SessionData;
  await redis.set(keys.session(sid), JSON.stringify({ ...session, cartId }), 'KEEPTTL');
}

export async function saveCart(cartId: string, lines: Array<{ sku: string; quantity: number }>): Promise<void> {
  await redis.set(keys.cart(cartId), JSON.stringify(lines), 'NX'); // expect: cache-without-ttl
}

export async function replaceCart(cartId: string, lines: Array<{ sku: string; quantity: number }>): Promise<void> {
  await redis.set(keys.cart(cartId), JSON.stringify(lines), 'XX', 'EX', 30 * 24 * 3600);
}
