import fs from "fs";
import path from "path";

export async function bundleAssets(files: string[]): Promise<string> {
  const parts = files.map((f) => fs.readFileSync(path.resolve("public", f), "utf8")); // want "sync-api-in-async: `fs.readFileSync`.*bundleAssets"
  return parts.join("\n");
}

export async function cleanup(dir: string) {
  const remove = (name: string) => fs.unlinkSync(path.join(dir, name)); // want "sync-api-in-async: `fs.unlinkSync`"
  for (const name of await fs.promises.readdir(dir)) {
    remove(name);
  }
}
