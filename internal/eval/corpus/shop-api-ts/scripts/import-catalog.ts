#!/usr/bin/env ts-node
/**
 * Imports a supplier catalogue export (JSON lines) into the products table.
 * Usage: ts-node scripts/import-catalog.ts ./exports/catalog-2024-05.jsonl
 */
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { pool } from '../src/lib/db';

interface CatalogLine {
  sku: string;
  title: string;
  priceCents: number;
  currency: string;
}

async function main(): Promise<void> {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: import-catalog <file.jsonl>');
    process.exit(2);
  }
  const gitRev = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  const lines = fs
    .readFileSync(path.resolve(file), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as CatalogLine);

  const { rowCount } = await pool.query(
    `INSERT INTO products (sku, title, price_cents, currency, import_rev)
     SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(sku text, title text, "priceCents" int, currency text, rev text)
     ON CONFLICT (sku) DO UPDATE SET title = EXCLUDED.title, price_cents = EXCLUDED.price_cents`,
    [JSON.stringify(lines.map((l) => ({ ...l, rev: gitRev })))],
  );
  console.log(`imported ${rowCount} products from ${file} (rev ${gitRev})`);
  await pool.end();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
