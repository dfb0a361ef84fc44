const Router = require("@koa/router");
const { inflateSync } = require("zlib");
const fse = require("fs-extra");

const router = new Router();

router.post("/upload", (ctx) => {
  const data = inflateSync(ctx.request.body); // want "sync-api-in-async: `inflateSync`"
  fse.outputFileSync(`/uploads/${Date.now()}`, data); // want "sync-api-in-async: `fse.outputFileSync`"
  ctx.status = 201;
});

router.get("/settings", async (ctx, next) => {
  ctx.body = fse.readJsonSync("/etc/app/settings.json"); // want "sync-api-in-async: `fse.readJsonSync`"
  await next();
});

module.exports = router;
