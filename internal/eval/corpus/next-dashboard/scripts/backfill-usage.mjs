#!/usr/bin/env node
// Rebuilds usage_events.team_id for rows written before the team_id column existed.
// Usage: node scripts/backfill-usage.mjs --batch 5000
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import postgres from 'postgres';

const { values } = parseArgs({ options: { batch: { type: 'string', default: '5000' }, dry: { type: 'boolean' } } });
const batch = Number(values.batch);
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

const sql = postgres(process.env.DATABASE_URL, { max: 1 });
console.log(`${pkg.name} usage backfill, batch=${batch}${values.dry ? ' (dry run)' : ''}`);

let total = 0;
for (;;) {
  const updated = values.dry
    ? []
    : await sql`
        UPDATE usage_events e SET team_id = k.team_id
          FROM api_keys k
         WHERE e.api_key_id = k.id AND e.team_id IS NULL
           AND e.id IN (SELECT id FROM usage_events WHERE team_id IS NULL LIMIT ${batch})
        RETURNING e.id`;
  total += updated.length;
  console.log(`updated ${total} rows so far`);
  if (updated.length < batch) {
    break;
  }
}
await sql.end();
