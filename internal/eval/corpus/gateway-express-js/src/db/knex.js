'use strict';

const knexFactory = require('knex');
const config = require('../config');

const knex = knexFactory({
  client: 'mysql2',
  connection: {
    host: config.mysql.host,
    user: config.mysql.user,
    password: config.mysql.password,
    database: config.mysql.database,
  },
  pool: { min: 0, max: 10 },
  acquireConnectionTimeout: 10000,
});

module.exports = { knex };
