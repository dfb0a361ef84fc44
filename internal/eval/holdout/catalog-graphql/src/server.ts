import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { createHandler } from 'graphql-http/lib/use/http';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { buildContext } from './context';
import { productResolvers } from './resolvers/product';
import { categoryResolvers } from './resolvers/category';
import reviewResolvers from './resolvers/review';

const typeDefs = fs.readFileSync(path.join(__dirname, 'schema.graphql'), 'utf8');
const schema = makeExecutableSchema({ typeDefs, resolvers: [productResolvers, categoryResolvers, reviewResolvers] });
const graphql = createHandler({ schema, context: (req) => buildContext(req.raw) });

const server = http.createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (url.pathname === '/graphql') {
    return graphql(req, res);
  }
  if (url.pathname === '/playground' && process.env.NODE_ENV !== 'production') {
    const page = fs.readFileSync(path.join(__dirname, 'playground.html')); // expect: sync-api-in-async
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
    return;
  }
  if (url.pathname === '/healthz') {
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    return;
  }
  res.writeHead(404).end();
});

server.listen(Number(process.env.PORT ?? 4000), () => {
  console.log(`catalog graphql on :${process.env.PORT ?? 4000}`);
});
