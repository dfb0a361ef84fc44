import { NestFactory } from '@nestjs/core';
import { ValidationPipe, Logger } from '@nestjs/common';
import { readFileSync } from 'fs';
import { AppModule } from './app.module';

const httpsOptions =
  process.env.TLS_KEY_FILE && process.env.TLS_CERT_FILE
    ? { key: readFileSync(process.env.TLS_KEY_FILE), cert: readFileSync(process.env.TLS_CERT_FILE) }
    : undefined;

async function bootstrap(): Promise<void> {
  const app = await NestFactory.create(AppModule, { httpsOptions, bufferLogs: true });
  app.useGlobalPipes(new ValidationPipe({ whitelist: true, transform: true }));
  app.enableShutdownHooks();
  const port = Number(process.env.PORT ?? 3000);
  await app.listen(port);
  new Logger('Bootstrap').log(`inventory service listening on ${port}`);
}

void bootstrap();
