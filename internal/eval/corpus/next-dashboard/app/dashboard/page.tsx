import { redirect } from 'next/navigation';
import { getServerSession } from 'next-auth';
import { authOptions } from '@/lib/auth';
import { prisma } from '@/lib/prisma';
import { UsageChart } from '@/components/UsageChart';
import { monthlyUsage } from '@/lib/usage';

export const dynamic = 'force-dynamic';

type TeamCard = {
  id: string;
  name: string;
  projectCount: number;
  overdue: number;
};

async function loadTeamCards(userId: string): Promise<TeamCard[]> {
  const teams = await prisma.team.findMany({
    where: { memberships: { some: { userId } } },
    select: { id: true, name: true, _count: { select: { projects: true } } },
  });
  return Promise.all(
    teams.map(async (team) => ({
      id: team.id,
      name: team.name,
      projectCount: team._count.projects,
      overdue: await prisma.task.count({ // expect: query-in-loop
        where: { teamId: team.id, status: { not: 'done' }, dueAt: { lt: new Date() } },
      }),
    })),
  );
}

export default async function DashboardPage() {
  const session = await getServerSession(authOptions);
  const userId = (session?.user as { id?: string } | undefined)?.id;
  if (!userId) {
    redirect('/login');
  }
  const [cards, usage] = await Promise.all([loadTeamCards(userId), monthlyUsage(userId, 6)]);

  return (
    <main className="mx-auto max-w-6xl p-6">
      <h1 className="text-2xl font-semibold">Your teams</h1>
      <section className="mt-6 grid grid-cols-1 gap-4 md:grid-cols-3">
        {cards.map((card) => (
          <a key={card.id} href={`/dashboard/${card.id}`} className="rounded-lg border p-4 hover:bg-gray-50">
            <h2 className="font-medium">{card.name}</h2>
            <p className="text-sm text-gray-600">
              {card.projectCount} projects · {card.overdue} overdue tasks
            </p>
          </a>
        ))}
      </section>
      <section className="mt-10">
        <h2 className="text-lg font-medium">API usage</h2>
        <UsageChart points={usage} />
      </section>
    </main>
  );
}
