import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { db } from '../../lib/db.mjs';

const s3 = new S3Client({});
const OUTPUT_BUCKET = process.env.OUTPUT_BUCKET;
const FFMPEG = process.env.FFMPEG_PATH ?? '/opt/bin/ffmpeg';

async function download(bucket, key) {
  const res = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  const bytes = Buffer.from(await res.Body.transformToByteArray());
  return res.ContentEncoding === 'gzip' ? zlib.gunzipSync(bytes) : bytes; // expect: sync-api-in-async
}

export const handler = async (event) => {
  const record = event.Records[0];
  const bucket = record.s3.bucket.name;
  const key = decodeURIComponent(record.s3.object.key.replace(/\+/g, ' '));
  if (!/\.(mp4|mov|webm)$/i.test(key)) {
    return { skipped: key };
  }

  const input = path.join('/tmp', path.basename(key));
  const output = `${input}.jpg`;
  await fs.promises.writeFile(input, await download(bucket, key));
  try {
    execFileSync(FFMPEG, ['-y', '-ss', '00:00:01', '-i', input, '-frames:v', '1', '-vf', 'scale=640:-2', output], { // expect: sync-api-in-async
      stdio: 'ignore',
      timeout: 20_000,
    });
    const thumbKey = key.replace(/\.[^.]+$/, '.jpg');
    await s3.send(
      new PutObjectCommand({
        Bucket: OUTPUT_BUCKET,
        Key: `thumbnails/${thumbKey}`,
        Body: await fs.promises.readFile(output),
        ContentType: 'image/jpeg',
      }),
    );
    await db.none('UPDATE assets SET thumbnail_key = $1, processed_at = now() WHERE bucket = $2 AND key = $3', [
      `thumbnails/${thumbKey}`,
      bucket,
      key,
    ]);
    return { thumbnail: thumbKey };
  } finally {
    await Promise.allSettled([fs.promises.rm(input, { force: true }), fs.promises.rm(output, { force: true })]);
  }
};
