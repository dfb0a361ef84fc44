const LRU = require("lru-cache");
const config = require("./config");

const byId = new LRU({ max: 500, length: (v) => 1, maxAge: 0 });
const aged = new LRU({ maxAge: 60 * 1000 });
const configured = new LRU({ max: config.cacheSize });
const small = new LRU(100);
const ttlOnly = new LRU({ ttl: 5 * 60 * 1000, ttlAutopurge: true });

module.exports = { byId, aged, configured, small, ttlOnly };
