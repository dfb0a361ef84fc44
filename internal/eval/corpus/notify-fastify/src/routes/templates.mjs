import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import Handlebars from 'handlebars';

const TEMPLATE_ROOT = process.env.TEMPLATE_ROOT ?? path.resolve('templates');

// Compiled templates keyed by content hash.
const compiled = new Map(); // expect: cache-without-ttl

function compile(source) {
  const digest = crypto.createHash('sha1').update(source).digest('hex');
  let fn = compiled.get(digest);
  if (!fn) {
    fn = Handlebars.compile(source, { strict: true });
    compiled.set(digest, fn);
  }
  return fn;
}

export default async function templateRoutes(app) {
  app.post('/templates/:name/preview', async (req, reply) => {
    const name = req.params.name.replace(/[^a-z0-9-]/gi, '');
    const file = path.join(TEMPLATE_ROOT, `${name}.hbs`);
    let source;
    try {
      source = fs.readFileSync(file, 'utf8'); // expect: sync-api-in-async
    } catch {
      return reply.code(404).send({ error: 'unknown template' });
    }
    const html = compile(source)(req.body?.vars ?? {});
    return reply.type('text/html').send(html);
  });

  app.get('/templates', async () => {
    const entries = await fs.promises.readdir(TEMPLATE_ROOT, { withFileTypes: true });
    return entries.filter((e) => e.isFile() && e.name.endsWith('.hbs')).map((e) => e.name.slice(0, -4));
  });

  app.put('/templates/:name', { config: { admin: true } }, (req, reply) => {
    const name = req.params.name.replace(/[^a-z0-9-]/gi, '');
    fs.writeFileSync(path.join(TEMPLATE_ROOT, `${name}.hbs`), String(req.body.source)); // expect: sync-api-in-async
    reply.code(204).send();
  });
}
