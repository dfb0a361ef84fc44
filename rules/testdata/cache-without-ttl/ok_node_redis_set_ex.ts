import { createClient } from "redis";

const client = createClient();

export async function cacheSession(id: string, session: object): Promise<void> {
  await client.set(`session:${id}`, JSON.stringify(session), { EX: 3600 });
}

export async function cacheToken(id: string, token: string, ttlMs: number): Promise<void> {
  await client.set(`token:${id}`, token, { PX: ttlMs, NX: true });
}

export async function refreshValue(key: string, value: string): Promise<void> {
  // Keep whatever expiry the key already has.
  await client.set(key, value, { KEEPTTL: true });
}

export async function cacheUntil(key: string, value: string, when: Date): Promise<void> {
  await client.set(key, value, { EXAT: Math.floor(when.getTime() / 1000) });
  await client.setEx(`${key}:copy`, 60, value);
}

export async function cacheWithOptions(key: string, value: string, opts: { EX: number }) {
  // Options come from elsewhere: cannot tell, so not reported.
  await client.set(key, value, opts);
}
