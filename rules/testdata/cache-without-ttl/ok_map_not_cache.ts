import express from "express";

const app = express();
app.set("trust proxy", true);

const handlers = new Map<string, () => void>();

export function register(name: string, fn: () => void) {
  handlers.set(name, fn);
}

app.get("/search", (req, res) => {
  const params = new URLSearchParams();
  params.set("q", String(req.query.q));
  const seen = new Map<string, number>();
  for (const w of String(req.query.q).split(" ")) seen.set(w, (seen.get(w) ?? 0) + 1);
  res.set("Cache-Control", "no-store");
  res.setHeader("X-Words", String(seen.size));
  const headers = new Headers();
  headers.set("accept", "application/json");
  res.json({ q: params.toString() });
});

// A fixed table filled at start-up, not per request.
const cacheControl = new Map<string, string>();
cacheControl.set("static", "public, max-age=31536000");
cacheControl.set("api", "no-store");

export function cacheHeader(kind: string) {
  return cacheControl.get(kind);
}
