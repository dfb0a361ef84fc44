import { NextResponse } from "next/server";
import { prisma } from "@/lib/prisma";

export async function GET() {
  const users = await prisma.user.findMany({ take: 50 });

  // Promise.all runs them concurrently, but it is still one query per user.
  const withPosts = await Promise.all(
    users.map(async (user) => {
      const posts = await prisma.post.findMany({ where: { authorId: user.id } }); // want "prisma.post.findMany runs once per element of users.map on line 9"
      return { ...user, posts };
    }),
  );

  // Non-async arrow returning the query: Promise.all awaits each one.
  const counts = await Promise.all(users.map((u) => prisma.comment.count({ where: { authorId: u.id } }))); // want "prisma.comment.count runs once per element of users.map"

  return NextResponse.json({ withPosts, counts });
}
