import type { NextApiRequest, NextApiResponse } from 'next';
import { getServerSession } from 'next-auth/next';
import { z } from 'zod';
import { authOptions } from '../../../../lib/auth';
import { prisma } from '../../../../lib/prisma';

type MemberDto = {
  userId: string;
  name: string | null;
  email: string;
  role: string;
  lastActiveAt: string | null;
  openTasks: number;
};

const inviteSchema = z.object({
  emails: z.array(z.string().email()).min(1).max(50),
  role: z.enum(['member', 'admin']).default('member'),
});

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  const session = await getServerSession(req, res, authOptions);
  const userId = (session?.user as { id?: string } | undefined)?.id;
  if (!userId) {
    return res.status(401).json({ error: 'unauthenticated' });
  }
  const teamId = String(req.query.teamId);
  const membership = await prisma.membership.findUnique({ where: { teamId_userId: { teamId, userId } } });
  if (!membership) {
    return res.status(404).json({ error: 'team_not_found' });
  }

  if (req.method === 'GET') {
    const memberships = await prisma.membership.findMany({
      where: { teamId },
      include: { user: { select: { id: true, name: true, email: true, lastActiveAt: true } } },
      orderBy: { createdAt: 'asc' },
    });
    const members: MemberDto[] = [];
    for (const m of memberships) {
      const openTasks = await prisma.task.count({ where: { assigneeId: m.userId, teamId, status: { not: 'done' } } }); // expect: query-in-loop
      members.push({
        userId: m.userId,
        name: m.user.name,
        email: m.user.email,
        role: m.role,
        lastActiveAt: m.user.lastActiveAt?.toISOString() ?? null,
        openTasks,
      });
    }
    return res.status(200).json({ members });
  }

  if (req.method === 'POST') {
    if (membership.role !== 'admin') {
      return res.status(403).json({ error: 'forbidden' });
    }
    const parsed = inviteSchema.safeParse(req.body);
    if (!parsed.success) {
      return res.status(400).json({ error: 'invalid_body', issues: parsed.error.issues });
    }
    const { emails, role } = parsed.data;
    const result = await prisma.invitation.createMany({
      data: emails.map((email) => ({ teamId, email: email.toLowerCase(), role, invitedById: userId })),
      skipDuplicates: true,
    });
    return res.status(201).json({ invited: result.count });
  }

  res.setHeader('Allow', 'GET, POST');
  return res.status(405).end();
}
