import { createHash, randomUUID } from 'node:crypto';

export function etagFor(body: string | Buffer): string {
  return `W/"${createHash('sha1').update(body).digest('base64url').slice(0, 27)}"`;
}

export function slugify(input: string): string {
  return input
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 200);
}

export function requestId(header: string | undefined): string {
  return header && /^[A-Za-z0-9-]{8,64}$/.test(header) ? header : randomUUID();
}
