'use strict';

const { knex } = require('../db/knex');

const SORTABLE = new Set(['name', 'created_at', 'plan']);

async function findTenants(filters = {}, { sort = 'created_at', dir = 'desc', limit = 50 } = {}) {
  const query = knex('tenants').select('id', 'name', 'plan', 'region', 'created_at');
  for (const [column, value] of Object.entries(filters)) {
    if (value === undefined || value === '') continue;
    if (Array.isArray(value)) {
      query.whereIn(column, value);
    } else {
      query.where(column, value);
    }
  }
  return query.orderBy(SORTABLE.has(sort) ? sort : 'created_at', dir === 'asc' ? 'asc' : 'desc').limit(Math.min(limit, 200));
}

async function tenantsWithOwners(tenantIds) {
  const tenants = await knex('tenants').whereIn('id', tenantIds);
  const owners = await knex('users').whereIn('tenant_id', tenantIds).andWhere('role', 'owner');
  const byTenant = new Map(owners.map((o) => [o.tenant_id, o]));
  return tenants.map((t) => ({ ...t, owner: byTenant.get(t.id) || null }));
}

async function regionSummary(tenantIds) {
  const summary = {};
  for (const id of tenantIds) {
    const tenant = await knex('tenants').where({ id }).first('region', 'plan'); // expect: query-in-loop
    if (!tenant) continue;
    summary[tenant.region] = summary[tenant.region] || { total: 0, paid: 0 };
    summary[tenant.region].total += 1;
    if (tenant.plan !== 'free') summary[tenant.region].paid += 1;
  }
  return summary;
}

async function renameTenants(renames) {
  await knex.transaction(async (trx) => {
    for (const { id, name } of renames) {
      await trx('tenants').where({ id }).update({ name, updated_at: knex.fn.now() }); // expect: query-in-loop
    }
  });
}

module.exports = { findTenants, tenantsWithOwners, regionSummary, renameTenants };
