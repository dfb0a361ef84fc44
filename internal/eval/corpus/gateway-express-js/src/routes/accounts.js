'use strict';

const express = require('express');
const { pool } = require('../db/pool');
const log = require('../lib/log');
const { withRetry, isTransientMysqlError } = require('../lib/retry');

const router = express.Router();

router.get('/:accountId', async (req, res, next) => {
  try {
    const [rows] = await pool.execute(
      'SELECT id, name, plan, status, created_at FROM accounts WHERE id = :id',
      { id: req.params.accountId },
    );
    if (rows.length === 0) {
      return res.status(404).json({ error: 'account_not_found' });
    }
    return res.json(rows[0]);
  } catch (err) {
    return next(err);
  }
});

router.post('/:accountId/plan', async (req, res, next) => {
  const { plan } = req.body;
  if (!['free', 'team', 'enterprise'].includes(plan)) {
    return res.status(400).json({ error: 'invalid_plan' });
  }
  let conn;
  try {
    conn = await pool.getConnection();
    await conn.beginTransaction();
    const [[account]] = await conn.execute('SELECT id, plan FROM accounts WHERE id = :id FOR UPDATE', {
      id: req.params.accountId,
    });
    if (!account) {
      await conn.rollback();
      return res.status(404).json({ error: 'account_not_found' });
    }
    await conn.execute('UPDATE accounts SET plan = :plan WHERE id = :id', { plan, id: account.id });
    await conn.execute(
      'INSERT INTO plan_changes (account_id, from_plan, to_plan, changed_by) VALUES (:id, :from, :to, :by)',
      { id: account.id, from: account.plan, to: plan, by: req.user.id },
    );
    await conn.commit();
    return res.json({ id: account.id, plan });
  } catch (err) {
    if (conn) await conn.rollback().catch(() => {});
    return next(err);
  } finally {
    if (conn) conn.release();
  }
});

router.post('/:accountId/suspend', async (req, res, next) => {
  const conn = await pool.getConnection(); // expect: missing-release
  try {
    await conn.beginTransaction();
    const [result] = await conn.execute("UPDATE accounts SET status = 'suspended' WHERE id = :id AND status = 'active'", {
      id: req.params.accountId,
    });
    if (result.affectedRows === 0) {
      await conn.rollback();
      return res.status(409).json({ error: 'not_active' });
    }
    await conn.execute("UPDATE api_keys SET revoked_at = NOW() WHERE account_id = :id AND revoked_at IS NULL", {
      id: req.params.accountId,
    });
    await conn.commit();
    conn.release();
    log.info({ accountId: req.params.accountId }, 'account suspended');
    return res.status(204).end();
  } catch (err) {
    await conn.rollback();
    conn.release();
    return next(err);
  }
});

router.delete('/:accountId/sessions', async (req, res, next) => {
  try {
    const result = await withRetry(
      () => pool.execute('DELETE FROM sessions WHERE account_id = :id', { id: req.params.accountId }),
      { attempts: 4, baseMs: 50, isRetryable: isTransientMysqlError, label: 'delete sessions' },
    );
    return res.json({ deleted: result[0].affectedRows });
  } catch (err) {
    return next(err);
  }
});

module.exports = router;
