'use strict';

const express = require('express');
const { Op } = require('sequelize');
const { Event, Ticket, Venue } = require('../db/sequelize');

const router = express.Router();

// Public listing: upcoming events on sale with remaining capacity.
router.get('/', async (req, res, next) => {
  try {
    const events = await Event.findAll({
      where: { status: 'on_sale', startsAt: { [Op.gt]: new Date() } },
      include: [{ model: Venue, attributes: ['name', 'city'] }],
      order: [['startsAt', 'ASC']],
      limit: Math.min(Number(req.query.limit) || 20, 100),
    });

    const out = [];
    for (const e of events) {
      const sold = await Ticket.count({ where: { eventId: e.id, orderId: { [Op.ne]: null } } }); // expect: query-in-loop
      out.push({
        id: e.id,
        title: e.title,
        startsAt: e.startsAt,
        venue: e.Venue ? `${e.Venue.name}, ${e.Venue.city}` : null,
        remaining: Math.max(0, e.capacity - sold),
      });
    }
    res.json(out);
  } catch (err) {
    next(err);
  }
});

// Same numbers for the organiser dashboard, in one grouped query.
router.get('/mine', async (req, res, next) => {
  try {
    const ids = String(req.query.ids || '')
      .split(',')
      .filter(Boolean)
      .slice(0, 200);
    const events = await Event.findAll({ where: { id: ids } });
    const sold = await Ticket.findAll({
      attributes: ['eventId', [Ticket.sequelize.fn('count', Ticket.sequelize.col('id')), 'n']],
      where: { eventId: { [Op.in]: ids }, orderId: { [Op.ne]: null } },
      group: ['eventId'],
      raw: true,
    });
    const byEvent = new Map(sold.map((s) => [s.eventId, Number(s.n)]));
    res.json(events.map((e) => ({ id: e.id, title: e.title, sold: byEvent.get(e.id) || 0, capacity: e.capacity })));
  } catch (err) {
    next(err);
  }
});

router.post('/:id/publish', async (req, res, next) => {
  try {
    const [n] = await Event.update({ status: 'on_sale' }, { where: { id: req.params.id, status: 'draft' } });
    if (n === 0) return res.status(409).json({ error: 'not_draft' });
    res.json({ ok: true });
  } catch (err) {
    next(err);
  }
});

router.post('/:id/cancel', async (req, res, next) => {
  try {
    await Event.sequelize.transaction(async (t) => {
      await Event.update({ status: 'cancelled' }, { where: { id: req.params.id }, transaction: t });
      await Ticket.update({ orderId: null }, { where: { eventId: req.params.id, checkedInAt: null }, transaction: t });
    });
    res.json({ ok: true });
  } catch (err) {
    next(err);
  }
});

module.exports = router;
