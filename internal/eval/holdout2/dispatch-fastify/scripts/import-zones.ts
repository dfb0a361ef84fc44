#!/usr/bin/env -S npx tsx
// Usage: npx tsx scripts/import-zones.ts zones.geojson
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { db, pool } from '../src/db/client';
import { zones } from '../src/db/schema';

type Feature = { properties: { code: string; surcharge_cents?: number }; geometry: unknown };

async function main() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { 'dry-run': { type: 'boolean', default: false } },
  });
  if (positionals.length !== 1) {
    console.error('usage: import-zones <file.geojson>');
    process.exit(2);
  }
  const doc = JSON.parse(fs.readFileSync(positionals[0], 'utf8')) as { features: Feature[] };
  const rows = doc.features.map((f) => ({
    code: f.properties.code,
    polygon: JSON.stringify(f.geometry),
    surchargeCents: f.properties.surcharge_cents ?? 0,
  }));
  console.log(`${rows.length} zones read`);
  if (values['dry-run']) return;

  await db
    .insert(zones)
    .values(rows)
    .onConflictDoUpdate({
      target: zones.code,
      set: { polygon: sql`excluded.polygon`, surchargeCents: sql`excluded.surcharge_cents` },
    });
  console.log('done');
}

main()
  .catch((err) => {
    console.error(err);
    process.exitCode = 1;
  })
  .finally(() => pool.end());
