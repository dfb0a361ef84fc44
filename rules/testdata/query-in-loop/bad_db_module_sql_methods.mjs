import { db } from "../../lib/db.mjs";

// The project's db module exports a pg-promise database; this file does not
// import pg-promise itself. SQL text passed to its methods is a query.
export async function softDelete(assets) {
  for (const asset of assets) {
    await db.none("UPDATE assets SET deleted_at = now() WHERE id = $1", [asset.id]); // want "query-in-loop: db.none runs once per iteration of the loop on line 6 \\(one write per item\\)"
  }
}

export async function owners(ids) {
  return Promise.all(ids.map((id) => db.oneOrNone("SELECT owner_id FROM assets WHERE id = $1", [id]))); // want "db.oneOrNone runs once per element of ids.map on line 12 \\(N\\+1 queries\\)"
}
