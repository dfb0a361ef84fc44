import { logger } from '../lib/logger';

const MAIL_API = process.env.MAIL_API_URL ?? 'https://mail.internal/api/v1/send';

export async function sendEmail(to: string, template: string, vars: Record<string, unknown>): Promise<void> {
  const res = await fetch(MAIL_API, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${process.env.MAIL_API_TOKEN}` },
    body: JSON.stringify({ to, template, vars }),
    signal: AbortSignal.timeout(5_000),
  });
  if (!res.ok) {
    logger.error({ to, template, status: res.status }, 'mail api rejected message');
    throw new Error(`mail api responded ${res.status}`);
  }
}
