'use strict';

const Redis = require('ioredis');
const { Ticket } = require('../db/sequelize');

const redis = new Redis(process.env.REDIS_URL);

const HOLD_SECONDS = 8 * 60;

// Seat state per event: a hash of seat -> "sold" | "held:<session>".
async function loadSeatMap(eventId) {
  const key = `seatmap:${eventId}`;
  const cached = await redis.hgetall(key);
  if (Object.keys(cached).length > 0) return cached;

  const sold = await Ticket.findAll({ where: { eventId }, attributes: ['seat'], raw: true });
  const map = {};
  for (const t of sold) if (t.seat) map[t.seat] = 'sold';
  if (sold.length > 0) {
    await redis.hset(key, map); // expect: cache-without-ttl
  }
  return map;
}

async function holdSeat(eventId, seat, sessionId) {
  // One key per hold so each hold expires on its own.
  const ok = await redis.set(`hold:${eventId}:${seat}`, sessionId, 'EX', HOLD_SECONDS, 'NX');
  return ok === 'OK';
}

async function holdSeats(eventId, seats, sessionId) {
  const pipe = redis.pipeline();
  for (const seat of seats) {
    pipe.set(`hold:${eventId}:${seat}`, sessionId, 'EX', HOLD_SECONDS, 'NX');
  }
  const results = await pipe.exec();
  return seats.filter((_, i) => results[i][1] === 'OK');
}

async function markSold(eventId, seats) {
  const key = `seatmap:${eventId}`;
  const fields = Object.fromEntries(seats.map((s) => [s, 'sold']));
  await redis
    .multi()
    .hset(key, fields)
    .expire(key, 6 * 3600)
    .del(...seats.map((s) => `hold:${eventId}:${s}`))
    .exec();
}

module.exports = { loadSeatMap, holdSeat, holdSeats, markSold };
