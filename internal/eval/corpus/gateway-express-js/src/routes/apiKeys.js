'use strict';

const crypto = require('crypto');
const express = require('express');
const bcrypt = require('bcryptjs');
const { pool } = require('../db/pool');
const { redis } = require('../cache/redis');
const config = require('../config');
const log = require('../lib/log');

const router = express.Router();

function newKeyMaterial() {
  const secret = crypto.randomBytes(24).toString('base64url');
  const prefix = secret.slice(0, 8);
  return { prefix, secret: `gw_${secret}` };
}

router.post('/', async (req, res, next) => {
  try {
    const { prefix, secret } = newKeyMaterial();
    const hash = bcrypt.hashSync(secret + config.keyPepper, 10); // expect: sync-api-in-async
    await pool.execute(
      'INSERT INTO api_keys (account_id, prefix, secret_hash, scopes) VALUES (:accountId, :prefix, :hash, :scopes)',
      { accountId: req.user.accountId, prefix, hash, scopes: JSON.stringify(req.body.scopes || ['read']) },
    );
    log.info({ accountId: req.user.accountId, prefix }, 'api key created');
    res.status(201).json({ key: secret, prefix });
  } catch (err) {
    next(err);
  }
});

router.post('/verify', async (req, res, next) => {
  const presented = String(req.body.key || '');
  const prefix = presented.replace(/^gw_/, '').slice(0, 8);
  try {
    const cached = await redis.get(`key:${prefix}`);
    let record = cached ? JSON.parse(cached) : null;
    if (!record) {
      const [rows] = await pool.execute(
        'SELECT account_id, secret_hash, scopes FROM api_keys WHERE prefix = :prefix AND revoked_at IS NULL',
        { prefix },
      );
      if (rows.length === 0) {
        return res.status(401).json({ valid: false });
      }
      record = rows[0];
      await redis.set(`key:${prefix}`, JSON.stringify(record)); // expect: cache-without-ttl
    }
    const ok = await bcrypt.compare(presented + config.keyPepper, record.secret_hash);
    return res.json({ valid: ok, accountId: ok ? record.account_id : undefined });
  } catch (err) {
    return next(err);
  }
});

router.post('/:prefix/rotate', (req, res, next) => {
  const { prefix, secret } = newKeyMaterial();
  const salt = crypto.randomBytes(16);
  const derived = crypto.scryptSync(secret, salt, 32); // expect: sync-api-in-async
  pool
    .execute(
      'UPDATE api_keys SET prefix = :newPrefix, secret_hash = :hash, rotated_at = NOW() WHERE prefix = :old AND account_id = :accountId',
      {
        newPrefix: prefix,
        hash: `scrypt$${salt.toString('hex')}$${derived.toString('hex')}`,
        old: req.params.prefix,
        accountId: req.user.accountId,
      },
    )
    .then(([result]) => {
      if (result.affectedRows === 0) {
        return res.status(404).json({ error: 'key_not_found' });
      }
      return redis.del(`key:${req.params.prefix}`).then(() => res.json({ key: secret, prefix }));
    })
    .catch(next);
});

router.delete('/:prefix', async (req, res, next) => {
  try {
    await pool.execute('UPDATE api_keys SET revoked_at = NOW() WHERE prefix = :prefix AND account_id = :accountId', {
      prefix: req.params.prefix,
      accountId: req.user.accountId,
    });
    await redis.setex(`revoked:${req.params.prefix}`, 3600, '1');
    await redis.del(`key:${req.params.prefix}`);
    res.status(204).end();
  } catch (err) {
    next(err);
  }
});

module.exports = router;
