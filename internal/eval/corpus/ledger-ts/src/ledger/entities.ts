import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  VersionColumn,
} from 'typeorm';

export type AccountType = 'asset' | 'liability' | 'equity' | 'revenue' | 'expense';

@Entity('accounts')
export class Account {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index({ unique: true })
  @Column()
  code!: string;

  @Column()
  name!: string;

  @Column({ type: 'varchar' })
  type!: AccountType;

  @Column({ length: 3 })
  currency!: string;

  @Column({ type: 'bigint', default: 0 })
  balanceMinor!: string;

  @VersionColumn()
  version!: number;
}

@Entity('journal_entries')
export class JournalEntry {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index({ unique: true })
  @Column()
  idempotencyKey!: string;

  @Column()
  description!: string;

  @OneToMany(() => Posting, (p) => p.entry, { cascade: ['insert'] })
  postings!: Posting[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

@Entity('postings')
export class Posting {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ManyToOne(() => JournalEntry, (e) => e.postings)
  entry!: JournalEntry;

  @Column('uuid')
  accountId!: string;

  @Column({ type: 'bigint' })
  amountMinor!: string;
}
