// A loader that wires routes: the handlers it registers still run per request.
"use strict";

const fs = require("fs");

module.exports = async function expressLoader({ app }) {
  app.get("/status", (req, res) => {
    const banner = fs.readFileSync("/srv/banner.txt", "utf8"); // want "`fs.readFileSync` does file I/O on the event loop inside request handler"
    res.json({ ok: true, banner });
  });

  app.use(async (req, res, next) => {
    if (fs.existsSync("/srv/maintenance")) { // want "`fs.existsSync` does file I/O on the event loop inside request handler"
      return res.status(503).end();
    }
    next();
  });
};
