'use strict';

const express = require('express');
const LRU = require('lru-cache');
const NodeCache = require('node-cache');
const { Venue, Event } = require('../db/sequelize');

const router = express.Router();

// Venue layouts are big and change only when a venue is re-mapped.
const layouts = new LRU(); // expect: cache-without-ttl

// City list for the venue picker; refreshed every ten minutes.
const cities = new NodeCache({ stdTTL: 600, checkperiod: 120 });

router.get('/cities', async (req, res, next) => {
  try {
    let list = cities.get('all');
    if (!list) {
      const rows = await Venue.findAll({ attributes: ['city'], group: ['city'], order: [['city', 'ASC']], raw: true });
      list = rows.map((r) => r.city);
      cities.set('all', list);
    }
    res.json(list);
  } catch (err) {
    next(err);
  }
});

router.get('/:id/layout', async (req, res, next) => {
  try {
    let layout = layouts.get(req.params.id);
    if (!layout) {
      const venue = await Venue.findByPk(req.params.id, { attributes: ['layout'] });
      if (!venue) return res.status(404).end();
      layout = venue.layout;
      layouts.set(req.params.id, layout);
    }
    res.json(layout);
  } catch (err) {
    next(err);
  }
});

router.get('/:id/events', async (req, res, next) => {
  try {
    const events = await Event.findAll({
      where: { venueId: req.params.id },
      order: [['startsAt', 'DESC']],
      limit: 50,
    });
    res.json(events);
  } catch (err) {
    next(err);
  }
});

module.exports = router;
