import { NextRequest, NextResponse } from 'next/server';
import { getServerSession } from 'next-auth';
import { z } from 'zod';
import { authOptions } from '@/lib/auth';
import { prisma } from '@/lib/prisma';

// Resolved label colours by label name, shared by every request of this server instance.
const labelColours = new Map<string, string>(); // expect: cache-without-ttl

function colourFor(label: string): string {
  let colour = labelColours.get(label);
  if (!colour) {
    let h = 0;
    for (const ch of label) h = (h * 31 + ch.charCodeAt(0)) % 360;
    colour = `hsl(${h} 70% 45%)`;
    labelColours.set(label, colour);
  }
  return colour;
}

const createSchema = z.object({
  teamId: z.string().cuid(),
  name: z.string().min(1).max(120),
  labels: z.array(z.string().min(1).max(40)).max(20).default([]),
});

export async function GET(req: NextRequest) {
  const session = await getServerSession(authOptions);
  if (!session) {
    return NextResponse.json({ error: 'unauthenticated' }, { status: 401 });
  }
  const teamId = req.nextUrl.searchParams.get('teamId');
  if (!teamId) {
    return NextResponse.json({ error: 'teamId is required' }, { status: 400 });
  }
  const projects = await prisma.project.findMany({
    where: { teamId, archivedAt: null },
    include: {
      labels: true,
      _count: { select: { tasks: { where: { status: { not: 'done' } } } } },
    },
    orderBy: { updatedAt: 'desc' },
  });
  return NextResponse.json({
    projects: projects.map((p) => ({ id: p.id, name: p.name, labels: p.labels.map((l) => ({ name: l.name, colour: colourFor(l.name) })), openTasks: p._count.tasks })),
  });
}

export async function POST(req: NextRequest) {
  const session = await getServerSession(authOptions);
  if (!session) {
    return NextResponse.json({ error: 'unauthenticated' }, { status: 401 });
  }
  const parsed = createSchema.safeParse(await req.json());
  if (!parsed.success) {
    return NextResponse.json({ error: 'invalid_body', issues: parsed.error.issues }, { status: 400 });
  }
  const { teamId, name, labels } = parsed.data;
  const project = await prisma.$transaction(async (tx) => {
    const created = await tx.project.create({ data: { teamId, name } });
    if (labels.length > 0) {
      await tx.projectLabel.createMany({ data: labels.map((label) => ({ projectId: created.id, name: label })) });
    }
    return created;
  });
  return NextResponse.json({ project }, { status: 201 });
}
