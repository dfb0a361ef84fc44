import { notFound } from 'next/navigation';
import { revalidatePath } from 'next/cache';
import { prisma } from '@/lib/prisma';

type Props = { params: { teamId: string } };

async function renameTeam(formData: FormData) {
  'use server';
  const teamId = String(formData.get('teamId'));
  const name = String(formData.get('name') ?? '').trim();
  if (name.length === 0 || name.length > 80) {
    throw new Error('Team name must be between 1 and 80 characters');
  }
  await prisma.team.update({ where: { id: teamId }, data: { name } });
  revalidatePath(`/dashboard/${teamId}/settings`);
}

export default async function TeamSettingsPage({ params }: Props) {
  const team = await prisma.team.findUnique({
    where: { id: params.teamId },
    include: {
      memberships: { include: { user: { select: { email: true, name: true } } }, orderBy: { createdAt: 'asc' } },
      apiKeys: { where: { revokedAt: null }, select: { id: true, prefix: true, createdAt: true } },
    },
  });
  if (!team) {
    notFound();
  }

  return (
    <div className="space-y-8">
      <form action={renameTeam} className="flex gap-2">
        <input type="hidden" name="teamId" value={team.id} />
        <input name="name" defaultValue={team.name} className="rounded border px-2 py-1" />
        <button type="submit" className="rounded bg-black px-3 py-1 text-white">
          Rename
        </button>
      </form>
      <ul>
        {team.memberships.map((m) => (
          <li key={m.userId}>
            {m.user.name ?? m.user.email} — {m.role}
          </li>
        ))}
      </ul>
      <ul>
        {team.apiKeys.map((k) => (
          <li key={k.id}>
            <code>{k.prefix}…</code> created {k.createdAt.toLocaleDateString()}
          </li>
        ))}
      </ul>
    </div>
  );
}
