const LRU = require("lru-cache");

const templateCache = new LRU(); // want "cache-without-ttl: .*LRU cache with no `max`"

function render(name, data) {
  let tpl = templateCache.get(name);
  if (!tpl) {
    tpl = compile(name);
    templateCache.set(name, tpl);
  }
  return tpl(data);
}

function compile(name) {
  return (data) => `${name}:${JSON.stringify(data)}`;
}

module.exports = { render };
