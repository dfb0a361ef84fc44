// Hand-written source with one tree-shaking annotation is not bundler
// output.
const { loadUser } = require("./db");

const noop = /*#__PURE__*/ Object.freeze(() => {});
const userCache = new Map(); // want "cache-without-ttl: .*module-level Map `userCache`"

async function getUser(id) {
  if (userCache.has(id)) return userCache.get(id);
  const u = await loadUser(id);
  userCache.set(id, u);
  return u;
}

module.exports = { getUser, noop };
