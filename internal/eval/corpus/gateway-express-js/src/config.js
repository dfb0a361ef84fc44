'use strict';

const fs = require('fs');
const path = require('path');

const env = process.env.NODE_ENV || 'development';
const file = path.join(__dirname, '..', 'config', `${env}.json`);
const fileConfig = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {};

module.exports = {
  env,
  port: Number(process.env.PORT || fileConfig.port || 8080),
  mysql: {
    host: process.env.MYSQL_HOST || fileConfig.mysqlHost || '127.0.0.1',
    user: process.env.MYSQL_USER || 'gateway',
    password: process.env.MYSQL_PASSWORD || '',
    database: process.env.MYSQL_DATABASE || 'gateway',
    connectionLimit: Number(process.env.MYSQL_POOL || 15),
  },
  redisUrl: process.env.REDIS_URL || 'redis://127.0.0.1:6379/2',
  upstreamTimeoutMs: Number(process.env.UPSTREAM_TIMEOUT_MS || 15000),
  keyPepper: process.env.API_KEY_PEPPER || '',
};
