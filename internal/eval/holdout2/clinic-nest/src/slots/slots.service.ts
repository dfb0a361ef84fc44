import { Inject, Injectable } from '@nestjs/common';
import type Redis from 'ioredis';
import { REDIS } from '../redis/redis.provider';
import { AppointmentsService } from '../appointments/appointments.service';

export type Slot = { practitionerId: string; startsAt: string; minutes: number };

const SLOT_MINUTES = 20;

@Injectable()
export class SlotsService {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly appointments: AppointmentsService,
  ) {}

  private key(practitionerId: string, day: string) {
    return `slots:${practitionerId}:${day}`;
  }

  async openSlots(practitionerId: string, day: string): Promise<Slot[]> {
    const cached = await this.redis.get(this.key(practitionerId, day));
    if (cached) return JSON.parse(cached) as Slot[];

    const booked = await this.appointments.day([practitionerId], new Date(day));
    const slots: Slot[] = [];
    const base = new Date(`${day}T08:00:00Z`).getTime();
    for (let t = base; t < base + 9 * 3600_000; t += SLOT_MINUTES * 60_000) {
      const taken = booked.some((a) => a.startsAt.getTime() < t + SLOT_MINUTES * 60_000 && a.endsAt.getTime() > t);
      if (!taken) slots.push({ practitionerId, startsAt: new Date(t).toISOString(), minutes: SLOT_MINUTES });
    }

    await this.redis.set(this.key(practitionerId, day), JSON.stringify(slots), 'EX', 120);
    return slots;
  }

  async invalidate(practitionerId: string, day: string): Promise<void> {
    await this.redis.del(this.key(practitionerId, day));
  }

  // Weekly template (which weekdays a practitioner works). Edited rarely by admins.
  async saveTemplate(practitionerId: string, weekdays: number[]): Promise<void> {
    await this.redis.set(`template:${practitionerId}`, JSON.stringify(weekdays)); // expect: cache-without-ttl
  }

  async template(practitionerId: string): Promise<number[]> {
    const raw = await this.redis.get(`template:${practitionerId}`);
    return raw ? (JSON.parse(raw) as number[]) : [1, 2, 3, 4, 5];
  }

  async recordView(practitionerId: string, day: string): Promise<void> {
    const k = `views:${day}`;
    await this.redis.multi().hincrby(k, practitionerId, 1).expire(k, 7 * 86400).exec();
  }
}
