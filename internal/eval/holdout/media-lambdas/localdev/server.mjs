// Local harness: serves the Lambda handlers over HTTP for `npm run dev`.
import http from 'node:http';
import { readFile } from 'node:fs/promises';
import { handler as authorizer } from '../functions/authorizer/index.mjs';
import { handler as reports } from '../functions/reports/handler.mjs';

const routes = {
  'POST /authorize': (body) => authorizer({ authorizationToken: body.token, methodArn: 'arn:aws:execute-api:local:0:dev/GET/x' }),
  'POST /reports': (body) => reports({ month: body.month }),
};

async function readBody(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
}

const server = http.createServer(async (req, res) => {
  try {
    if (req.method === 'GET' && req.url.startsWith('/events/')) {
      const fixture = await readFile(new URL(`../fixtures/${req.url.slice(8)}.json`, import.meta.url));
      res.writeHead(200, { 'content-type': 'application/json' }).end(fixture);
      return;
    }
    const route = routes[`${req.method} ${req.url}`];
    if (!route) {
      res.writeHead(404).end();
      return;
    }
    const out = await route(await readBody(req));
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(out));
  } catch (err) {
    res.writeHead(500, { 'content-type': 'text/plain' }).end(String(err?.stack ?? err));
  }
});

server.listen(3999, '127.0.0.1', () => console.log('lambda harness on http://127.0.0.1:3999'));
