// Named caches that store what they are given, and doc-commented caches
// whose stored value is computed: still caches.
const { renderPage } = require("./render");

const pageCache = new Map(); // want "cache-without-ttl: .*module-level Map `pageCache`"

function rememberPage(url, html) {
  pageCache.set(url, html);
}

// Cache of rendered pages.
const rendered = {}; // want "cache-without-ttl: .*module-level object `rendered`"

async function putRendered(url, page) {
  page = await renderPage(page);
  rendered[url] = page;
}

module.exports = { rememberPage, putRendered };
