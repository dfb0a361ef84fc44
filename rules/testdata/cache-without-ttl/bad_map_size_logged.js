const { fetchProfile } = require("./profiles");
const metrics = require("./metrics");

const profiles = new Map(); // want "cache-without-ttl: .*module-level Map `profiles`"

async function profileFor(userId) {
  const hit = profiles.get(userId);
  if (hit) return hit;
  const p = await fetchProfile(userId);
  profiles.set(userId, p);
  metrics.gauge("profiles_cached", profiles.size);
  console.debug("profile cached", { userId, entries: profiles.size });
  return p;
}

module.exports = { profileFor };
