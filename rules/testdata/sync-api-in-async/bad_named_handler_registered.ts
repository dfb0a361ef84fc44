import express from "express";
import { statSync } from "fs";

const app = express();

function fileInfo(_: express.Request, out: express.Response) {
  const st = statSync("/srv/data/big.bin"); // want "sync-api-in-async: `statSync`.*request handler `fileInfo`"
  out.json({ size: st.size });
}

app.get("/info", fileInfo);

export default app;
