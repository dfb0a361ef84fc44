import { Column, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

@Entity('practitioners')
export class Practitioner {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column() name!: string;
  @Column() specialty!: string;
  @Column({ name: 'clinic_id' }) clinicId!: string;
  @Column({ default: true }) active!: boolean;
}

@Entity('rooms')
export class Room {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column() label!: string;
  @Column({ name: 'clinic_id' }) clinicId!: string;
}

@Entity('appointments')
@Index(['practitionerId', 'startsAt'])
export class Appointment {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'patient_id' }) patientId!: string;
  @Column({ name: 'practitioner_id' }) practitionerId!: string;
  @Column({ name: 'room_id', nullable: true }) roomId!: string | null;
  @Column({ name: 'starts_at', type: 'timestamptz' }) startsAt!: Date;
  @Column({ name: 'ends_at', type: 'timestamptz' }) endsAt!: Date;
  @Column({ default: 'booked' }) status!: 'booked' | 'cancelled' | 'done';
  @ManyToOne(() => Practitioner) practitioner?: Practitioner;
}
