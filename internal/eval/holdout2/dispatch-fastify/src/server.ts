import Fastify from 'fastify';
import fs from 'node:fs';
import { connectRedis } from './cache/redis';
import auth from './plugins/auth';
import idempotency from './plugins/idempotency';
import courierRoutes from './routes/couriers';
import deliveryRoutes from './routes/deliveries';
import zoneRoutes from './routes/zones';
import labelRoutes from './routes/labels';

const tls = process.env.TLS_CERT
  ? { cert: fs.readFileSync(process.env.TLS_CERT), key: fs.readFileSync(process.env.TLS_KEY as string) }
  : undefined;

const app = Fastify({ logger: { level: process.env.LOG_LEVEL ?? 'info' }, ...(tls ? { https: tls } : {}) });

app.register(auth);
app.register(idempotency);
app.register(courierRoutes);
app.register(deliveryRoutes);
app.register(zoneRoutes);
app.register(labelRoutes);

app.get('/healthz', { config: { public: true } }, async () => ({ ok: true }));

async function start() {
  await connectRedis();
  await app.listen({ host: '0.0.0.0', port: Number(process.env.PORT ?? 8080) });
}

start().catch((err) => {
  app.log.error(err);
  process.exit(1);
});
