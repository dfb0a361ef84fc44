import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'warehouses' })
export class Warehouse {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ length: 8, unique: true })
  code!: string;

  @Column()
  name!: string;

  @Column({ length: 2 })
  country!: string;

  @Column({ default: true })
  active!: boolean;
}
