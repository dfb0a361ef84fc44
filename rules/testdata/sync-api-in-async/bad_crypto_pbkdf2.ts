import crypto from "crypto";
import { db } from "./db";

export async function login(email: string, password: string) {
  const user = await db.user.findUnique({ where: { email } });
  if (!user) return null;
  const derived = crypto.pbkdf2Sync(password, user.salt, 310000, 32, "sha256"); // want "sync-api-in-async: `crypto.pbkdf2Sync` runs CPU-heavy crypto on the event loop.*crypto.pbkdf2"
  return crypto.timingSafeEqual(derived, Buffer.from(user.hash, "hex")) ? user : null;
}

export const resetToken = async (userId: string) => {
  const buf = Buffer.alloc(32);
  crypto.randomFillSync(buf); // want "sync-api-in-async: `crypto.randomFillSync`.*resetToken"
  return `${userId}.${buf.toString("hex")}`;
};
