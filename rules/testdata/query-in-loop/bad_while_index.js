const Redis = require("ioredis");

const redis = new Redis(process.env.REDIS_URL);

// A hand-written index loop over a list is still once per item.
async function flagsFor(userIds) {
  const flags = [];
  let i = 0;
  while (i < userIds.length) {
    flags.push(await redis.sismember("beta-users", userIds[i])); // want "query-in-loop: redis.sismember runs once per iteration of the loop on line 9 \\(one cache round trip per item\\)"
    i++;
  }
  return flags;
}

// A lock that spins until it is free is not a loop over items.
async function acquire(key) {
  while (!(await redis.set(key, "1", "PX", 5000, "NX"))) {
    await new Promise((r) => setTimeout(r, 25));
  }
}

module.exports = { flagsFor, acquire };
