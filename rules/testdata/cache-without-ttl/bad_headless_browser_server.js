// A Node service that drives a headless browser: `document` appears only
// inside code sent to the page, and the module-level cache lives in the
// server process.
const express = require("express");
const puppeteer = require("puppeteer");

const app = express();
const heightCache = new Map(); // want "cache-without-ttl: .*module-level Map `heightCache`"

app.get("/height", async (req, res) => {
  const url = String(req.query.url);
  if (heightCache.has(url)) return res.json({ h: heightCache.get(url) });
  const browser = await puppeteer.launch();
  const page = await browser.newPage();
  await page.goto(url);
  const h = await page.evaluate(() => document.body.scrollHeight);
  await browser.close();
  heightCache.set(url, h);
  res.json({ h });
});

module.exports = app;
