const LRU = require("lru-cache");

// lru-cache v6: maxAge 0 is "no age limit" and max defaults to Infinity.
const forever = new LRU({ maxAge: 0 }); // want "cache-without-ttl: .*LRU cache has no `max`, `maxSize` or `ttl`"

// length only says how to measure entries; without max nothing is evicted.
const sized = new LRU({ length: (v) => v.length, stale: true }); // want "cache-without-ttl: .*no `max`"

// max 0 means Infinity in v6.
const unbounded = new LRU({ max: 0, dispose: (k) => console.log("evicted", k) }); // want "cache-without-ttl: .*no `max`"

module.exports = { forever, sized, unbounded };
