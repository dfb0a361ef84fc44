'use strict';

const fs = require('fs');
const express = require('express');
const { Agent, request } = require('undici');
const { upstreamFor } = require('../services/routingTable');
const { consume } = require('../services/quotaService');
const log = require('../lib/log');

const agent = new Agent({ keepAliveTimeout: 10_000, connections: 128 });
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'host']);

const router = express.Router();

router.get('/_gateway/routes', (req, res) => {
  const table = fs.readFileSync(process.env.ROUTES_FILE || 'routes.yml', 'utf8'); // expect: sync-api-in-async
  res.type('text/yaml').send(table);
});

router.all('*', async (req, res, next) => {
  try {
    const target = await upstreamFor(req.user.tenantId, req.path);
    if (!target) {
      return res.status(404).json({ error: 'no_route' });
    }
    await consume(req.user.accountId, target.prefix);
    const headers = Object.fromEntries(Object.entries(req.headers).filter(([k]) => !HOP_BY_HOP.has(k)));
    const upstream = await request(`${target.upstream}${req.originalUrl.slice(target.prefix.length)}`, {
      method: req.method,
      headers: { ...headers, 'x-request-id': req.id },
      body: ['GET', 'HEAD'].includes(req.method) ? undefined : req,
      dispatcher: agent,
      headersTimeout: target.timeoutMs,
      bodyTimeout: target.timeoutMs,
    });
    res.status(upstream.statusCode);
    for (const [k, v] of Object.entries(upstream.headers)) {
      if (!HOP_BY_HOP.has(k)) res.setHeader(k, v);
    }
    upstream.body.pipe(res);
  } catch (err) {
    log.warn({ err, path: req.path }, 'upstream request failed');
    next(err);
  }
});

module.exports = router;
