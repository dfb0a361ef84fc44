import { createMocks } from 'node-mocks-http';
import handler from '../pages/api/teams/[teamId]/members';
import { prisma } from '../lib/prisma';

jest.mock('next-auth/next', () => ({
  getServerSession: jest.fn().mockResolvedValue({ user: { id: 'user_admin' } }),
}));

describe('GET /api/teams/:teamId/members', () => {
  beforeAll(async () => {
    await prisma.team.create({ data: { id: 'team_1', name: 'Test team' } });
    const users = ['user_admin', 'user_a', 'user_b', 'user_c'];
    for (const id of users) {
      await prisma.user.create({ data: { id, email: `${id}@example.test` } });
      await prisma.membership.create({ data: { teamId: 'team_1', userId: id, role: id === 'user_admin' ? 'admin' : 'member' } });
    }
    await Promise.all(
      users.map((id) => prisma.task.create({ data: { teamId: 'team_1', title: `task for ${id}`, assigneeId: id, status: 'open' } })),
    );
  });

  afterAll(async () => {
    await prisma.$executeRawUnsafe('TRUNCATE tasks, memberships, users, teams CASCADE');
    await prisma.$disconnect();
  });

  it('returns members with open task counts', async () => {
    const { req, res } = createMocks({ method: 'GET', query: { teamId: 'team_1' } });
    await handler(req as never, res as never);
    expect(res._getStatusCode()).toBe(200);
    const { members } = res._getJSONData();
    expect(members).toHaveLength(4);
    expect(members.every((m: { openTasks: number }) => m.openTasks === 1)).toBe(true);
  });
});
