import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, MoreThanOrEqual, Repository } from 'typeorm';
import { Appointment, Practitioner } from '../appointments/entities';

export type Availability = { practitionerId: string; name: string; bookedToday: number; nextFree: Date | null };

@Injectable()
export class AvailabilityService {
  constructor(
    @InjectRepository(Practitioner) private readonly practitioners: Repository<Practitioner>,
    @InjectRepository(Appointment) private readonly appointments: Repository<Appointment>,
  ) {}

  async forSpecialty(clinicId: string, specialty: string): Promise<Availability[]> {
    const list = await this.practitioners.find({ where: { clinicId, specialty, active: true } });
    const now = new Date();

    return Promise.all(
      list.map(async (p) => {
        const upcoming = await this.appointments.find({ // expect: query-in-loop
          where: { practitionerId: p.id, startsAt: MoreThanOrEqual(now), status: 'booked' },
          order: { startsAt: 'ASC' },
          take: 20,
        });
        return { practitionerId: p.id, name: p.name, bookedToday: upcoming.length, nextFree: firstGap(upcoming, now) };
      }),
    );
  }

  async counts(practitionerIds: string[]): Promise<Map<string, number>> {
    const rows = await this.appointments
      .createQueryBuilder('a')
      .select('a.practitioner_id', 'id')
      .addSelect('count(*)::int', 'n')
      .where({ practitionerId: In(practitionerIds), status: 'booked' })
      .groupBy('a.practitioner_id')
      .getRawMany<{ id: string; n: number }>();
    return new Map(rows.map((r) => [r.id, r.n]));
  }
}

function firstGap(sorted: Appointment[], from: Date): Date | null {
  let cursor = from.getTime();
  for (const a of sorted) {
    if (a.startsAt.getTime() - cursor >= 20 * 60_000) return new Date(cursor);
    cursor = Math.max(cursor, a.endsAt.getTime());
  }
  return new Date(cursor);
}
