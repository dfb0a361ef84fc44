import { NextResponse } from 'next/server';
import { prisma } from '@/lib/prisma';
import { redis } from '@/lib/redis';

type ActivityItem = {
  id: string;
  kind: string;
  createdAt: string;
  actor: { id: string; name: string | null } | null;
  taskTitle: string | null;
};

export async function GET(_req: Request, { params }: { params: { id: string } }) {
  const cacheKey = `dash:activity:${params.id}`;
  const cached = await redis.get(cacheKey);
  if (cached) {
    return new NextResponse(cached, { headers: { 'content-type': 'application/json', 'x-cache': 'hit' } });
  }

  const events = await prisma.activityEvent.findMany({
    where: { projectId: params.id },
    orderBy: { createdAt: 'desc' },
    take: 100,
  });

  const items: ActivityItem[] = await Promise.all(
    events.map(async (e) => {
      const [actor, task] = await Promise.all([
        e.actorId ? prisma.user.findUnique({ where: { id: e.actorId }, select: { id: true, name: true } }) : null, // expect: query-in-loop
        e.taskId ? prisma.task.findUnique({ where: { id: e.taskId }, select: { title: true } }) : null, // expect: query-in-loop
      ]);
      return { id: e.id, kind: e.kind, createdAt: e.createdAt.toISOString(), actor, taskTitle: task?.title ?? null };
    }),
  );

  const body = JSON.stringify({ items });
  await redis.set(cacheKey, body, 'EX', 30);
  return new NextResponse(body, { headers: { 'content-type': 'application/json', 'x-cache': 'miss' } });
}
