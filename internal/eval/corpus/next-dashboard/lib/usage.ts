import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { and, eq, gte, inArray, sql } from 'drizzle-orm';
import { apiKeys, usageEvents, memberships } from './schema';

const client = postgres(process.env.DATABASE_URL!, { max: 5, idle_timeout: 20 });
export const db = drizzle(client);

export type UsagePoint = { month: string; requests: number };

export async function monthlyUsage(userId: string, months: number): Promise<UsagePoint[]> {
  const teamIds = (
    await db.select({ teamId: memberships.teamId }).from(memberships).where(eq(memberships.userId, userId))
  ).map((r) => r.teamId);
  if (teamIds.length === 0) {
    return [];
  }
  const since = new Date();
  since.setMonth(since.getMonth() - months);
  const rows = await db
    .select({
      month: sql<string>`to_char(date_trunc('month', ${usageEvents.createdAt}), 'YYYY-MM')`,
      requests: sql<number>`count(*)::int`,
    })
    .from(usageEvents)
    .where(and(inArray(usageEvents.teamId, teamIds), gte(usageEvents.createdAt, since)))
    .groupBy(sql`1`)
    .orderBy(sql`1`);
  return rows;
}

export async function usageByKey(teamId: string): Promise<Array<{ keyId: string; prefix: string; requests: number }>> {
  const keys = await db.select().from(apiKeys).where(eq(apiKeys.teamId, teamId));
  const out: Array<{ keyId: string; prefix: string; requests: number }> = [];
  for (const key of keys) {
    const [row] = await db // expect: query-in-loop
      .select({ requests: sql<number>`count(*)::int` })
      .from(usageEvents)
      .where(eq(usageEvents.apiKeyId, key.id));
    out.push({ keyId: key.id, prefix: key.prefix, requests: row?.requests ?? 0 });
  }
  return out;
}

export async function recordUsage(events: Array<{ teamId: string; apiKeyId: string; route: string }>): Promise<void> {
  if (events.length === 0) {
    return;
  }
  await db.insert(usageEvents).values(events.map((e) => ({ ...e, createdAt: new Date() })));
}
