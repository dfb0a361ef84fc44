'use strict';

const fs = require('fs');
const path = require('path');
const express = require('express');
const swaggerUi = require('swagger-ui-express');
const yaml = require('yaml');
const config = require('./config');
const { pool } = require('./db/pool');
const log = require('./lib/log');
const requestLog = require('./middleware/requestLog');
const accounts = require('./routes/accounts');
const apiKeys = require('./routes/apiKeys');
const proxy = require('./routes/proxy');

const openapi = yaml.parse(fs.readFileSync(path.join(__dirname, '..', 'openapi.yml'), 'utf8'));

const app = express();
app.use(requestLog());
app.use(express.json({ limit: '1mb' }));
app.get('/healthz', async (req, res) => {
  const conn = await pool.getConnection(); // expect: missing-release
  await conn.ping();
  conn.release();
  res.json({ ok: true });
});
app.use('/docs', swaggerUi.serve, swaggerUi.setup(openapi));
app.use('/admin/accounts', accounts);
app.use('/admin/keys', apiKeys);
app.use('/api', proxy);

app.use((err, req, res, _next) => {
  log.error({ err, reqId: req.id }, 'unhandled error');
  res.status(err.status || 500).json({ error: err.expose ? err.message : 'internal_error' });
});

if (require.main === module) {
  app.listen(config.port, () => log.info({ port: config.port }, 'gateway listening'));
}

module.exports = app;
