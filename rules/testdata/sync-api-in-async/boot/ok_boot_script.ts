// A boot script: run once by the framework when the server starts.
import { readFileSync, existsSync } from "node:fs";

export default async function seedRoles(server: { models: { Role: { upsert(r: unknown): Promise<void> } } }) {
  if (!existsSync("./roles.json")) return;
  const roles = JSON.parse(readFileSync("./roles.json", "utf8"));
  for (const r of roles) {
    await server.models.Role.upsert(r);
  }
}
