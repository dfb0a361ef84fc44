import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Pool } from 'pg';

export const PG_POOL = Symbol('PG_POOL');

type ClaimLine = { code: string; units: number; cents: number };

@Injectable()
export class ClaimsService {
  private readonly log = new Logger(ClaimsService.name);

  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async submit(appointmentId: string, lines: ClaimLine[]): Promise<string> {
    const client = await this.pool.connect(); // expect: missing-release
    try {
      await client.query('BEGIN');
      const { rows } = await client.query<{ id: string }>(
        'INSERT INTO claims (appointment_id, status) VALUES ($1, $2) RETURNING id',
        [appointmentId, 'draft'],
      );
      await client.query(
        `INSERT INTO claim_lines (claim_id, code, units, cents)
         SELECT $1, * FROM unnest($2::text[], $3::int[], $4::int[])`,
        [rows[0].id, lines.map((l) => l.code), lines.map((l) => l.units), lines.map((l) => l.cents)],
      );
      await client.query('COMMIT');
      client.release();
      return rows[0].id;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      this.log.error(`claim for ${appointmentId} failed`, err as Error);
      throw err;
    }
  }

  // Applies a remittance file line: marks the claim paid and records the payment.
  async applyRemittance(claimId: string, paidCents: number, payerRef: string): Promise<boolean> {
    const client = await this.pool.connect(); // expect: missing-release
    await client.query('BEGIN');
    const { rows } = await client.query<{ status: string }>('SELECT status FROM claims WHERE id = $1 FOR UPDATE', [
      claimId,
    ]);
    if (rows.length === 0 || rows[0].status === 'paid') {
      await client.query('ROLLBACK');
      return false;
    }
    await client.query('UPDATE claims SET status = $2, paid_cents = $3 WHERE id = $1', [claimId, 'paid', paidCents]);
    await client.query('INSERT INTO claim_payments (claim_id, payer_ref, cents) VALUES ($1, $2, $3)', [
      claimId,
      payerRef,
      paidCents,
    ]);
    await client.query('COMMIT');
    client.release();
    return true;
  }

  async status(claimIds: string[]): Promise<Record<string, string>> {
    const client = await this.pool.connect();
    try {
      const { rows } = await client.query<{ id: string; status: string }>(
        'SELECT id, status FROM claims WHERE id = ANY($1::uuid[])',
        [claimIds],
      );
      return Object.fromEntries(rows.map((r) => [r.id, r.status]));
    } finally {
      client.release();
    }
  }
}
