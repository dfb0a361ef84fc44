import fs from "node:fs";
import path from "node:path";

type Props = { posts: string[] };

// Runs at build time, not per request.
export async function getStaticProps() {
  const dir = path.join(process.cwd(), "posts");
  const posts = fs.readdirSync(dir).map((f) => fs.readFileSync(path.join(dir, f), "utf8"));
  return { props: { posts } };
}

export async function getStaticPaths() {
  return { paths: fs.readdirSync("posts").map((slug) => ({ params: { slug } })), fallback: false };
}

export default function Blog({ posts }: Props) {
  return <main>{posts.map((p) => <article key={p}>{p}</article>)}</main>;
}
