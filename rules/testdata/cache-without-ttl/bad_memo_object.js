const memo = {}; // want "cache-without-ttl: .*module-level object `memo`"

async function exchangeRate(from, to) {
  const key = `${from}:${to}`;
  if (key in memo) {
    return memo[key];
  }
  const rate = await fetchRate(from, to);
  memo[key] = rate;
  return rate;
}

async function fetchRate() {
  return 1.1;
}

module.exports = { exchangeRate };
