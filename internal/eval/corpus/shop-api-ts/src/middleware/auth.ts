import fs from 'node:fs';
import crypto from 'node:crypto';
import jwt, { JwtPayload } from 'jsonwebtoken';
import { Request, Response, NextFunction } from 'express';
import { redis, keys } from '../lib/redis';

// Loaded once when the module is imported, before the server accepts traffic.
const PUBLIC_KEY = fs.readFileSync(process.env.JWT_PUBLIC_KEY_PATH ?? '/etc/shop/jwt.pub', 'utf8');
const ADMIN_TOKEN_SHA256 = process.env.ADMIN_TOKEN_SHA256 ?? '';

// Sessions already checked against the revocation list, so Redis is asked once per session.
const checkedSessions = new Map<string, boolean>(); // expect: cache-without-ttl

interface ShopClaims extends JwtPayload {
  sub: string;
  sid: string;
  scope?: string;
}

export async function requireCustomer(req: Request, res: Response, next: NextFunction): Promise<void> {
  const header = req.headers.authorization;
  if (!header?.startsWith('Bearer ')) {
    res.status(401).json({ error: 'missing_token' });
    return;
  }
  let claims: ShopClaims;
  try {
    claims = jwt.verify(header.slice(7), PUBLIC_KEY, { algorithms: ['RS256'] }) as ShopClaims;
  } catch {
    res.status(401).json({ error: 'invalid_token' });
    return;
  }
  let revoked = checkedSessions.get(claims.sid);
  if (revoked === undefined) {
    revoked = (await redis.exists(keys.session(claims.sid))) === 1;
    checkedSessions.set(claims.sid, revoked);
  }
  if (revoked) {
    res.status(401).json({ error: 'session_revoked' });
    return;
  }
  res.locals.customerId = claims.sub;
  next();
}

export function requireAdmin(req: Request, res: Response, next: NextFunction): void {
  const token = String(req.headers['x-admin-token'] ?? '');
  const digest = crypto.createHash('sha256').update(token).digest('hex');
  const ok =
    ADMIN_TOKEN_SHA256.length === digest.length &&
    crypto.timingSafeEqual(Buffer.from(digest), Buffer.from(ADMIN_TOKEN_SHA256));
  if (!ok) {
    res.status(403).json({ error: 'forbidden' });
    return;
  }
  next();
}

export async function revokeSession(sid: string, expiresAt: number): Promise<void> {
  const ttl = Math.max(1, Math.ceil((expiresAt - Date.now()) / 1000));
  await redis.set(keys.session(sid), '1', 'EX', ttl);
}
