'use strict';

const express = require('express');
const { pool } = require('../db/mysql');

const router = express.Router();

router.get('/:id', async (req, res, next) => {
  try {
    const [rows] = await pool.query('SELECT * FROM orders WHERE id = :id', { id: req.params.id });
    if (rows.length === 0) return res.status(404).end();
    const [lines] = await pool.query('SELECT * FROM order_lines WHERE order_id = :id', { id: req.params.id });
    res.json({ ...rows[0], lines });
  } catch (err) {
    next(err);
  }
});

// Receipt view reads the order and its lines on one connection so both come from one snapshot.
router.get('/:id/receipt', async (req, res, next) => {
  try {
    const conn = await pool.getConnection(); // expect: missing-release
    await conn.query('START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY');
    const [[order]] = await conn.query('SELECT id, buyer_email, amount_cents, paid_at FROM orders WHERE id = :id', {
      id: req.params.id,
    });
    const [lines] = await conn.query('SELECT description, cents FROM order_lines WHERE order_id = :id', {
      id: req.params.id,
    });
    await conn.query('COMMIT');
    conn.release();
    if (!order) return res.status(404).end();
    res.json({ ...order, lines });
  } catch (err) {
    next(err);
  }
});

router.post('/', async (req, res, next) => {
  const { eventId, quantity, buyerEmail } = req.body;
  let conn;
  try {
    conn = await pool.getConnection();
    await conn.beginTransaction();
    const [[ev]] = await conn.query('SELECT capacity, sold FROM event_stock WHERE event_id = :eventId FOR UPDATE', {
      eventId,
    });
    if (!ev || ev.sold + quantity > ev.capacity) {
      await conn.rollback();
      return res.status(409).json({ error: 'sold_out' });
    }
    await conn.query('UPDATE event_stock SET sold = sold + :quantity WHERE event_id = :eventId', { quantity, eventId });
    const [result] = await conn.query(
      'INSERT INTO orders (event_id, quantity, buyer_email, status) VALUES (:eventId, :quantity, :buyerEmail, "pending")',
      { eventId, quantity, buyerEmail },
    );
    await conn.commit();
    res.status(201).json({ id: result.insertId });
  } catch (err) {
    if (conn) await conn.rollback().catch(() => {});
    next(err);
  } finally {
    if (conn) conn.release();
  }
});

router.post('/:id/refund', async (req, res, next) => {
  try {
    const conn = await pool.getConnection(); // expect: missing-release
    await conn.beginTransaction();
    const [[order]] = await conn.query('SELECT id, status, amount_cents FROM orders WHERE id = :id FOR UPDATE', {
      id: req.params.id,
    });
    if (!order) {
      await conn.rollback();
      return res.status(404).end();
    }
    if (order.status !== 'paid') {
      await conn.rollback();
      conn.release();
      return res.status(409).json({ error: 'not_refundable' });
    }
    await conn.query('UPDATE orders SET status = "refund_requested" WHERE id = :id', { id: order.id });
    await conn.query('INSERT INTO refunds (order_id, amount_cents) VALUES (:id, :amount)', {
      id: order.id,
      amount: order.amount_cents,
    });
    await conn.commit();
    conn.release();
    res.status(202).json({ ok: true });
  } catch (err) {
    next(err);
  }
});

module.exports = router;
