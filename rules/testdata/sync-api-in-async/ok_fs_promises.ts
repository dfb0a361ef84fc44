import fs from "node:fs";
import { readFile } from "node:fs/promises";
import { promisify } from "node:util";
import { pbkdf2 } from "node:crypto";
import bcrypt from "bcrypt";

const pbkdf2Async = promisify(pbkdf2);

export async function load(p: string) {
  const a = await fs.promises.readFile(p, "utf8");
  const b = await readFile(p, "utf8");
  const key = await pbkdf2Async(a, b, 1000, 32, "sha256");
  const hash = await bcrypt.hash(a, 10);
  return { key, hash };
}
