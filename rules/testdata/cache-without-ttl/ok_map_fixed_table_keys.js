// Keys drawn from a fixed table in this module: however many requests come
// in, the cache holds at most one entry per table value (plus a literal
// fallback), so it cannot grow with traffic.
"use strict";

const PERIODS = { daily: "day", weekly: "week", monthly: "month" };
const REGIONS = ["eu", "us", "ap"];

const anonPageCache = {};
let refreshedAt = 0;

function popular(req, res, next) {
  let period = PERIODS[req.params.period];
  if (!period && req.params.period) {
    return next();
  }
  period = period || "alltime";
  if (anonPageCache[period] && Date.now() - refreshedAt < 3600e3) {
    return res.render("popular", anonPageCache[period]);
  }
  loadPopular(period, (err, data) => {
    if (err) return next(err);
    anonPageCache[period] = data;
    refreshedAt = Date.now();
    res.render("popular", data);
  });
}

const regionCache = new Map();

async function regionStats(i) {
  const region = REGIONS[i % REGIONS.length];
  const hit = regionCache.get(region);
  if (hit) return hit;
  const stats = await loadStats(region);
  regionCache.set(region, stats);
  return stats;
}

async function periodStats(p) {
  const hit = regionCache.get(PERIODS[p]);
  if (hit) return hit;
  const stats = await loadStats(PERIODS[p]);
  regionCache.set(PERIODS[p] ?? "day", stats);
  return stats;
}

module.exports = { popular, regionStats, periodStats };
