// A data migration: it runs once per deploy, so its memo tables live for
// one run and hold one entry per table or component of the schema.
"use strict";

const tableExistsCache = new Map();
const parentSchemas = new Map();

async function tableExists(trx, tableName) {
  if (!tableExistsCache.has(tableName)) {
    const exists = await trx.schema.hasTable(tableName);
    tableExistsCache.set(tableName, exists);
  }
  return tableExistsCache.get(tableName);
}

async function parentsOf(trx, componentUid) {
  const hit = parentSchemas.get(componentUid);
  if (hit) return hit;
  const rows = await trx("components").where({ component: componentUid });
  parentSchemas.set(componentUid, rows);
  return rows;
}

module.exports = {
  async up(trx) {
    for (const uid of await trx("components").pluck("uid")) {
      if (await tableExists(trx, `${uid}_cmps`)) {
        await parentsOf(trx, uid);
      }
    }
  },
};
