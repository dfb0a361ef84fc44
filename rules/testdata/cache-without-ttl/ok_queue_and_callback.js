const redis = require("redis");

const client = redis.createClient();

function enqueue(job) {
  // A work queue is drained by a worker, not expired.
  client.lpush("queue:emails", JSON.stringify(job));
}

function cacheLegacy(key, value, cb) {
  client.set(key, value, "EX", 60, cb);
}

function cacheLegacyExpire(key, value) {
  client.set(key, value, function (err) {
    if (!err) client.expire(key, 60);
  });
}

module.exports = { enqueue, cacheLegacy, cacheLegacyExpire };
