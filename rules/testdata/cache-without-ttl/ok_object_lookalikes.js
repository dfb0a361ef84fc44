// Objects filled as given, counted, or grouped.
const routes = {};
function route(path, handler) {
  if (routes[path]) {
    throw new Error(`duplicate route ${path}`);
  }
  routes[path] = handler;
}

const counts = {};
function count(event) {
  counts[event] = (counts[event] || 0) + 1;
}

const byDay = {};
function group(row) {
  const day = row.createdAt.slice(0, 10);
  if (!byDay[day]) {
    byDay[day] = [];
  }
  byDay[day].push(row);
}

const totals = {};
function add(account, cents) {
  totals[account] += cents;
}

module.exports = { route, count, group, add };
