// A start-up loader: the application calls it once while it boots
// (register phase), before it accepts requests.
"use strict";

const path = require("path");
const fs = require("fs");

async function loadPlugins(app) {
  if (!fs.existsSync(app.dirs.plugins)) {
    return;
  }
  const names = fs.readdirSync(app.dirs.plugins);
  for (const name of names) {
    const manifest = JSON.parse(fs.readFileSync(path.join(app.dirs.plugins, name, "manifest.json"), "utf8"));
    await app.registerPlugin(name, manifest);
  }
}

module.exports = loadPlugins;
