const { createClient } = require("redis");

const client = createClient();

async function warm(entries) {
  await client.mSet(entries); // want "cache-without-ttl: .*client.mSet"
}

async function rawSet(key, value) {
  await client.sendCommand(["SET", key, value]); // want "cache-without-ttl: .*SET"
}

async function rawSetOk(key, value) {
  await client.sendCommand(["SET", key, value, "EX", "60"]);
}

module.exports = { warm, rawSet, rawSetOk };
