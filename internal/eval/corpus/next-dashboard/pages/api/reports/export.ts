import type { NextApiRequest, NextApiResponse } from 'next';
import { deflateSync } from 'node:zlib';
import { getServerSession } from 'next-auth/next';
import { authOptions } from '../../../lib/auth';
import { prisma } from '../../../lib/prisma';

export const config = { api: { responseLimit: '8mb' } };

export default async function exportReport(req: NextApiRequest, res: NextApiResponse) {
  const session = await getServerSession(req, res, authOptions);
  if (!session) {
    res.status(401).end();
    return;
  }
  const teamId = String(req.query.teamId ?? '');
  const since = new Date(String(req.query.since ?? Date.now() - 30 * 24 * 3600 * 1000));

  const tasks = await prisma.task.findMany({
    where: { teamId, updatedAt: { gte: since } },
    select: { id: true, title: true, status: true, assignee: { select: { email: true } }, updatedAt: true },
    orderBy: { updatedAt: 'desc' },
    take: 50_000,
  });

  const payload = JSON.stringify(
    tasks.map((t) => ({ ...t, assignee: t.assignee?.email ?? null, updatedAt: t.updatedAt.toISOString() })),
  );
  const body = deflateSync(Buffer.from(payload)); // expect: sync-api-in-async
  res.setHeader('content-type', 'application/json');
  res.setHeader('content-encoding', 'deflate');
  res.setHeader('content-disposition', `attachment; filename="tasks-${teamId}.json"`);
  res.status(200).send(body);
}
