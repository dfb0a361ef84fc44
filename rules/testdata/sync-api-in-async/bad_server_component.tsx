import fs from "node:fs";
import path from "node:path";

export default async function DocsPage({ params }: { params: { slug: string } }) {
  const md = fs.readFileSync(path.join(process.cwd(), "docs", `${params.slug}.md`), "utf8"); // want "sync-api-in-async: `fs.readFileSync`.*DocsPage"
  return <article dangerouslySetInnerHTML={{ __html: md }} />;
}
