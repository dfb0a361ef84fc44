'use strict';

const NodeCache = require('node-cache');

// Plan definitions change only on deploy; cached for two minutes anyway so an
// emergency edit in the database shows up quickly.
const plans = new NodeCache({ stdTTL: 120, checkperiod: 60, useClones: false });

// Per-tenant permission matrices, computed from role grants on first use.
const permissions = new NodeCache({ useClones: false }); // expect: cache-without-ttl

function cachedPlan(id, load) {
  const hit = plans.get(id);
  if (hit !== undefined) return Promise.resolve(hit);
  return load(id).then((plan) => {
    plans.set(id, plan);
    return plan;
  });
}

async function permissionsFor(tenantId, roleId, load) {
  const key = `${tenantId}:${roleId}`;
  let matrix = permissions.get(key);
  if (!matrix) {
    matrix = await load(tenantId, roleId);
    permissions.set(key, matrix);
  }
  return matrix;
}

function dropTenant(tenantId) {
  permissions.del(permissions.keys().filter((k) => k.startsWith(`${tenantId}:`)));
}

module.exports = { cachedPlan, permissionsFor, dropTenant };
