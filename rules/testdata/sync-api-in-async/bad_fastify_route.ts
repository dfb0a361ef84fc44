import Fastify from "fastify";
import { gunzipSync } from "node:zlib";
import { readFileSync } from "node:fs";

const fastify = Fastify();

fastify.post("/ingest", (request, reply) => {
  const body = gunzipSync(request.body as Buffer); // want "sync-api-in-async: `gunzipSync` compresses on the event loop"
  reply.send({ size: body.length });
});

fastify.route({
  method: "GET",
  url: "/robots.txt",
  handler: (_req, reply) => {
    reply.type("text/plain").send(readFileSync("./public/robots.txt")); // want "sync-api-in-async: `readFileSync`"
  },
});

fastify.listen({ port: 3000 });
