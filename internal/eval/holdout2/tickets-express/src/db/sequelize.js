'use strict';

const { Sequelize, DataTypes } = require('sequelize');

const sequelize = new Sequelize(process.env.DATABASE_URL, {
  dialect: 'postgres',
  logging: false,
  pool: { max: 10, idle: 10000, acquire: 5000 },
});

const Event = sequelize.define(
  'Event',
  {
    id: { type: DataTypes.UUID, primaryKey: true, defaultValue: DataTypes.UUIDV4 },
    title: { type: DataTypes.STRING, allowNull: false },
    venueId: { type: DataTypes.UUID, allowNull: false, field: 'venue_id' },
    startsAt: { type: DataTypes.DATE, allowNull: false, field: 'starts_at' },
    capacity: { type: DataTypes.INTEGER, allowNull: false },
    status: { type: DataTypes.ENUM('draft', 'on_sale', 'sold_out', 'cancelled'), defaultValue: 'draft' },
  },
  { tableName: 'events', underscored: true },
);

const Ticket = sequelize.define(
  'Ticket',
  {
    id: { type: DataTypes.UUID, primaryKey: true, defaultValue: DataTypes.UUIDV4 },
    eventId: { type: DataTypes.UUID, allowNull: false, field: 'event_id' },
    orderId: { type: DataTypes.UUID, field: 'order_id' },
    seat: { type: DataTypes.STRING },
    checkedInAt: { type: DataTypes.DATE, field: 'checked_in_at' },
  },
  { tableName: 'tickets', underscored: true },
);

const Venue = sequelize.define(
  'Venue',
  {
    id: { type: DataTypes.UUID, primaryKey: true, defaultValue: DataTypes.UUIDV4 },
    name: { type: DataTypes.STRING, allowNull: false },
    city: { type: DataTypes.STRING, allowNull: false },
    layout: { type: DataTypes.JSONB },
  },
  { tableName: 'venues', underscored: true },
);

Event.hasMany(Ticket, { foreignKey: 'eventId' });
Ticket.belongsTo(Event, { foreignKey: 'eventId' });
Event.belongsTo(Venue, { foreignKey: 'venueId' });

module.exports = { sequelize, Event, Ticket, Venue };
