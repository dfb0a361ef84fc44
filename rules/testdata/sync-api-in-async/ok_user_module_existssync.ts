import { existsSync, loadSync } from "./store";
import { parseSync } from "@babel/core";
import type { Request, Response } from "express";

export async function show(req: Request, res: Response) {
  // Functions of the app's own modules that happen to end in Sync.
  if (!existsSync(req.params.id)) return res.sendStatus(404);
  const item = loadSync(req.params.id);
  const ast = parseSync("const x = 1");
  res.json({ item, ast: Boolean(ast) });
}
