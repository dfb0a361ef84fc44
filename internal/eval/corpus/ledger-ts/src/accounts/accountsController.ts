import { Router, Request, Response } from 'express';
import { generateKeyPairSync, createSign, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dataSource } from '../lib/dataSource';
import { Account } from '../ledger/entities';
import { getBalance, cacheLimits } from './balanceCache';
import { postEntry, UnbalancedEntryError } from '../ledger/postingService';
import { log } from '../lib/log';

// Signing key for balance confirmations, read at start-up.
const SIGNING_KEY = readFileSync(process.env.CONFIRMATION_KEY_PATH ?? '/run/secrets/confirmation.pem', 'utf8');

export const accountsRouter = Router();

accountsRouter.get('/:id/balance', async (req: Request, res: Response) => {
  const balance = await getBalance(req.params.id);
  const signer = createSign('SHA256');
  signer.update(JSON.stringify(balance));
  res.json({ ...balance, signature: signer.sign(SIGNING_KEY, 'base64') });
});

accountsRouter.post('/:id/webhook-keys', async (req: Request, res: Response) => {
  const account = await dataSource.getRepository(Account).findOneBy({ id: req.params.id });
  if (!account) {
    res.sendStatus(404);
    return;
  }
  const { publicKey, privateKey } = generateKeyPairSync('ed25519', { // expect: sync-api-in-async
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  await dataSource.query('INSERT INTO webhook_keys (account_id, public_key) VALUES ($1, $2)', [account.id, publicKey]);
  log.info('webhook key generated', { accountId: account.id });
  res.status(201).json({ publicKey, privateKey });
});

accountsRouter.put('/:id/limits', async (req: Request, res: Response) => {
  const { dailyLimitMinor, perTxLimitMinor } = req.body as { dailyLimitMinor: string; perTxLimitMinor: string };
  await dataSource.query(
    `INSERT INTO account_limits (account_id, daily_limit_minor, per_tx_limit_minor) VALUES ($1, $2, $3)
     ON CONFLICT (account_id) DO UPDATE SET daily_limit_minor = EXCLUDED.daily_limit_minor,
                                            per_tx_limit_minor = EXCLUDED.per_tx_limit_minor`,
    [req.params.id, dailyLimitMinor, perTxLimitMinor],
  );
  await cacheLimits(req.params.id, dailyLimitMinor, perTxLimitMinor);
  res.sendStatus(204);
});

accountsRouter.post('/transfers', async (req: Request, res: Response) => {
  const { from, to, amountMinor, reference } = req.body as {
    from: string;
    to: string;
    amountMinor: string;
    reference?: string;
  };
  const idempotencyKey = String(req.headers['idempotency-key'] ?? randomBytes(16).toString('hex'));
  try {
    const entryId = await postEntry(idempotencyKey, reference ?? 'transfer', [
      { accountId: from, amountMinor: -BigInt(amountMinor) },
      { accountId: to, amountMinor: BigInt(amountMinor) },
    ]);
    res.status(201).json({ entryId });
  } catch (err) {
    if (err instanceof UnbalancedEntryError) {
      res.status(422).json({ error: err.message });
      return;
    }
    throw err;
  }
});
