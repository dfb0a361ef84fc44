// A registry whose comment calls it a cache: it stores the function the
// caller hands over under its name (after a duplicate check), computing
// nothing, so it holds one entry per registered helper.
const engine = require("./engine");

// Internal cache
const helpers = {};

function registerHelper(name, helperFn) {
  if (helpers[name]) {
    return;
  }
  helpers[name] = helperFn;
  engine.register(name, helperFn);
}

// Cache of plugin factories.
const factories = new Map();

function addFactory(kind, factory) {
  factories.set(kind, factory);
}

module.exports = { registerHelper, addFactory };
