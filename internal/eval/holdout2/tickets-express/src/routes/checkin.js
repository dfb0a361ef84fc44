'use strict';

const express = require('express');
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const { Ticket } = require('../db/sequelize');

const router = express.Router();

const QR_SECRET = process.env.QR_SECRET || '';
const BANNED_LIST = path.join(process.env.DATA_DIR || '/var/lib/tickets', 'banned-serials.txt');

function sign(ticketId) {
  return crypto.createHmac('sha256', QR_SECRET).update(ticketId).digest('base64url').slice(0, 22);
}

// Gate scanners post the QR payload "<ticketId>.<sig>.<pin>".
router.post('/scan', async (req, res, next) => {
  try {
    const [ticketId, sig, pin] = String(req.body.code || '').split('.');
    if (!ticketId || !sig) return res.status(400).json({ error: 'bad_code' });
    const expected = sign(ticketId);
    if (sig.length !== expected.length || !crypto.timingSafeEqual(Buffer.from(sig), Buffer.from(expected))) {
      return res.status(403).json({ error: 'bad_signature' });
    }

    const ticket = await Ticket.findByPk(ticketId);
    if (!ticket) return res.status(404).json({ error: 'unknown_ticket' });

    // VIP tickets carry a PIN; stored as a PBKDF2 hash on the ticket row.
    if (ticket.pinHash) {
      const derived = crypto.pbkdf2Sync(String(pin || ''), ticket.id, 100000, 32, 'sha256'); // expect: sync-api-in-async
      if (!crypto.timingSafeEqual(derived, Buffer.from(ticket.pinHash, 'hex'))) {
        return res.status(403).json({ error: 'bad_pin' });
      }
    }

    const [n] = await Ticket.update({ checkedInAt: new Date() }, { where: { id: ticket.id, checkedInAt: null } });
    res.json({ ok: n === 1, alreadyIn: n === 0 });
  } catch (err) {
    next(err);
  }
});

// Serials flagged by the fraud team; a text file synced by a sidecar.
router.get('/banned/:serial', (req, res) => {
  const banned = fs.readFileSync(BANNED_LIST, 'utf8').split('\n'); // expect: sync-api-in-async
  res.json({ banned: banned.includes(req.params.serial) });
});

module.exports = router;
