import { readFileSync } from "fs";
import * as fs from "node:fs";
import express from "express";

// Start-up: read once when the module loads.
const config = JSON.parse(readFileSync("./config.json", "utf8"));
const cert = fs.readFileSync(process.env.TLS_CERT ?? "./cert.pem");
const banner = fs.existsSync("./banner.txt") ? fs.readFileSync("./banner.txt", "utf8") : "";

const app = express();

app.get("/config", async (_req, res) => {
  res.json({ name: config.name, banner, hasCert: cert.length > 0 });
});

app.listen(config.port, () => {
  fs.writeFileSync("./server.pid", String(process.pid));
});
