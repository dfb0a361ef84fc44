import { Worker, UnrecoverableError, type Job } from 'bullmq';
import { pool, redis } from '../db';
import { ratesFor, taxFor } from '../services/taxRates';

interface FinaliseInvoiceJob {
  invoiceId: string;
  requestedBy: string;
}

async function finaliseInvoice(job: Job<FinaliseInvoiceJob>): Promise<{ number: string }> {
  const { invoiceId } = job.data;
  const client = await pool.connect(); // expect: missing-release
  try {
    await client.query('BEGIN');
    const { rows } = await client.query(
      `SELECT i.id, i.status, i.subtotal_cents, c.country, c.region
         FROM invoices i JOIN customers c ON c.id = i.customer_id
        WHERE i.id = $1
        FOR UPDATE OF i`,
      [invoiceId],
    );
    const invoice = rows[0];
    if (!invoice) {
      throw new UnrecoverableError(`invoice ${invoiceId} does not exist`);
    }
    const tax = taxFor(invoice.subtotal_cents, await ratesFor(invoice.country, invoice.region));
    const {
      rows: [{ number }],
    } = await client.query(
      `UPDATE invoices
          SET status = 'open', tax_cents = $2, total_cents = subtotal_cents + $2,
              number = nextval('invoice_number_seq')::text, issued_at = now()
        WHERE id = $1
        RETURNING number`,
      [invoiceId, tax],
    );
    await client.query('COMMIT');
    client.release();
    return { number };
  } catch (err) {
    await client.query('ROLLBACK');
    throw err;
  }
}

export const invoiceWorker = new Worker<FinaliseInvoiceJob>('invoice-finalise', finaliseInvoice, {
  connection: redis,
  concurrency: 4,
});

invoiceWorker.on('failed', (job, err) => {
  console.error({ jobId: job?.id, err: err.message }, 'invoice finalisation failed');
});
