'use strict';

// When tickets are released, offer them to the waitlist in join order.
const Redis = require('ioredis');
const knex = require('knex')({ client: 'pg', connection: process.env.DATABASE_URL, pool: { max: 3 } });

const redis = new Redis(process.env.REDIS_URL);
const OFFER_SECONDS = 30 * 60;

async function offerReleased(eventId, count) {
  const trx = await knex.transaction(); // expect: missing-release
  const waiting = await trx('waitlist')
    .where({ event_id: eventId, offered_at: null })
    .orderBy('joined_at')
    .limit(count)
    .forUpdate()
    .skipLocked();

  if (waiting.length === 0) {
    await trx.rollback();
    return 0;
  }

  await trx('waitlist')
    .whereIn('id', waiting.map((w) => w.id))
    .update({ offered_at: knex.fn.now() });
  await trx.commit();

  const pipe = redis.pipeline();
  for (const w of waiting) {
    pipe.set(`offer:${eventId}:${w.user_id}`, '1', 'EX', OFFER_SECONDS);
  }
  await pipe.exec();

  // Cache the remaining queue length shown on the event page.
  const [{ n }] = await knex('waitlist').where({ event_id: eventId, offered_at: null }).count({ n: '*' });
  await redis.set(`waitlist:size:${eventId}`, String(n)); // expect: cache-without-ttl
  return waiting.length;
}

module.exports = { offerReleased };
