import type { NextApiRequest, NextApiResponse } from "next";
import fs from "fs";

export default function download(request: NextApiRequest, response: NextApiResponse) {
  const file = fs.readFileSync(`/srv/files/${request.query.name}`); // want "sync-api-in-async: `fs.readFileSync`.*request handler `download`"
  response.send(file);
}
