import { pgTable, text, timestamp, uuid, index } from 'drizzle-orm/pg-core';

export const memberships = pgTable('memberships', {
  teamId: text('team_id').notNull(),
  userId: text('user_id').notNull(),
  role: text('role').notNull().default('member'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const apiKeys = pgTable('api_keys', {
  id: uuid('id').primaryKey().defaultRandom(),
  teamId: text('team_id').notNull(),
  prefix: text('prefix').notNull(),
  hashedSecret: text('hashed_secret').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
});

export const usageEvents = pgTable(
  'usage_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    teamId: text('team_id').notNull(),
    apiKeyId: uuid('api_key_id').notNull(),
    route: text('route').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => ({
    byTeamTime: index('usage_events_team_time_idx').on(t.teamId, t.createdAt),
    byKey: index('usage_events_key_idx').on(t.apiKeyId),
  }),
);
