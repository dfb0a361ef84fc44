'use strict';

const NodeCache = require('node-cache');
const { knex } = require('../db/knex');

// Account plan lookups: expire after two minutes so plan changes propagate.
const planCache = new NodeCache({ stdTTL: 120, checkperiod: 60 });

// Scope sets per API key prefix.
const scopeCache = new NodeCache(); // expect: cache-without-ttl

// Resolved tenant ids by custom domain.
const domainToTenant = new Map(); // expect: cache-without-ttl

async function planFor(accountId) {
  let plan = planCache.get(accountId);
  if (plan === undefined) {
    const row = await knex('accounts').where({ id: accountId }).first('plan');
    plan = row ? row.plan : 'free';
    planCache.set(accountId, plan);
  }
  return plan;
}

async function scopesFor(prefix) {
  const cached = scopeCache.get(prefix);
  if (cached) return cached;
  const row = await knex('api_keys').where({ prefix }).whereNull('revoked_at').first('scopes');
  const scopes = new Set(row ? JSON.parse(row.scopes) : []);
  scopeCache.set(prefix, scopes);
  return scopes;
}

async function tenantForDomain(hostname) {
  if (domainToTenant.has(hostname)) {
    return domainToTenant.get(hostname);
  }
  const row = await knex('custom_domains').where({ hostname, verified: true }).first('tenant_id');
  const tenantId = row ? row.tenant_id : null;
  domainToTenant.set(hostname, tenantId);
  return tenantId;
}

function forget(prefix) {
  scopeCache.del(prefix);
}

module.exports = { planFor, scopesFor, tenantForDomain, forget };
