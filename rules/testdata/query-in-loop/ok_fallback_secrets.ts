import { createHmac } from "node:crypto";
import { PrismaClient } from "@prisma/client";

const prisma = new PrismaClient();

const hmac = (value: string, secret: string) => createHmac("sha256", secret).update(value).digest("hex");

// Tokens signed with a rotated-out secret still verify: try each
// configured secret, stop at the first match.
export async function findSession(token: string, config: { sessionSecrets: string[] }) {
  for (const secret of config.sessionSecrets) {
    const row = await prisma.session.findFirst({ where: { hash: hmac(token, secret) } });
    if (row) {
      return row;
    }
  }
  return null;
}

export async function findApiKey(key: string, settings: { keySecrets: string[] }) {
  let found = null;
  for (const secret of settings.keySecrets) {
    found = await prisma.apiKey.findFirst({ where: { hash: hmac(key, secret) } });
    if (found) break;
  }
  return found;
}
