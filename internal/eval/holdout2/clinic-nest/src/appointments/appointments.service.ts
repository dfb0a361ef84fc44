import { ConflictException, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Between, DataSource, In, Repository } from 'typeorm';
import { Appointment, Room } from './entities';

export type BookingRequest = {
  patientId: string;
  practitionerId: string;
  startsAt: Date;
  minutes: number;
};

@Injectable()
export class AppointmentsService {
  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(Appointment) private readonly appointments: Repository<Appointment>,
    @InjectRepository(Room) private readonly rooms: Repository<Room>,
  ) {}

  async book(req: BookingRequest): Promise<Appointment> {
    const endsAt = new Date(req.startsAt.getTime() + req.minutes * 60_000);
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction('SERIALIZABLE');
    try {
      const clash = await runner.manager
        .createQueryBuilder(Appointment, 'a')
        .where('a.practitioner_id = :p', { p: req.practitionerId })
        .andWhere('a.status = :s', { s: 'booked' })
        .andWhere('a.starts_at < :end AND a.ends_at > :start', { start: req.startsAt, end: endsAt })
        .getCount();
      if (clash > 0) throw new ConflictException('slot taken');

      const appt = runner.manager.create(Appointment, { ...req, endsAt, status: 'booked' });
      await runner.manager.save(appt);
      await runner.commitTransaction();
      return appt;
    } catch (err) {
      await runner.rollbackTransaction();
      throw err;
    } finally {
      await runner.release();
    }
  }

  async day(practitionerIds: string[], day: Date): Promise<Appointment[]> {
    const start = new Date(day);
    start.setHours(0, 0, 0, 0);
    const end = new Date(start.getTime() + 24 * 3600 * 1000);
    return this.appointments.find({
      where: { practitionerId: In(practitionerIds), startsAt: Between(start, end), status: 'booked' },
      order: { startsAt: 'ASC' },
    });
  }

  // Assign free rooms to this morning's appointments that have none.
  async assignRooms(clinicId: string, day: Date): Promise<number> {
    const rooms = await this.rooms.findBy({ clinicId });
    const todays = await this.appointments
      .createQueryBuilder('a')
      .innerJoin('a.practitioner', 'p', 'p.clinic_id = :clinicId', { clinicId })
      .where('a.room_id IS NULL')
      .andWhere('a.starts_at::date = :day', { day: day.toISOString().slice(0, 10) })
      .orderBy('a.starts_at')
      .getMany();

    const busyUntil = new Map<string, number>(rooms.map((r) => [r.id, 0]));
    const updates: Array<{ id: string; roomId: string }> = [];
    for (const a of todays) {
      const free = rooms.find((r) => (busyUntil.get(r.id) ?? 0) <= a.startsAt.getTime());
      if (!free) continue;
      busyUntil.set(free.id, a.endsAt.getTime());
      updates.push({ id: a.id, roomId: free.id });
    }
    if (updates.length === 0) return 0;

    await this.dataSource.query(
      `UPDATE appointments AS a SET room_id = u.room_id::uuid
         FROM unnest($1::uuid[], $2::text[]) AS u(id, room_id)
        WHERE a.id = u.id`,
      [updates.map((u) => u.id), updates.map((u) => u.roomId)],
    );
    return updates.length;
  }

  async cancelMany(ids: string[]): Promise<void> {
    await this.appointments.update({ id: In(ids) }, { status: 'cancelled' });
  }
}
