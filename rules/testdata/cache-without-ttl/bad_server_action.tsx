"use server";

import { createClient } from "redis";
import { revalidatePath } from "next/cache";

const client = createClient({ url: process.env.REDIS_URL });

export async function saveDraft(formData: FormData) {
  const id = String(formData.get("id"));
  await client.set(`draft:${id}`, String(formData.get("body"))); // want "cache-without-ttl: .*client.set"
  revalidatePath(`/drafts/${id}`);
}

export function DraftBadge({ id }: { id: string }) {
  return <span className="badge">draft {id}</span>;
}
