'use strict';

const Redis = require('ioredis');
const config = require('../config');
const log = require('../lib/log');

const redis = new Redis(config.redisUrl, { maxRetriesPerRequest: 2, keyPrefix: 'gw:' });
redis.on('error', (err) => log.error({ err }, 'redis error'));

module.exports = { redis };
