// Keys that look like table lookups but are not bounded by one.
"use strict";

const ROUTES = { home: "/", about: "/about" };
const LABELS = { day: "Today", week: "This week" };

// The table itself grows: registerRoute adds to it.
function registerRoute(name, path) {
  ROUTES[name] = path;
}

const pageCache = new Map(); // want "module-level Map `pageCache` is used as a cache that only grows"

async function page(name) {
  const route = ROUTES[name];
  const hit = pageCache.get(route);
  if (hit) return hit;
  const html = await render(route);
  pageCache.set(route, html);
  return html;
}

// A table value combined with a user id: one entry per user.
const feedCache = {}; // want "module-level object `feedCache` is used as a cache that only grows"

async function feed(period, userId) {
  const key = LABELS[period] + ":" + userId;
  if (feedCache[key]) return feedCache[key];
  feedCache[key] = await loadFeed(period, userId);
  return feedCache[key];
}

// The fallback comes from the request.
const statsCache = new Map(); // want "module-level Map `statsCache` is used as a cache that only grows"

async function stats(req) {
  let label = LABELS[req.query.period];
  label = label || req.query.period;
  const hit = statsCache.get(label);
  if (hit) return hit;
  const s = await loadStats(label);
  statsCache.set(label, s);
  return s;
}

module.exports = { registerRoute, page, feed, stats };
