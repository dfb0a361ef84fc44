#!/usr/bin/env node
// Backfills ledger_entries for invoices paid before the ledger existed.
// Usage: node scripts/backfill-ledger.mjs --since 2024-01-01 [--dry-run]
import fs from 'node:fs';
import { execSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import pg from 'pg';

const { values: args } = parseArgs({
  options: {
    since: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
    chunk: { type: 'string', default: '500' },
  },
});

const revision = execSync('git rev-parse --short HEAD', { encoding: 'utf8' }).trim();
const CHUNK = Number(args.chunk);

async function main() {
  const sqlText = fs.readFileSync(new URL('./sql/backfill-ledger.sql', import.meta.url), 'utf8');
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
  const client = await pool.connect();
  try {
    const { rows } = await client.query(
      "SELECT id FROM invoices WHERE status = 'paid' AND paid_at >= $1 AND NOT EXISTS (SELECT 1 FROM ledger_entries le WHERE le.invoice_id = invoices.id) ORDER BY id",
      [args.since],
    );
    const ids = rows.map((r) => r.id);
    console.log(`revision ${revision}: ${ids.length} invoices to backfill`);
    for (let i = 0; i < ids.length; i += CHUNK) {
      const chunk = ids.slice(i, i + CHUNK);
      if (args['dry-run']) {
        console.log(`would backfill ${chunk.length} invoices starting at ${chunk[0]}`);
        continue;
      }
      const res = await client.query(sqlText, [chunk]);
      console.log(`backfilled ${res.rowCount} entries (${i + chunk.length}/${ids.length})`);
    }
  } finally {
    client.release();
    await pool.end();
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
