// Functions that take a key but decide themselves what is stored under
// which name: the expiry is theirs to set.
"use strict";

const Redis = require("ioredis");
const redis = new Redis();

// The key is built here from the caller's id.
async function addToCart(cartId, sku) {
  await redis.hset(`cart:${cartId}`, sku, 1); // want "`redis.hset` writes `.cart:\\$\\{cartId\\}.` in Redis and nothing in this function gives it an expiry"
}

// The parameter is rewritten before use.
async function remember(key, members) {
  key = `seen:${key}`;
  await redis.sadd(key, members); // want "`redis.sadd` writes `key` in Redis and nothing in this function gives it an expiry"
}

// A cache helper: its name says it caches, so forgetting the TTL is its bug.
async function cacheProfile(key, profile) {
  await redis.hset(key, profile); // want "`redis.hset` writes `key` in Redis and nothing in this function gives it an expiry"
}

const store = {
  cacheScores: async (key, score, member) => {
    await redis.zadd(key, score, member); // want "`redis.zadd` writes `key` in Redis and nothing in this function gives it an expiry"
  },
};

module.exports = { addToCart, remember, cacheProfile, store };
