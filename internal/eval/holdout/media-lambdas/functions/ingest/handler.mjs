import { db, pgp, assetColumns } from '../../lib/db.mjs';

/**
 * SQS consumer for the upload service's "asset.*" events. Uses partial batch
 * responses so one bad message does not redeliver the whole batch.
 */
export const handler = async (event) => {
  const failures = [];
  const created = [];
  const deleted = [];

  for (const record of event.Records) {
    try {
      const msg = JSON.parse(record.body);
      if (msg.type === 'asset.created') created.push({ ...msg.asset, meta: msg.asset.meta ?? {} });
      else if (msg.type === 'asset.deleted') deleted.push(msg.asset);
    } catch {
      failures.push({ itemIdentifier: record.messageId });
    }
  }

  if (created.length > 0) {
    // One multi-row INSERT for the whole batch.
    const insert = pgp.helpers.insert(created, assetColumns) + ' ON CONFLICT (id) DO NOTHING';
    await db.none(insert);
  }

  for (const asset of deleted) {
    await db.none('UPDATE assets SET deleted_at = now() WHERE id = $1 AND owner_id = $2', [asset.id, asset.ownerId]); // expect: query-in-loop
  }

  if (deleted.length > 0) {
    await reassignAlbumCovers(deleted[0].ownerId, deleted.map((a) => a.id));
  }
  return { batchItemFailures: failures };
};

/**
 * Album covers are protected by row-level security keyed on app.owner_id, so
 * this runs on one connection with the setting applied.
 */
async function reassignAlbumCovers(ownerId, removedIds) {
  const sco = await db.connect(); // expect: missing-release
  await sco.none("SELECT set_config('app.owner_id', $1, false)", [ownerId]);
  const albums = await sco.any('SELECT id FROM albums WHERE cover_asset_id IN ($1:csv)', [removedIds]);
  if (albums.length === 0) {
    sco.done();
    return 0;
  }
  const result = await sco.result(
    `UPDATE albums a
        SET cover_asset_id = (SELECT aa.asset_id FROM album_assets aa
                               JOIN assets s ON s.id = aa.asset_id AND s.deleted_at IS NULL
                              WHERE aa.album_id = a.id ORDER BY aa.position LIMIT 1)
      WHERE a.id IN ($1:csv)`,
    [albums.map((a) => a.id)],
  );
  sco.done();
  return result.rowCount;
}
