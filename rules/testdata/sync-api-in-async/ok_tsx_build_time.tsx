import fs from "node:fs";
import { useState } from "react";

// Read at module load (build time for a static page), not per request.
const changelog = fs.readFileSync("./CHANGELOG.md", "utf8");

export function Changelog() {
  const [open, setOpen] = useState(false);
  return (
    <section>
      <button onClick={() => setOpen(!open)}>toggle</button>
      {open && <pre>{changelog}</pre>}
    </section>
  );
}
