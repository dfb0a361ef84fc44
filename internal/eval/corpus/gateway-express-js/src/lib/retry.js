'use strict';

const log = require('./log');

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs fn up to `attempts` times with exponential backoff and jitter.
 * Only errors for which isRetryable(err) is true are retried.
 */
async function withRetry(fn, { attempts = 3, baseMs = 100, isRetryable = () => true, label = 'operation' } = {}) {
  let lastErr;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      return await fn(attempt);
    } catch (err) {
      lastErr = err;
      if (attempt === attempts || !isRetryable(err)) {
        break;
      }
      const delay = baseMs * 2 ** (attempt - 1) + Math.floor(Math.random() * baseMs);
      log.warn({ err, attempt, delay, label }, 'retrying after failure');
      await sleep(delay);
    }
  }
  throw lastErr;
}

const isTransientMysqlError = (err) =>
  ['ER_LOCK_DEADLOCK', 'ER_LOCK_WAIT_TIMEOUT', 'PROTOCOL_CONNECTION_LOST', 'ECONNRESET'].includes(err && err.code);

module.exports = { withRetry, sleep, isTransientMysqlError };
