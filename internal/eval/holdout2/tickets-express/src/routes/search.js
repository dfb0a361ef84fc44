'use strict';

const express = require('express');
const { Op } = require('sequelize');
const { Event, Venue } = require('../db/sequelize');

const router = express.Router();

const FILTERS = {
  city: (v) => ({ '$Venue.city$': v }),
  from: (v) => ({ startsAt: { [Op.gte]: new Date(v) } }),
  to: (v) => ({ startsAt: { [Op.lt]: new Date(v) } }),
  q: (v) => ({ title: { [Op.iLike]: `%${v.replace(/[%_]/g, '')}%` } }),
  status: (v) => ({ status: { [Op.in]: String(v).split(',') } }),
};

router.get('/', async (req, res, next) => {
  try {
    const clauses = [];
    for (const [name, build] of Object.entries(FILTERS)) {
      const value = req.query[name];
      if (typeof value === 'string' && value.length > 0) {
        clauses.push(build(value));
      }
    }
    const page = Math.max(0, Number(req.query.page) || 0);
    const rows = await Event.findAll({
      where: { [Op.and]: clauses },
      include: [{ model: Venue, attributes: ['name', 'city'] }],
      order: [['startsAt', 'ASC']],
      limit: 25,
      offset: page * 25,
    });
    res.json({ page, results: rows });
  } catch (err) {
    next(err);
  }
});

module.exports = router;
