const express = require("express");
const fs = require("fs");
const zlib = require("zlib");

const router = express.Router();

router.get("/exports/:id", (req, res) => {
  const raw = fs.readFileSync(`/data/exports/${req.params.id}.json`); // want "sync-api-in-async: .*fs.readFileSync.*request handler"
  const gz = zlib.gzipSync(raw); // want "sync-api-in-async: `zlib.gzipSync` compresses on the event loop.*createGzip"
  res.set("Content-Encoding", "gzip");
  res.send(gz);
});

router.use((req, res, next) => {
  const banned = fs.readFileSync("/etc/app/banned.txt", "utf8").split("\n"); // want "sync-api-in-async: .*fs.readFileSync"
  if (banned.includes(req.ip)) return res.sendStatus(403);
  next();
});

module.exports = router;
