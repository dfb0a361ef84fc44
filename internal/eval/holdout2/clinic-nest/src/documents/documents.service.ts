import { Injectable, Logger } from '@nestjs/common';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PrismaService } from '../prisma/prisma.service';

const WKHTMLTOPDF = process.env.WKHTMLTOPDF_BIN ?? '/usr/bin/wkhtmltopdf';

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

@Injectable()
export class DocumentsService {
  private readonly log = new Logger(DocumentsService.name);

  constructor(private readonly prisma: PrismaService) {}

  // Visit summary PDF for the patient portal.
  async visitSummary(appointmentId: string): Promise<Buffer> {
    const appt = await this.prisma.appointment.findUniqueOrThrow({
      where: { id: appointmentId },
      include: { patient: true, practitioner: true, notes: { where: { shareWithPatient: true } } },
    });

    const html = `<!doctype html><html><body>
      <h1>Visit summary</h1>
      <p>${escapeHtml(appt.patient.firstName)} ${escapeHtml(appt.patient.lastName)}</p>
      <p>Seen by ${escapeHtml(appt.practitioner.name)} on ${appt.startsAt.toDateString()}</p>
      ${appt.notes.map((n) => `<p>${escapeHtml(n.body)}</p>`).join('\n')}
    </body></html>`;

    const dir = mkdtempSync(join(tmpdir(), 'visit-')); // expect: sync-api-in-async
    try {
      const src = join(dir, 'in.html');
      const out = join(dir, 'out.pdf');
      writeFileSync(src, html); // expect: sync-api-in-async
      execFileSync(WKHTMLTOPDF, ['--quiet', src, out], { timeout: 20_000 }); // expect: sync-api-in-async
      return await readFile(out);
    } finally {
      rmSync(dir, { recursive: true, force: true }); // expect: sync-api-in-async
      this.log.debug(`rendered ${appointmentId}`);
    }
  }
}
