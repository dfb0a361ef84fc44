const NodeCache = require("node-cache");

const sessions = new NodeCache({ stdTTL: 600, checkperiod: 60 });
const bounded = new NodeCache({ maxKeys: 10000 });
const perKey = new NodeCache();

function saveSession(id, data) {
  sessions.set(id, data);
}

function remember(key, value) {
  // Every write passes its own TTL.
  perKey.set(key, value, 300);
}

module.exports = { saveSession, remember, bounded };
