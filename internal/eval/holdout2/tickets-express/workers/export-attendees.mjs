#!/usr/bin/env node
// Usage: node workers/export-attendees.mjs --event <id> --out attendees.csv
import { writeFileSync, existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { knex, closeAll } from './db.mjs';

function csvCell(v) {
  const s = v == null ? '' : String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

async function main() {
  const { values } = parseArgs({
    options: { event: { type: 'string' }, out: { type: 'string' }, force: { type: 'boolean', default: false } },
  });
  if (!values.event || !values.out) {
    console.error('usage: export-attendees --event <id> --out <file>');
    process.exit(2);
  }
  if (existsSync(values.out) && !values.force) {
    console.error(`${values.out} exists; pass --force to overwrite`);
    process.exit(1);
  }

  const rows = await knex('tickets as t')
    .join('orders as o', 'o.id', 't.order_id')
    .select('t.id', 't.seat', 'o.buyer_email', 't.checked_in_at')
    .where('t.event_id', values.event)
    .orderBy('t.seat');

  const lines = ['ticket,seat,email,checked_in', ...rows.map((r) => [r.id, r.seat, r.buyer_email, r.checked_in_at].map(csvCell).join(','))];
  writeFileSync(values.out, lines.join('\n') + '\n');
  console.log(`${rows.length} rows written to ${values.out}`);
}

main()
  .catch((err) => {
    console.error(err);
    process.exitCode = 1;
  })
  .finally(closeAll);
