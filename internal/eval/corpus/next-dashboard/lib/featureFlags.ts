import NodeCache from 'node-cache';
import { prisma } from './prisma';

export type FlagKey = 'new-billing' | 'usage-alerts' | 'ai-summaries' | 'sso-enforced';

// Per-team flag overrides; refreshed every minute so toggles in the admin take effect quickly.
const overrides = new NodeCache({ stdTTL: 60, checkperiod: 120, useClones: false });

// Rendered flag banners, keyed by team and locale.
const bannerCache = new NodeCache({ useClones: false }); // expect: cache-without-ttl

const DEFAULTS: Record<FlagKey, boolean> = {
  'new-billing': false,
  'usage-alerts': true,
  'ai-summaries': false,
  'sso-enforced': false,
};

export async function isEnabled(teamId: string, flag: FlagKey): Promise<boolean> {
  const cacheKey = `${teamId}:${flag}`;
  const cached = overrides.get<boolean>(cacheKey);
  if (cached !== undefined) {
    return cached;
  }
  const row = await prisma.flagOverride.findUnique({ where: { teamId_flag: { teamId, flag } } });
  const value = row?.enabled ?? DEFAULTS[flag];
  overrides.set(cacheKey, value);
  return value;
}

export async function enabledFlags(teamId: string): Promise<FlagKey[]> {
  const rows = await prisma.flagOverride.findMany({ where: { teamId } });
  const merged = { ...DEFAULTS };
  for (const row of rows) {
    merged[row.flag as FlagKey] = row.enabled;
  }
  return (Object.keys(merged) as FlagKey[]).filter((k) => merged[k]);
}

export async function bannerHtml(teamId: string, locale: string): Promise<string> {
  const key = `${teamId}:${locale}`;
  const hit = bannerCache.get<string>(key);
  if (hit !== undefined) {
    return hit;
  }
  const flags = await enabledFlags(teamId);
  const html = flags.length === 0 ? '' : `<div class="flag-banner" lang="${locale}">${flags.join(' · ')}</div>`;
  bannerCache.set(key, html);
  return html;
}
