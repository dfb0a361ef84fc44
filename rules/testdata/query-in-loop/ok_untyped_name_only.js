// No database module is imported: `db` here is an in-memory store, and
// `client` an HTTP client. Names alone are not evidence.
const axios = require("axios");

const db = {
  rows: new Map(),
  query(key) {
    return this.rows.get(key);
  },
};

const client = axios.create({ baseURL: "https://api.example.com" });

async function enrich(items) {
  for (const item of items) {
    item.cached = db.query(item.id);
    item.remote = await client.get(`/items/${item.id}`);
  }
  const cache = new Map();
  for (const item of items) {
    cache.get(item.id);
    cache.set(item.id, item);
  }
  return items;
}

module.exports = { enrich };
