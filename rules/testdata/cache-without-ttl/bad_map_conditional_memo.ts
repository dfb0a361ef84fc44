import type { Request } from "express";
import { lookupCountry } from "./geo";
import { db } from "./db";

// Country of each client address, looked up once per address.
const countryByIp = new Map<string, string>(); // want "cache-without-ttl: .*module-level Map `countryByIp` is used as a cache that only grows"

export async function tagCountry(req: Request): Promise<void> {
  let country = countryByIp.get(req.ip ?? "");
  if (country === undefined) {
    country = await lookupCountry(req.ip ?? "");
    countryByIp.set(req.ip ?? "", country);
  }
  req.headers["x-country"] = country;
}

const slugIds = new Map<string, number | null>(); // want "cache-without-ttl: .*Map `slugIds`"

export async function productPath(slug: string): Promise<string> {
  if (!slugIds.has(slug)) {
    const row = await db.oneOrNone("SELECT id FROM products WHERE slug = $1", [slug]);
    slugIds.set(slug, row ? row.id : null);
  }
  const id = slugIds.get(slug);
  return id === null ? "/404" : `/p/${id}`;
}

const avatars = new Map<string, string>(); // want "cache-without-ttl: .*Map `avatars`"

export async function avatarFor(userId: string): Promise<string> {
  const url = avatars.get(userId) ?? (await db.one("SELECT avatar_url FROM users WHERE id = $1", [userId])).avatar_url;
  avatars.set(userId, url);
  return url;
}

const initials = new Map<string, string>(); // want "cache-without-ttl: .*Map `initials`"

export function initialsOf(name: string): string {
  let s = initials.get(name);
  if (!s) {
    s = `${name.split(" ").map((w) => w[0]).join("")}`;
    initials.set(name, s);
  }
  return s;
}
