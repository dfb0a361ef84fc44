import pg from 'pg';
import Cursor from 'pg-cursor';
import Redis from 'ioredis';
import { PutObjectCommand, GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 1 });
const redis = new Redis(process.env.REDIS_URL, { lazyConnect: true, connectTimeout: 1_000 });
const s3 = new S3Client({});
const BUCKET = process.env.REPORT_BUCKET;

function toCsvRow(r) {
  return [r.owner_id, r.uploads, r.bytes, r.views].join(',');
}

/** Invoked by the admin API: builds (or reuses) the monthly storage report and returns a download link. */
export const handler = async ({ month }) => {
  const urlKey = `reports:url:${month}`;
  const existing = await redis.get(urlKey);
  if (existing) return { url: existing, cached: true };

  const client = await pool.connect(); // expect: missing-release
  const cursor = client.query(
    new Cursor(
      `SELECT owner_id, count(*) AS uploads, sum(bytes) AS bytes, sum(views) AS views
         FROM assets WHERE date_trunc('month', created_at) = $1::date GROUP BY owner_id ORDER BY owner_id`,
      [`${month}-01`],
    ),
  );
  const lines = ['owner_id,uploads,bytes,views'];
  let batch = await cursor.read(1000);
  if (batch.length === 0) {
    return { url: null, empty: true };
  }
  while (batch.length > 0) {
    for (const r of batch) lines.push(toCsvRow(r));
    batch = await cursor.read(1000);
  }
  await cursor.close();
  client.release();

  const key = `storage/${month}.csv`;
  await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: lines.join('\n'), ContentType: 'text/csv' }));
  const url = await getSignedUrl(s3, new GetObjectCommand({ Bucket: BUCKET, Key: key }), { expiresIn: 3600 });
  await redis.set(urlKey, url); // expect: cache-without-ttl
  return { url, cached: false };
};
