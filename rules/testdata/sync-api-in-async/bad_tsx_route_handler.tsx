import { NextResponse } from "next/server";
import { brotliCompressSync } from "node:zlib";

export async function GET(request: Request) {
  const body = JSON.stringify({ url: request.url, items: Array.from({ length: 1000 }, (_, i) => i) });
  const compressed = brotliCompressSync(body); // want "sync-api-in-async: `brotliCompressSync`"
  return new NextResponse(compressed, { headers: { "Content-Encoding": "br" } });
}

export function Badge() {
  return <span>api</span>;
}
