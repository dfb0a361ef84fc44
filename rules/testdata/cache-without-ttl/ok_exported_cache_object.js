// The cache object is handed to other modules, which may clear it; we
// cannot see that, so it is not reported.
const cache = {};

function remember(key, value) {
  cache[key] = value;
}

module.exports = { cache, remember };
