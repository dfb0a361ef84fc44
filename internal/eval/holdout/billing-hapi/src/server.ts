import Hapi from '@hapi/hapi';
import fs from 'node:fs';
import path from 'node:path';
import { invoiceRoutes } from './routes/invoices';
import { customerRoutes } from './routes/customers';
import { webhookRoutes } from './routes/webhooks';
import { exportRoutes } from './routes/exports';
import { shutdown } from './db';

// Start-up configuration: read once, before the server accepts traffic.
const tls = process.env.TLS_CERT_PATH
  ? {
      key: fs.readFileSync(process.env.TLS_KEY_PATH ?? '/etc/billing/tls.key'),
      cert: fs.readFileSync(process.env.TLS_CERT_PATH),
    }
  : undefined;

const openapi = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'openapi.json'), 'utf8'));
const { version } = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8'));

export async function init(): Promise<Hapi.Server> {
  const server = Hapi.server({
    port: Number(process.env.PORT ?? 8080),
    host: '0.0.0.0',
    tls,
    routes: { cors: { origin: ['https://dashboard.payhub.example'] } },
  });

  server.route([...invoiceRoutes, ...customerRoutes, ...webhookRoutes, ...exportRoutes]);
  server.route({ method: 'GET', path: '/openapi.json', handler: () => openapi });
  server.route({ method: 'GET', path: '/healthz', handler: () => ({ ok: true, version }) });

  server.events.on('stop', () => {
    void shutdown();
  });
  await server.initialize();
  return server;
}

if (require.main === module) {
  init()
    .then((server) => server.start())
    .then(() => console.log(`billing api ${version} listening`))
    .catch((err) => {
      console.error(err);
      process.exit(1);
    });
}
