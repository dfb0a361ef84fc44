import { NextResponse } from "next/server";
import { execSync } from "node:child_process";
import fs from "fs";

export async function GET() {
  const version = execSync("git rev-parse HEAD").toString().trim(); // want "sync-api-in-async: `execSync` waits for a child process on the event loop.*execFile"
  return NextResponse.json({ version });
}

export function POST(request: Request) {
  const log = fs.appendFileSync("/tmp/posts.log", request.url + "\n"); // want "sync-api-in-async: `fs.appendFileSync`.*request handler `POST`"
  return NextResponse.json({ ok: true, log });
}
