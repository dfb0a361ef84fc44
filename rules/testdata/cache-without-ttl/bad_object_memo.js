const { fetchTimezone } = require("./tz");

// Time zone of each postcode, looked up on first use.
const zones = Object.create(null); // want "cache-without-ttl: .*module-level object `zones`"

async function zoneFor(postcode) {
  if (zones[postcode] !== undefined) {
    return zones[postcode];
  }
  const zone = await fetchTimezone(postcode);
  zones[postcode] = zone;
  return zone;
}

const thumbs = {}; // want "cache-without-ttl: .*module-level object `thumbs`"

function thumbnailUrl(id, width) {
  const key = `${id}:${width}`;
  let url = thumbs[key];
  if (!url) {
    url = `https://img.example.com/${id}?w=${width}&sig=${sign(id, width)}`;
    thumbs[key] = url;
  }
  return url;
}

function sign(id, width) {
  return String(id).length + width;
}

module.exports = { zoneFor, thumbnailUrl };
