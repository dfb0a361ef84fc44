'use strict';

// Orders and payments still live in the MySQL database from the first version of the product.
const mysql = require('mysql2/promise');

const pool = mysql.createPool({
  uri: process.env.ORDERS_MYSQL_URL,
  connectionLimit: 10,
  waitForConnections: true,
  queueLimit: 100,
  namedPlaceholders: true,
});

module.exports = { pool };
