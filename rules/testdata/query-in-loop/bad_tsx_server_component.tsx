import { db } from "@/server/db";
import Link from "next/link";

// A React Server Component: each post renders with its own author query.
export default async function PostList({ tag }: { tag: string }) {
  const posts = await db.post.findMany({ where: { tags: { some: { name: tag } } } });
  const rows = await Promise.all(
    posts.map(async (post) => {
      const author = await db.user.findUnique({ where: { id: post.authorId } }); // want "query-in-loop: db.user.findUnique runs once per element of posts.map on line 8 \\(N\\+1 queries\\)"
      return (
        <li key={post.id}>
          <Link href={`/posts/${post.slug}`}>{post.title}</Link> by {author?.name}
        </li>
      );
    }),
  );
  return <ul>{rows}</ul>;
}
