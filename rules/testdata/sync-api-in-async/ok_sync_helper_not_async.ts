import fs from "fs";
import path from "path";

// A plain synchronous helper: it may run at start-up; we cannot tell that
// it runs per request, so it is not reported.
export function loadTemplates(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of fs.readdirSync(dir)) {
    out.set(f, fs.readFileSync(path.join(dir, f), "utf8"));
  }
  return out;
}

export class Settings {
  private data = JSON.parse(fs.readFileSync("settings.json", "utf8"));
  get(key: string) {
    return this.data[key];
  }
}
