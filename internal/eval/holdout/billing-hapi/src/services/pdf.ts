import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';

const TEMPLATE_DIR = path.join(__dirname, '..', '..', 'templates');

// Compiled once at start-up.
const invoiceTemplate = Handlebars.compile(fs.readFileSync(path.join(TEMPLATE_DIR, 'invoice.hbs'), 'utf8'));
const footerHtml = fs.readFileSync(path.join(TEMPLATE_DIR, 'footer.html'), 'utf8');

export interface InvoiceForPdf {
  id: string;
  number: string;
  total_cents: number;
  currency: string;
  issued_at: Date;
}

async function loadLogo(): Promise<string> {
  const logo = await fs.promises.readFile(path.join(TEMPLATE_DIR, 'logo.png'));
  return `data:image/png;base64,${logo.toString('base64')}`;
}

export async function renderInvoicePdf(invoice: InvoiceForPdf): Promise<Buffer> {
  const html = invoiceTemplate({
    ...invoice,
    total: (invoice.total_cents / 100).toFixed(2),
    logo: await loadLogo(),
    footer: footerHtml,
  });

  const out = spawnSync('wkhtmltopdf', ['--quiet', '--page-size', 'A4', '-', '-'], { // expect: sync-api-in-async
    input: html,
    maxBuffer: 20 * 1024 * 1024,
    timeout: 30_000,
  });
  if (out.status !== 0) {
    throw new Error(`wkhtmltopdf exited ${out.status}: ${out.stderr.toString().slice(0, 500)}`);
  }
  return out.stdout;
}
