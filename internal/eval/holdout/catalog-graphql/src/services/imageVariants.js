'use strict';

const fs = require('node:fs');
const path = require('node:path');
const sharp = require('sharp');

const VARIANT_ROOT = process.env.VARIANT_ROOT || '/var/cache/catalog/variants';
const SIZES = [
  { name: 'thumb', width: 160 },
  { name: 'card', width: 480 },
  { name: 'zoom', width: 1600 },
];

function variantPath(productId, imageId, size) {
  return path.join(VARIANT_ROOT, String(productId % 256), String(productId), `${imageId}-${size}.webp`);
}

/** Renders missing variants of one product image; returns their paths. */
async function ensureVariants(productId, imageId, sourceBuffer) {
  const dir = path.dirname(variantPath(productId, imageId, 'thumb'));
  fs.mkdirSync(dir, { recursive: true }); // expect: sync-api-in-async

  const out = {};
  for (const size of SIZES) {
    const target = variantPath(productId, imageId, size.name);
    out[size.name] = target;
    if (fs.existsSync(target)) continue; // expect: sync-api-in-async
    await sharp(sourceBuffer).resize({ width: size.width, withoutEnlargement: true }).webp({ quality: 82 }).toFile(target);
  }
  return out;
}

async function purgeVariants(productId) {
  const dir = path.join(VARIANT_ROOT, String(productId % 256), String(productId));
  await fs.promises.rm(dir, { recursive: true, force: true });
}

module.exports = { ensureVariants, purgeVariants, SIZES };
