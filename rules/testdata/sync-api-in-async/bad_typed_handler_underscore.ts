import type { Request, Response } from "express";
import { readFileSync } from "node:fs";

export function hostname(_req: Request, res: Response) {
  res.type("text/plain").send(readFileSync("/etc/hostname", "utf8")); // want "sync-api-in-async: `readFileSync`.*request handler `hostname`"
}
