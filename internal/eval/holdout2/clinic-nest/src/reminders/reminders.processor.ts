import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { PrismaService } from '../prisma/prisma.service';

type ReminderJob = { clinicId: string; day: string };

@Processor('reminders', { concurrency: 2 })
export class RemindersProcessor extends WorkerHost {
  private readonly log = new Logger(RemindersProcessor.name);

  constructor(private readonly prisma: PrismaService) {
    super();
  }

  async process(job: Job<ReminderJob>): Promise<{ queued: number }> {
    const start = new Date(`${job.data.day}T00:00:00Z`);
    const end = new Date(start.getTime() + 86_400_000);

    const appts = await this.prisma.appointment.findMany({
      where: { clinicId: job.data.clinicId, startsAt: { gte: start, lt: end }, status: 'booked' },
      select: { id: true, patientId: true, startsAt: true, patient: { select: { phone: true, smsOptIn: true } } },
    });

    let queued = 0;
    for (const a of appts) {
      if (!a.patient.smsOptIn || !a.patient.phone) continue;
      const already = await this.prisma.notification.findFirst({ // expect: query-in-loop
        where: { appointmentId: a.id, kind: 'reminder_24h' },
        select: { id: true },
      });
      if (already) continue;
      await this.prisma.notification.create({ // expect: query-in-loop
        data: { appointmentId: a.id, kind: 'reminder_24h', to: a.patient.phone, sendAt: new Date(a.startsAt.getTime() - 86_400_000) },
      });
      queued++;
    }
    await job.updateProgress(100);
    this.log.log(`queued ${queued} reminders for ${job.data.clinicId} ${job.data.day}`);
    return { queued };
  }
}
