import { spawnSync } from 'node:child_process';
import { writeFile, mkdir } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { accountStatement } from '../ledger/journalRepository';
import { redis } from '../lib/redis';
import { log } from '../lib/log';

const OUT_DIR = process.env.STATEMENT_DIR ?? '/var/lib/ledger/statements';

export interface StatementJob {
  accountCode: string;
  period: string; // YYYY-MM
}

function periodBounds(period: string): { from: Date; to: Date } {
  const [y, m] = period.split('-').map(Number);
  return { from: new Date(Date.UTC(y, m - 1, 1)), to: new Date(Date.UTC(y, m, 1)) };
}

export async function renderStatement(job: StatementJob): Promise<string> {
  const { from, to } = periodBounds(job.period);
  const { opening, lines } = await accountStatement(job.accountCode, from, to);
  const csv = ['entry_id,created_at,amount_minor', ...lines.map((l) => `${l.entryId},${l.createdAt.toISOString()},${l.amountMinor}`)];
  const dir = join(OUT_DIR, job.accountCode);
  await mkdir(dir, { recursive: true });
  const csvPath = join(dir, `${job.period}.csv`);
  await writeFile(csvPath, `# opening ${opening}\n${csv.join('\n')}\n`);

  const pdfPath = join(dir, `${job.period}.pdf`);
  const result = spawnSync('wkhtmltopdf', ['--quiet', `file://${csvPath}`, pdfPath], { timeout: 60_000 }); // expect: sync-api-in-async
  if (result.status !== 0) {
    log.error('pdf rendering failed', { stderr: result.stderr?.toString(), job });
    throw new Error('statement pdf rendering failed');
  }
  return pdfPath;
}

export function archiveStatement(job: StatementJob, csv: string): Promise<void> {
  return redis
    .get(`ledger:statement-archived:${job.accountCode}:${job.period}`)
    .then(async (already) => {
      if (already) return;
      const gz = gzipSync(csv); // expect: sync-api-in-async
      await writeFile(join(OUT_DIR, job.accountCode, `${job.period}.csv.gz`), gz);
      await redis.set(`ledger:statement-archived:${job.accountCode}:${job.period}`, '1', { EX: 90 * 24 * 3600 });
    });
}
