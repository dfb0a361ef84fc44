import {
  pgTable,
  uuid,
  text,
  integer,
  timestamp,
  doublePrecision,
  boolean,
  index,
} from 'drizzle-orm/pg-core';

export const couriers = pgTable('couriers', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  vehicleClass: text('vehicle_class').notNull(),
  zoneId: uuid('zone_id').notNull(),
  active: boolean('active').notNull().default(true),
  createdAt: timestamp('created_at').notNull().defaultNow(),
});

export const zones = pgTable('zones', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull().unique(),
  polygon: text('polygon').notNull(),
  surchargeCents: integer('surcharge_cents').notNull().default(0),
});

export const deliveries = pgTable(
  'deliveries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    courierId: uuid('courier_id'),
    status: text('status').notNull(),
    pickupLat: doublePrecision('pickup_lat').notNull(),
    pickupLng: doublePrecision('pickup_lng').notNull(),
    dropLat: doublePrecision('drop_lat').notNull(),
    dropLng: doublePrecision('drop_lng').notNull(),
    priceCents: integer('price_cents'),
    settledAt: timestamp('settled_at'),
    createdAt: timestamp('created_at').notNull().defaultNow(),
  },
  (t) => ({
    byCourier: index('deliveries_courier_idx').on(t.courierId),
    byStatus: index('deliveries_status_idx').on(t.status, t.createdAt),
  }),
);

export const stops = pgTable('stops', {
  id: uuid('id').primaryKey().defaultRandom(),
  routeId: uuid('route_id').notNull(),
  deliveryId: uuid('delivery_id').notNull(),
  seq: integer('seq').notNull(),
  etaSeconds: integer('eta_seconds'),
});
