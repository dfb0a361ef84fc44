import fs from 'node:fs';
import type { IncomingMessage } from 'node:http';
import jwt from 'jsonwebtoken';
import { createLoaders, type Loaders } from './loaders';

// Public key for verifying storefront session tokens; loaded at start-up.
const publicKey = fs.readFileSync(process.env.JWT_PUBLIC_KEY_PATH ?? '/run/secrets/jwt.pub', 'utf8');

export interface Viewer {
  id: string;
  roles: string[];
}

export interface GraphQLContext {
  viewer: Viewer | null;
  loaders: Loaders;
  requestId: string;
}

function viewerFrom(req: IncomingMessage): Viewer | null {
  const header = req.headers.authorization;
  if (!header?.startsWith('Bearer ')) return null;
  try {
    const claims = jwt.verify(header.slice(7), publicKey, { algorithms: ['RS256'] }) as jwt.JwtPayload;
    return { id: String(claims.sub), roles: (claims.roles as string[]) ?? [] };
  } catch {
    return null;
  }
}

export function buildContext(req: IncomingMessage): GraphQLContext {
  return {
    viewer: viewerFrom(req),
    loaders: createLoaders(),
    requestId: String(req.headers['x-request-id'] ?? crypto.randomUUID()),
  };
}
