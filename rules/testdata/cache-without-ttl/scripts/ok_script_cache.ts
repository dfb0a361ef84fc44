// A one-off script: the process exits when it is done.
import { readFile } from "node:fs/promises";

const fileCache = new Map<string, string>();

export async function readOnce(path: string): Promise<string> {
  const hit = fileCache.get(path);
  if (hit) return hit;
  const text = await readFile(path, "utf8");
  fileCache.set(path, text);
  return text;
}
