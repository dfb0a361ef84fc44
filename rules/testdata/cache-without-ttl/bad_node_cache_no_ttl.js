const NodeCache = require("node-cache");
const express = require("express");

const cache = new NodeCache(); // want "cache-without-ttl: .*NodeCache has no `stdTTL`"
const forever = new NodeCache({ stdTTL: 0, checkperiod: 120 }); // want "cache-without-ttl: .*stdTTL: 0"

const router = express.Router();

router.get("/weather/:city", async (req, res) => {
  const city = req.params.city;
  let data = cache.get(city);
  if (!data) {
    data = await fetchWeather(city);
    cache.set(city, data);
  }
  forever.set(`last:${city}`, Date.now());
  res.json(data);
});

async function fetchWeather(city) {
  return { city, temp: 21 };
}

module.exports = router;
