// Server code whose identifiers merely look like DOM globals: `document`
// here is a local (a database record), not the browser's.
const express = require("express");
const { findDocument, render } = require("./store");

const app = express();
const renderedCache = {}; // want "cache-without-ttl: .*module-level object `renderedCache`"

app.get("/docs/:id", async (req, res) => {
  if (renderedCache[req.params.id]) return res.send(renderedCache[req.params.id]);
  const document = await findDocument(req.params.id);
  const html = await render(document.body);
  renderedCache[req.params.id] = html;
  res.send(html);
});

module.exports = app;
