import { redis } from "../lib/redis";
import type { NextApiRequest, NextApiResponse } from "next";

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  const slug = String(req.query.slug);
  const html = await renderArticle(slug);
  await redis.set(`article:${slug}`, html); // want "cache-without-ttl"
  res.status(200).send(html);
}

async function renderArticle(slug: string) {
  return `<h1>${slug}</h1>`;
}
