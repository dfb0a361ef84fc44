import { Injectable, NotFoundException } from '@nestjs/common';
import { Prisma } from '@prisma/client';
import { PrismaService } from '../prisma/prisma.service';

export type PatientSummary = {
  id: string;
  fullName: string;
  nextAppointment: Date | null;
  openInvoices: number;
};

@Injectable()
export class PatientsService {
  constructor(private readonly prisma: PrismaService) {}

  async get(id: string) {
    const patient = await this.prisma.patient.findUnique({
      where: { id },
      include: { contacts: true, allergies: { orderBy: { recordedAt: 'desc' } } },
    });
    if (!patient) throw new NotFoundException();
    return patient;
  }

  // Front-desk list: today's patients with their next visit and unpaid invoices.
  async summaries(clinicId: string, search?: string): Promise<PatientSummary[]> {
    const where: Prisma.PatientWhereInput = { clinicId, archivedAt: null };
    if (search) {
      where.OR = [
        { lastName: { startsWith: search, mode: 'insensitive' } },
        { mrn: search },
      ];
    }
    const patients = await this.prisma.patient.findMany({ where, take: 50, orderBy: { lastName: 'asc' } });

    const out: PatientSummary[] = [];
    for (const p of patients) {
      const next = await this.prisma.appointment.findFirst({ // expect: query-in-loop
        where: { patientId: p.id, startsAt: { gte: new Date() }, status: 'booked' },
        orderBy: { startsAt: 'asc' },
        select: { startsAt: true },
      });
      out.push({ id: p.id, fullName: `${p.firstName} ${p.lastName}`, nextAppointment: next?.startsAt ?? null, openInvoices: 0 });
    }

    const unpaid = await this.prisma.invoice.groupBy({
      by: ['patientId'],
      where: { patientId: { in: patients.map((p) => p.id) }, paidAt: null },
      _count: { _all: true },
    });
    const byPatient = new Map(unpaid.map((u) => [u.patientId, u._count._all]));
    for (const s of out) s.openInvoices = byPatient.get(s.id) ?? 0;
    return out;
  }

  async mergeDuplicates(keepId: string, dropIds: string[]) {
    return this.prisma.$transaction([
      this.prisma.appointment.updateMany({ where: { patientId: { in: dropIds } }, data: { patientId: keepId } }),
      this.prisma.invoice.updateMany({ where: { patientId: { in: dropIds } }, data: { patientId: keepId } }),
      this.prisma.patient.updateMany({ where: { id: { in: dropIds } }, data: { archivedAt: new Date(), mergedInto: keepId } }),
    ]);
  }

  async tagAll(ids: string[], tag: string) {
    await this.prisma.patientTag.createMany({
      data: ids.map((patientId) => ({ patientId, tag })),
      skipDuplicates: true,
    });
  }
}
