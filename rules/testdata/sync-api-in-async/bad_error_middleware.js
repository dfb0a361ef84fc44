const fs = require("fs");
const express = require("express");

const app = express();

app.use((err, req, res, next) => {
  fs.appendFileSync("/var/log/app/errors.log", `${new Date().toISOString()} ${err.stack}\n`); // want "sync-api-in-async: `fs.appendFileSync`.*request handler"
  res.status(500).json({ error: "internal" });
});

module.exports = app;
