import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BullModule } from '@nestjs/bullmq';
import { PrismaService } from './prisma/prisma.service';
import { RedisProvider } from './redis/redis.provider';
import { PatientsController } from './patients/patients.controller';
import { PatientsService } from './patients/patients.service';
import { AuthService } from './auth/auth.service';
import { AppointmentsService } from './appointments/appointments.service';
import { Appointment, Practitioner, Room } from './appointments/entities';
import { SlotsService } from './slots/slots.service';
import { AvailabilityService } from './slots/availability';
import { DocumentsService } from './documents/documents.service';
import { RemindersProcessor } from './reminders/reminders.processor';
import { InsuranceService } from './insurance/insurance.service';

@Module({
  imports: [
    TypeOrmModule.forRoot({
      type: 'postgres',
      url: process.env.DATABASE_URL,
      entities: [Appointment, Practitioner, Room],
      synchronize: false,
      extra: { max: 15 },
    }),
    TypeOrmModule.forFeature([Appointment, Practitioner, Room]),
    BullModule.forRoot({ connection: { url: process.env.REDIS_URL } }),
    BullModule.registerQueue({ name: 'reminders' }),
  ],
  controllers: [PatientsController],
  providers: [
    PrismaService,
    RedisProvider,
    PatientsService,
    AuthService,
    AppointmentsService,
    SlotsService,
    AvailabilityService,
    DocumentsService,
    RemindersProcessor,
    InsuranceService,
  ],
})
export class AppModule {}
