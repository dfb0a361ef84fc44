// A storage adapter over Redis used as the application's database: every
// primitive forwards the key its caller chose, unchanged. Whether a key
// expires is the caller's decision (the adapter has an expire primitive).
"use strict";

module.exports = function (redisClient, db) {
  db.setObject = function (key, data, callback) {
    redisClient.hmset(key, data, callback);
  };

  db.setObjectField = (key, field, value, callback) => {
    redisClient.hset(key, field, value, callback);
  };

  db.setAdd = function (key, value, callback) {
    if (!Array.isArray(value)) {
      value = [value];
    }
    redisClient.sadd(key, value, callback);
  };

  db.sortedSetAdd = function (key, score, value, callback) {
    if (Array.isArray(score)) {
      return addMany(key, score, value, callback);
    }
    redisClient.zadd(key, score, value, callback);
  };

  function addMany(key, scores, values, callback) {
    const args = [key];
    for (let i = 0; i < scores.length; i += 1) {
      args.push(scores[i], values[i]);
    }
    redisClient.zadd(args, callback);
  }

  db.sortedSetsAdd = function (keys, score, value, callback) {
    const multi = redisClient.multi();
    for (let i = 0; i < keys.length; i += 1) {
      multi.zadd(keys[i], score, value);
    }
    multi.exec(callback);
  };

  db.listPrepend = async function (key, value) {
    await redisClient.lpush(key, value);
  };
};
