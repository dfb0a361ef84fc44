'use strict';

const { randomUUID } = require('crypto');
const log = require('../lib/log');

module.exports = function requestLog() {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    req.id = req.headers['x-request-id'] || randomUUID();
    res.setHeader('x-request-id', req.id);
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      log.info(
        { reqId: req.id, method: req.method, url: req.originalUrl, status: res.statusCode, ms: Math.round(ms) },
        'request',
      );
    });
    next();
  };
};
