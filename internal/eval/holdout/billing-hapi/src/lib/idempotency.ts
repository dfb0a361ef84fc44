import type { Request, ResponseToolkit, Lifecycle } from '@hapi/hapi';
import { redis } from '../db';

const TTL_SECONDS = 24 * 60 * 60;

// Requests currently executing in this process, keyed by idempotency key, so a
// client retry that lands here while the first attempt runs waits for it.
const inFlight = new Map<string, Promise<unknown>>();

interface StoredResponse {
  status: number;
  body: unknown;
}

export function idempotent(handler: Lifecycle.Method): Lifecycle.Method {
  return async (request: Request, h: ResponseToolkit) => {
    const key = request.headers['idempotency-key'];
    if (!key) {
      return handler.call(null, request, h);
    }
    const storageKey = `idem:${request.auth.credentials.accountId}:${key}`;
    const stored = await redis.get(storageKey);
    if (stored) {
      const { status, body } = JSON.parse(stored) as StoredResponse;
      return h.response(body as object).code(status).header('Idempotent-Replay', 'true');
    }

    const running = inFlight.get(storageKey);
    if (running) {
      return running;
    }
    const work = (async () => {
      const body = await handler.call(null, request, h);
      await redis
        .multi()
        .set(storageKey, JSON.stringify({ status: 200, body }))
        .expire(storageKey, TTL_SECONDS)
        .exec();
      return body;
    })();
    inFlight.set(storageKey, work);
    try {
      return await work;
    } finally {
      inFlight.delete(storageKey);
    }
  };
}
