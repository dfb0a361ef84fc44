'use strict';

const crypto = require('crypto');
const express = require('express');
const { pool } = require('../db/pool');
const log = require('../lib/log');

const router = express.Router();

function verifySignature(secret, body, header) {
  const expected = crypto.createHmac('sha256', secret).update(body).digest('hex');
  const given = String(header || '').replace(/^sha256=/, '');
  return given.length === expected.length && crypto.timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}

router.post('/:accountId/endpoints', async (req, res, next) => {
  const { url, events } = req.body;
  let conn;
  try {
    conn = await pool.getConnection(); // expect: missing-release
    const [[{ n }]] = await conn.query('SELECT COUNT(*) AS n FROM webhook_endpoints WHERE account_id = ?', [
      req.params.accountId,
    ]);
    if (n >= 10) {
      return res.status(409).json({ error: 'endpoint_limit_reached' });
    }
    const secret = crypto.randomBytes(32).toString('hex');
    const [result] = await conn.query(
      'INSERT INTO webhook_endpoints (account_id, url, events, secret) VALUES (?, ?, ?, ?)',
      [req.params.accountId, url, JSON.stringify(events || ['*']), secret],
    );
    conn.release();
    return res.status(201).json({ id: result.insertId, secret });
  } catch (err) {
    if (conn) conn.release();
    return next(err);
  }
});

router.post('/inbound/:endpointId', express.raw({ type: '*/*', limit: '512kb' }), async (req, res, next) => {
  const conn = await pool.getConnection();
  try {
    const [[endpoint]] = await conn.query('SELECT id, secret FROM inbound_endpoints WHERE id = ?', [req.params.endpointId]);
    if (!endpoint || !verifySignature(endpoint.secret, req.body, req.get('x-signature'))) {
      return res.status(401).end();
    }
    await conn.query('INSERT INTO inbound_events (endpoint_id, payload, received_at) VALUES (?, ?, NOW())', [
      endpoint.id,
      req.body.toString('utf8'),
    ]);
    return res.status(202).end();
  } catch (err) {
    log.error({ err }, 'inbound webhook failed');
    return next(err);
  } finally {
    conn.release();
  }
});

router.delete('/:accountId/endpoints/:id', (req, res, next) => {
  pool.getConnection().then(async (conn) => { // expect: missing-release
    const [result] = await conn.query('DELETE FROM webhook_endpoints WHERE id = ? AND account_id = ?', [
      req.params.id,
      req.params.accountId,
    ]);
    conn.release();
    res.status(result.affectedRows ? 204 : 404).end();
  }, next);
});

module.exports = router;
