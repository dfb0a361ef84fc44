'use strict';

const { pipeline } = require('node:stream/promises');
const { to: copyTo } = require('pg-copy-streams');
const { pool } = require('../lib/db');

/** Streams a tenant's users as CSV straight from COPY. */
async function csv({ params: [tenantId], res }) {
  const client = await pool.connect(); // expect: missing-release
  const stream = client.query(
    copyTo(
      `COPY (SELECT id, email, status, created_at FROM users WHERE tenant_id = '${tenantId.replace(/[^0-9a-f-]/gi, '')}' ORDER BY created_at) TO STDOUT WITH (FORMAT csv, HEADER true)`,
    ),
  );
  res.writeHead(200, {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': `attachment; filename="users-${tenantId}.csv"`,
  });
  await pipeline(stream, res);
  client.release();
}

module.exports = { csv };
