#!/usr/bin/env node
const fs = require("fs");
const zlib = require("zlib");

async function compressAll(dir) {
  for (const f of fs.readdirSync(dir)) {
    fs.writeFileSync(`${dir}/${f}.gz`, zlib.gzipSync(fs.readFileSync(`${dir}/${f}`)));
  }
}

compressAll(process.argv[2]);
