import fs from "node:fs";
import { execSync } from "node:child_process";

async function main() {
  const pkg = JSON.parse(fs.readFileSync("package.json", "utf8"));
  const sha = execSync("git rev-parse --short HEAD").toString().trim();
  await Promise.all(
    ["dist/a.js", "dist/b.js"].map(async (f) => {
      fs.writeFileSync(f + ".version", `${pkg.version}+${sha}`);
    }),
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
