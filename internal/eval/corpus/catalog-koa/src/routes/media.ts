import Router from '@koa/router';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { execFileSync } from 'node:child_process';
import sharp from 'sharp';
import { logger } from '../lib/logger';

const MEDIA_ROOT = path.resolve(process.env.MEDIA_ROOT ?? '/srv/catalog/media');
const THUMB_WIDTHS = [160, 320, 640] as const;

export const mediaRouter = new Router({ prefix: '/media' });

mediaRouter.get('/:file', async (ctx) => {
  const file = path.join(MEDIA_ROOT, path.basename(ctx.params.file));
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file); // expect: sync-api-in-async
  } catch {
    ctx.throw(404);
  }
  ctx.set('last-modified', stat.mtime.toUTCString());
  ctx.set('cache-control', 'public, max-age=86400, immutable');
  ctx.body = fs.createReadStream(file);
});

mediaRouter.get('/:file/thumb/:width', async (ctx) => {
  const width = Number(ctx.params.width);
  if (!THUMB_WIDTHS.includes(width as (typeof THUMB_WIDTHS)[number])) {
    ctx.throw(400, 'unsupported width');
  }
  const source = path.join(MEDIA_ROOT, path.basename(ctx.params.file));
  ctx.type = 'image/webp';
  ctx.body = await sharp(source).resize({ width }).webp({ quality: 80 }).toBuffer();
});

mediaRouter.get('/manifest.json', async (ctx) => {
  const entries = await fs.promises.readdir(MEDIA_ROOT);
  const json = JSON.stringify({ files: entries, generatedAt: new Date().toISOString() });
  if (String(ctx.get('accept-encoding')).includes('br')) {
    ctx.set('content-encoding', 'br');
    ctx.body = zlib.brotliCompressSync(json); // expect: sync-api-in-async
  } else {
    ctx.body = json;
  }
});

mediaRouter.post('/:file/pdf-preview', async (ctx) => {
  const source = path.join(MEDIA_ROOT, path.basename(ctx.params.file));
  const out = `${source}.png`;
  try {
    execFileSync('pdftoppm', ['-png', '-singlefile', '-r', '72', source, source], { timeout: 20_000 }); // expect: sync-api-in-async
  } catch (err) {
    logger.error({ err, source }, 'pdf preview failed');
    ctx.throw(422, 'could not render preview');
  }
  ctx.body = { preview: path.basename(out) };
});
