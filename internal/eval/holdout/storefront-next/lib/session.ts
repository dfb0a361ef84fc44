import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { randomBytes } from 'node:crypto';
import { sql } from './sql';
import { redis } from './redis';

const SESSION_TTL_SECONDS = 60 * 60 * 24 * 14;

export interface SessionUser {
  id: string;
  email: string;
  role: 'customer' | 'admin';
  sessionId: string;
}

export async function createSession(userId: string): Promise<string> {
  const id = randomBytes(32).toString('base64url');
  const [user] = await sql`select id, email, role from users where id = ${userId}`;
  const client = await redis();
  await client
    .multi()
    .hSet(`session:${id}`, { userId: user.id, email: user.email, role: user.role })
    .expire(`session:${id}`, SESSION_TTL_SECONDS)
    .exec();
  await sql`insert into sessions (id, user_id, expires_at) values (${id}, ${userId}, now() + make_interval(secs => ${SESSION_TTL_SECONDS}))`;
  return id;
}

export async function currentUser(): Promise<SessionUser | null> {
  const id = (await cookies()).get('sid')?.value;
  if (!id) return null;
  const client = await redis();
  const data = await client.hGetAll(`session:${id}`);
  if (!data.userId) return null;
  // Sliding expiry.
  await client.expire(`session:${id}`, SESSION_TTL_SECONDS);
  return { id: data.userId, email: data.email, role: data.role as SessionUser['role'], sessionId: id };
}

export async function requireAdmin(): Promise<SessionUser> {
  const user = await currentUser();
  if (!user || user.role !== 'admin') redirect('/login?next=/admin');
  return user;
}
