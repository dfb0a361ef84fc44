// Named like a loader, but not in a start-up folder: called from services
// at request time as far as this file can tell.
"use strict";

const fs = require("fs");

async function loadTemplate(name) {
  if (!fs.existsSync(`/srv/templates/${name}.html`)) { // want "`fs.existsSync` does file I/O on the event loop inside async function `loadTemplate`"
    return null;
  }
  return fs.promises.readFile(`/srv/templates/${name}.html`, "utf8");
}

module.exports = loadTemplate;
